import type { SQSEvent, SQSRecord } from 'aws-lambda';

export const INGEST_QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:ingest';

/** An S3 event notification body as S3 writes it to SQS, keys URL-encoded as S3 does. */
export function s3NotificationBody(
  keys: readonly string[],
  eventName = 'ObjectCreated:Put',
  bucket = 'drops',
): string {
  return JSON.stringify({
    Records: keys.map((key) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      eventName,
      s3: { bucket: { name: bucket }, object: { key: encodeS3Key(key), size: 10 } },
    })),
  });
}

/** S3's own key encoding: URL-encoded with `+` for spaces and `/` kept. */
export function encodeS3Key(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

let nextId = 0;

/** An SQS record as the Lambda event source delivers it. */
export function sqsRecord(
  body: string,
  options: { receiveCount?: number; messageId?: string } = {},
): SQSRecord {
  nextId += 1;
  const messageId = options.messageId ?? `message-${nextId}`;
  return {
    messageId,
    receiptHandle: `receipt-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(options.receiveCount ?? 1),
      SentTimestamp: '1700000000000',
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: '1700000000000',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: INGEST_QUEUE_ARN,
    awsRegion: 'us-east-1',
  };
}

export const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

/** A Lambda context whose remaining time is fixed. */
export const lambdaContext = (remainingMs = 60_000) => ({ getRemainingTimeInMillis: () => remainingMs });
