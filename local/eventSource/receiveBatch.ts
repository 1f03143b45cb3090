import { setTimeout as sleep } from 'node:timers/promises';
import { type Message, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** How the event source gathers one batch. */
export interface BatchingSettings {
  readonly batchSize: number;
  /** The mapping's MaximumBatchingWindowInSeconds, in ms; 0 invokes with whatever one receive returns. */
  readonly windowMs: number;
  /** Long-poll wait of one receive; 0 (a short poll) lets a poller stop at once. */
  readonly waitTimeSeconds: number;
}

/**
 * Receives up to `batchSize` messages, with every system attribute (ApproximateReceiveCount among them), as
 * the Lambda poller does; the queue's own visibility timeout applies, as it does for Lambda.
 */
export async function receiveBatch(
  sqs: SQSClient,
  queueUrl: string,
  settings: BatchingSettings,
): Promise<Message[]> {
  const messages: Message[] = [];
  const windowEnds = Date.now() + settings.windowMs;
  do {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: Math.min(10, settings.batchSize - messages.length),
        WaitTimeSeconds: settings.waitTimeSeconds,
        MessageSystemAttributeNames: ['All'],
        // The older spelling, for SQS implementations that predate MessageSystemAttributeNames.
        AttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    messages.push(...Messages);
    // Short polls within a batching window are spaced out rather than spun.
    if (Messages.length === 0 && settings.waitTimeSeconds === 0 && Date.now() < windowEnds) await sleep(50);
  } while (messages.length < settings.batchSize && Date.now() < windowEnds);
  return messages;
}
