import type { ChangeMessageVisibilityBatchCommand, SQSClient } from '@aws-sdk/client-sqs';

/** A failed record and how long SQS should keep it invisible before delivering it again. */
export interface Deferral {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly eventSourceARN: string;
  readonly visibilityTimeoutSeconds: number;
}

/** A record whose visibility could not be set, and why (SQS's error or the entry's failure code). */
export interface NotDeferred {
  readonly messageId: string;
  readonly reason: string;
}

/** Sets each record's visibility; returns the records it could not defer (their queue default applies). */
export type DeferMessages = (deferrals: readonly Deferral[]) => Promise<NotDeferred[]>;

/** SQS's batch APIs take at most 10 entries. */
const SQS_BATCH_LIMIT = 10;

/** The queue URL behind an SQS queue ARN (`arn:partition:sqs:region:account:name`). */
export function queueUrlFromArn(arn: string): string {
  const [, partition, , region, account, name] = arn.split(':');
  const domain = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sqs.${region}.${domain}/${account}/${name}`;
}

const errorText = (error: unknown) => {
  const { name, message } = error as Error;
  return message && message !== name ? `${name}: ${message}` : String(name);
};

/** Consecutive deferrals of one queue, at most 10 per call. */
function chunksOf(deferrals: readonly Deferral[]): Deferral[][] {
  const chunks: Deferral[][] = [];
  for (const deferral of deferrals) {
    const chunk = chunks.at(-1);
    if (chunk && chunk.length < SQS_BATCH_LIMIT && chunk[0]?.eventSourceARN === deferral.eventSourceARN) {
      chunk.push(deferral);
    } else {
      chunks.push([deferral]);
    }
  }
  return chunks;
}

/** The part of the SQS SDK the deferrer uses, handed over by whoever loads it. */
export interface SqsApi {
  readonly client: Pick<SQSClient, 'send'>;
  readonly ChangeMessageVisibilityBatchCommand: typeof ChangeMessageVisibilityBatchCommand;
}

/** `loadSqs` is called on first use: only failures need SQS, so it stays off the cold start. */
export function createMessageDeferrer(loadSqs: () => Promise<SqsApi>): DeferMessages {
  return async (deferrals) => {
    if (deferrals.length === 0) return [];
    let sqs: SqsApi;
    try {
      sqs = await loadSqs();
    } catch (error) {
      // Without SQS the records still fail and come back after the queue's default visibility.
      return deferrals.map(({ messageId }) => ({ messageId, reason: errorText(error) }));
    }
    const results = await Promise.all(
      chunksOf(deferrals).map(async (chunk): Promise<NotDeferred[]> => {
        try {
          const output = await sqs.client.send(
            new sqs.ChangeMessageVisibilityBatchCommand({
              QueueUrl: queueUrlFromArn(chunk[0]?.eventSourceARN ?? ''),
              Entries: chunk.map((deferral, index) => ({
                Id: String(index),
                ReceiptHandle: deferral.receiptHandle,
                VisibilityTimeout: deferral.visibilityTimeoutSeconds,
              })),
            }),
          );
          return (output.Failed ?? []).map((failure) => ({
            messageId: chunk[Number(failure.Id)]?.messageId ?? '',
            reason: [failure.Code, failure.Message].filter(Boolean).join(': ') || 'refused by SQS',
          }));
        } catch (error) {
          return chunk.map(({ messageId }) => ({ messageId, reason: errorText(error) }));
        }
      }),
    );
    return results.flat();
  };
}
