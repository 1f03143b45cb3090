import {
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { describeMessageBody } from './describeMessageBody';
import type { Output, RedriveQueues } from './types';

/** At most this many messages are shown; one receive returns at most 10. */
export const SAMPLE_SIZE = 10;
/** A short poll may answer from a few SQS servers only, so a few receives gather a fuller sample. */
const SAMPLE_RECEIVES = 3;

export interface PeekDeadLettersInput {
  readonly sqs: SQSClient;
  readonly queues: RedriveQueues;
  readonly output: Output;
}

/** The dry run: counts the dead-letter queue's messages and shows a sample's S3 keys, moving nothing. */
export async function peekDeadLetters({ sqs, queues, output }: PeekDeadLettersInput): Promise<boolean> {
  const { deadLetter, source } = queues;
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: deadLetter.url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  const waiting = Attributes?.ApproximateNumberOfMessages ?? '?';
  const inFlight = Attributes?.ApproximateNumberOfMessagesNotVisible ?? '?';
  output.log(
    `Dead-letter queue ${deadLetter.url}: about ${waiting} message(s) waiting, ${inFlight} in flight.`,
  );
  if (source) output.log(`A redrive would send them to ${source.url}.`);

  const sample = await receiveSample(sqs, deadLetter.url);
  if (sample.length > 0) output.log(`A sample of ${sample.length}, by S3 key:`);
  for (const message of sample) {
    output.log(`  ${message.MessageId}: ${describeMessageBody(message.Body ?? '')}`);
  }
  output.log('Dry run: nothing was moved or deleted.');
  return true;
}

async function receiveSample(sqs: SQSClient, queueUrl: string): Promise<Message[]> {
  const sample = new Map<string, Message>();
  for (let attempt = 0; attempt < SAMPLE_RECEIVES && sample.size < SAMPLE_SIZE; attempt++) {
    // VisibilityTimeout 0 leaves each message visible, as if never received; nothing is deleted.
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: SAMPLE_SIZE,
        VisibilityTimeout: 0,
      }),
    );
    if (Messages.length === 0) break;
    for (const message of Messages) {
      if (message.MessageId && sample.size < SAMPLE_SIZE) sample.set(message.MessageId, message);
    }
  }
  return [...sample.values()];
}
