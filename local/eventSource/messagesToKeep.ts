import type { SQSRecord } from 'aws-lambda';
import type { InvocationResult } from '../function/executionEnvironment';

/**
 * The message IDs the event source leaves in the queue after an invocation, by Lambda's rules for partial
 * batch responses: all of them when the function failed or answered something malformed (an empty, unknown or
 * missing `itemIdentifier`); the listed ones when it reported failures; none for an empty or null response.
 */
export function messagesToKeep(
  result: InvocationResult,
  records: readonly SQSRecord[],
  reportBatchItemFailures: boolean,
): Set<string> {
  const everyMessage = new Set(records.map((record) => record.messageId));
  if (result.outcome !== 'returned') return everyMessage;
  if (!reportBatchItemFailures || result.response === null) return new Set();
  if (typeof result.response !== 'object') return everyMessage;
  const failures = (result.response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return new Set();
  if (!Array.isArray(failures)) return everyMessage;
  const keep = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !everyMessage.has(id)) return everyMessage;
    keep.add(id);
  }
  return keep;
}
