import { setTimeout as sleep } from 'node:timers/promises';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** A queue's messages: waiting to be received, and received but neither deleted nor visible again. */
export interface MessageCounts {
  readonly visible: number;
  readonly inFlight: number;
}

export async function messageCounts(sqs: SQSClient, queueUrl: string): Promise<MessageCounts> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return {
    visible: Number(Attributes.ApproximateNumberOfMessages),
    inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible),
  };
}

const POLL_INTERVAL_MS = 250;

/**
 * Waits until the queue holds no message at all (none visible, none in flight) or the time is up, and
 * returns the last counts either way, so a caller can report what was left rather than only that it was.
 */
export async function waitUntilDrained(
  sqs: SQSClient,
  queueUrl: string,
  timeoutMs: number,
): Promise<MessageCounts> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await messageCounts(sqs, queueUrl);
    if ((counts.visible === 0 && counts.inFlight === 0) || Date.now() >= deadline) return counts;
    await sleep(POLL_INTERVAL_MS);
  }
}
