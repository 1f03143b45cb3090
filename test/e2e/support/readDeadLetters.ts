import {
  ChangeMessageVisibilityBatchCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { s3KeysInBody } from '../../../scripts/ops/redrive/describeMessageBody';

/** One dead-lettered message: its body and the object keys in it (none when it is not an S3 or EventBridge event). */
export interface DeadLetter {
  readonly messageId: string;
  readonly body: string;
  readonly keys: readonly string[];
}

/** Long enough that one reading never sees a message twice. */
const READING_VISIBILITY_SECONDS = 60;

/** Reads every message of the dead-letter queue and makes each visible again, so a redrive still finds it. */
export async function readDeadLetters(sqs: SQSClient, queueUrl: string): Promise<DeadLetter[]> {
  const letters: DeadLetter[] = [];
  const handles: string[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: READING_VISIBILITY_SECONDS,
      }),
    );
    if (Messages.length === 0) break;
    for (const message of Messages) {
      const body = message.Body ?? '';
      letters.push({ messageId: message.MessageId ?? '', body, keys: s3KeysInBody(body) ?? [] });
      handles.push(message.ReceiptHandle ?? '');
    }
  }
  for (let start = 0; start < handles.length; start += 10) {
    const entries = handles.slice(start, start + 10).map((ReceiptHandle, index) => ({
      Id: String(index),
      ReceiptHandle,
      VisibilityTimeout: 0,
    }));
    await sqs.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
  }
  return letters;
}
