import type { ChangeMessageVisibilityBatchCommand, SQSClient } from '@aws-sdk/client-sqs';

/** A failed record and how long SQS should keep it invisible before delivering it again. */
export interface Deferral {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly eventSourceARN: string;
  readonly visibilityTimeoutSeconds: number;
}

/** Sets each record's visibility; returns the message IDs it could not defer (their queue default applies). */
export type DeferMessages = (deferrals: readonly Deferral[]) => Promise<string[]>;

/** The part of the SQS SDK the deferrer uses, handed over by whoever loads it. */
export interface SqsApi {
  readonly client: Pick<SQSClient, 'send'>;
  readonly ChangeMessageVisibilityBatchCommand: typeof ChangeMessageVisibilityBatchCommand;
}

/** SQS's batch APIs take at most 10 entries. */
const SQS_BATCH_LIMIT = 10;

/** The queue URL behind an SQS queue ARN (`arn:partition:sqs:region:account:name`). */
export function queueUrlFromArn(arn: string): string {
  const [, partition, , region, account, name] = arn.split(':');
  const domain = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sqs.${region}.${domain}/${account}/${name}`;
}

/** SQS is only needed when something fails, so `loadSqs` is called on first use, off the cold path. */
export function createMessageDeferrer(loadSqs: () => Promise<SqsApi>): DeferMessages {
  return async (deferrals) => {
    if (deferrals.length === 0) return [];
    let sqs: SqsApi;
    try {
      sqs = await loadSqs();
    } catch {
      // Without SQS the records still fail and come back after the queue's default visibility.
      return deferrals.map((deferral) => deferral.messageId);
    }
    const { client, ChangeMessageVisibilityBatchCommand } = sqs;
    const chunks: Deferral[][] = [];
    for (const deferral of deferrals) {
      const chunk = chunks.at(-1);
      if (chunk && chunk.length < SQS_BATCH_LIMIT && chunk[0]?.eventSourceARN === deferral.eventSourceARN) {
        chunk.push(deferral);
      } else {
        chunks.push([deferral]);
      }
    }
    const results = await Promise.all(
      chunks.map(async (chunk) => {
        try {
          const output = await client.send(
            new ChangeMessageVisibilityBatchCommand({
              QueueUrl: queueUrlFromArn(chunk[0]?.eventSourceARN ?? ''),
              Entries: chunk.map((deferral, index) => ({
                Id: String(index),
                ReceiptHandle: deferral.receiptHandle,
                VisibilityTimeout: deferral.visibilityTimeoutSeconds,
              })),
            }),
          );
          return (output.Failed ?? []).map((failure) => chunk[Number(failure.Id)]?.messageId ?? '');
        } catch {
          return chunk.map((deferral) => deferral.messageId);
        }
      }),
    );
    return results.flat();
  };
}
