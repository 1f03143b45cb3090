import {
  DeleteMessageBatchCommand,
  type Message,
  type MessageAttributeValue,
  SendMessageBatchCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { QueueRef } from './types';

/** What became of one received batch. */
export interface BatchOutcome {
  /** Sent to the ingest queue and deleted from the dead-letter queue. */
  readonly copied: number;
  /** Not sent: still in the dead-letter queue. */
  readonly unsent: number;
  /** Sent but not deleted: will be sent again by the next run, a harmless duplicate. */
  readonly undeleted: number;
  /** One line per problem. */
  readonly problems: readonly string[];
}

/** Sends a batch to the ingest queue, then deletes from the dead-letter queue only the messages whose send succeeded. */
export async function copyBatch(
  sqs: SQSClient,
  from: QueueRef,
  to: QueueRef,
  messages: readonly Message[],
): Promise<BatchOutcome> {
  const problems: string[] = [];
  const sentIds = new Set<string>();
  try {
    const { Successful = [], Failed = [] } = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: to.url,
        Entries: messages.map((message, index) => ({
          Id: String(index),
          MessageBody: message.Body ?? '',
          ...attributesOf(message),
        })),
      }),
    );
    for (const entry of Successful) if (entry.Id) sentIds.add(entry.Id);
    for (const entry of Failed) {
      problems.push(`send of ${idOf(messages, entry.Id)} failed: ${entry.Code} ${entry.Message ?? ''}`);
    }
  } catch (error) {
    problems.push(`send of ${messages.length} message(s) failed: ${(error as Error).message}`);
  }

  const sent = messages.filter((_, index) => sentIds.has(String(index)));
  let undeleted = 0;
  if (sent.length > 0) {
    try {
      const { Failed = [] } = await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: from.url,
          Entries: sent.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle,
          })),
        }),
      );
      undeleted = Failed.length;
      for (const entry of Failed) {
        problems.push(`delete of ${idOf(sent, entry.Id)} failed: ${entry.Code} ${entry.Message ?? ''}`);
      }
    } catch (error) {
      undeleted = sent.length;
      problems.push(`delete of ${sent.length} sent message(s) failed: ${(error as Error).message}`);
    }
  }
  return { copied: sent.length - undeleted, unsent: messages.length - sent.length, undeleted, problems };
}

/** Message attributes as SendMessage takes them; the list-valued fields are reserved by SQS and never set. */
function attributesOf(message: Message): { MessageAttributes?: Record<string, MessageAttributeValue> } {
  const entries = Object.entries(message.MessageAttributes ?? {});
  if (entries.length === 0) return {};
  return {
    MessageAttributes: Object.fromEntries(
      entries.map(([name, { DataType, StringValue, BinaryValue }]) => [
        name,
        {
          DataType,
          ...(StringValue === undefined ? {} : { StringValue }),
          ...(BinaryValue === undefined ? {} : { BinaryValue }),
        },
      ]),
    ),
  };
}

function idOf(messages: readonly Message[], entryId: string | undefined): string {
  return messages[Number(entryId)]?.MessageId ?? `entry ${entryId}`;
}
