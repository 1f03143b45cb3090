import type { SQSBatchResponse } from 'aws-lambda';
import type { RecordFailure } from './decideFailures';

/** The partial batch response: only the failed records come back. */
export function respond(failures: readonly RecordFailure[]): SQSBatchResponse {
  return { batchItemFailures: failures.map(({ record }) => ({ itemIdentifier: record.messageId })) };
}
