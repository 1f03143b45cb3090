/**
 * The most records one SQS batch can carry: Lambda's 6 MB event limit filled with the smallest S3
 * notification records (a 6 MiB event held 3,800 of them).
 */
export const MAX_RECORDS_PER_EVENT = 3800;

/**
 * Peak memory of one invocation, in MB, as a line fitted to two measurements of the shipped bundle:
 * - slope: 0.0139 MB per record, from the bench's peak RSS (48.5 MiB idle, 95.8 MiB for 3,566 records, Node 20);
 * - base: 79 MB, so that a 6 MiB / 3,800-record event peaks at 132 MB, as measured on the runtime's Node 24.
 * So 128 MB takes batches of up to about 3,500 records.
 */
const BASE_MB = 79;
const PER_RECORD_MB = 0.0139;

/** Peak memory of the largest batch a batch size allows. */
export function peakMemoryMb(batchSize: number): number {
  return Math.ceil(BASE_MB + PER_RECORD_MB * Math.min(batchSize, MAX_RECORDS_PER_EVENT));
}
