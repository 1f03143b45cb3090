import { createHash, randomUUID } from 'node:crypto';
import type { SQSRecord } from 'aws-lambda';
import type { ImportMapping } from '../contract/importMapping';
import { encodeS3Key } from '../test/lambda/factories';

/** Lambda's invocation payload limit, which caps an SQS batch: 6 MiB of event JSON. */
export const MAX_INVOCATION_PAYLOAD_BYTES = 6 * 2 ** 20;

export const BENCH_QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:BenchImportTrigger-ingest';
/** The bucket the bench's notifications name; the bench's function environment watches it. */
export const BENCH_BUCKET_NAME = 'bench-import-trigger-drops';
const BUCKET = BENCH_BUCKET_NAME;

/** `count` imports with distinct prefixes and UUIDs. */
export function benchImports(count: number): ImportMapping[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(2, '0');
    return { prefix: `feeds/import-${number}/`, uuid: `b3c0a000-0000-4000-8000-0000000000${number}` };
  });
}

/** Deterministic filler of a given length, so records are as large as real ones without random sizes. */
const filler = (seed: string, length: number): string => {
  let text = '';
  for (let round = 0; text.length < length; round++) {
    text += createHash('sha256').update(`${seed}:${round}`).digest('base64').replace(/=+$/, '');
  }
  return text.slice(0, length);
};

/**
 * An SQS record carrying one S3 ObjectCreated notification, with every field S3 and SQS fill in and values
 * of real lengths (a receipt handle is about 400 characters), so a 6 MiB batch holds as many as in production.
 */
export function s3SqsRecord(key: string, sequence: number): SQSRecord {
  const seed = String(sequence);
  const body = JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: new Date(1_717_200_000_000 + sequence * 37).toISOString(),
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:AROAEXAMPLEROLEID:bench-uploader' },
        requestParameters: { sourceIPAddress: '203.0.113.24' },
        responseElements: {
          'x-amz-request-id': createHash('md5')
            .update(`request${seed}`)
            .digest('hex')
            .slice(0, 16)
            .toUpperCase(),
          'x-amz-id-2': filler(`id2${seed}`, 76),
        },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: filler('configuration', 48),
          bucket: {
            name: BUCKET,
            ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
            arn: `arn:aws:s3:::${BUCKET}`,
          },
          object: {
            key: encodeS3Key(key),
            size: 1_048_576 + sequence,
            eTag: createHash('md5').update(seed).digest('hex'),
            sequencer: `0066${(sequence + 1).toString(16).toUpperCase().padStart(12, '0')}`,
          },
        },
      },
    ],
  });
  return {
    messageId: randomUUID(),
    receiptHandle: `AQEB${filler(`receipt${seed}`, 400)}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(1_717_200_000_000 + sequence),
      SenderId: 'AROAEXAMPLESENDERID:S3-PROD-END',
      ApproximateFirstReceiveTimestamp: String(1_717_200_000_050 + sequence),
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: BENCH_QUEUE_ARN,
    awsRegion: 'us-east-1',
  };
}

/** A drop of `files` files spread evenly over the imports, in an interleaved (shuffled) arrival order. */
export function burstRecords(files: number, imports: readonly ImportMapping[]): SQSRecord[] {
  const order = Array.from({ length: files }, (_, index) => index);
  // A fixed-seed shuffle: uploads of several feeds overlap in time, and every run sees the same order.
  let state = 0x9e3779b9;
  for (let index = order.length - 1; index > 0; index--) {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    const other = state % (index + 1);
    [order[index], order[other]] = [order[other] as number, order[index] as number];
  }
  return order.map((file, position) => {
    const mapping = imports[file % imports.length] as ImportMapping;
    return s3SqsRecord(
      `${mapping.prefix}2024/06/01/customer export ${String(file).padStart(5, '0')}.csv`,
      position,
    );
  });
}

/** The most records of this shape that fit one invocation payload, `{"Records":[…]}` included. */
export function recordsFittingPayload(
  records: readonly SQSRecord[],
  limitBytes = MAX_INVOCATION_PAYLOAD_BYTES,
): number {
  let bytes = Buffer.byteLength('{"Records":[]}');
  for (const [index, record] of records.entries()) {
    bytes += Buffer.byteLength(JSON.stringify(record)) + (index > 0 ? 1 : 0);
    if (bytes > limitBytes) return index;
  }
  return records.length;
}

/** The import a bench record's file belongs to, read back from its key. */
export function importOf(record: SQSRecord, imports: readonly ImportMapping[]): ImportMapping | undefined {
  const key = decodeURIComponent(JSON.parse(record.body).Records[0].s3.object.key.replace(/\+/g, ' '));
  return imports.find((mapping) => key.startsWith(mapping.prefix));
}

/** Splits records into batches of at most `size`, as the event source mapping delivers them. */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
