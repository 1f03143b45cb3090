import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';

export const INGEST_QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:ingest';
/** The bucket the factories' notifications come from, and the one the tests' settings watch. */
export const WATCHED_BUCKET = 'drops';

/** An S3 event notification body as S3 writes it to SQS, keys URL-encoded as S3 does. */
export function s3NotificationBody(
  keys: readonly string[],
  eventName = 'ObjectCreated:Put',
  bucket = WATCHED_BUCKET,
): string {
  return JSON.stringify({
    Records: keys.map((key) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      eventTime: '2026-11-30T12:00:00.000Z',
      eventName,
      s3: { bucket: { name: bucket }, object: { key: encodeS3Key(key), size: 10 } },
    })),
  });
}

/** An S3 event notification body with one record per key, each at this event time (absent: no `eventTime`). */
export function s3NotificationBodyAt(keys: readonly string[], eventTime: string | undefined): string {
  const body = JSON.parse(s3NotificationBody(keys)) as { Records: Record<string, unknown>[] };
  for (const record of body.Records) {
    if (eventTime === undefined) delete record.eventTime;
    else record.eventTime = eventTime;
  }
  return JSON.stringify(body);
}

/** An S3 event as EventBridge delivers it to SQS: the key as stored, not URL-encoded. */
export function eventBridgeBody(key: string, detailType = 'Object Created', bucket = WATCHED_BUCKET): string {
  return JSON.stringify({
    version: '0',
    id: '17793124-05d4-b198-2fde-7ededc63b103',
    'detail-type': detailType,
    source: 'aws.s3',
    account: '123456789012',
    time: '2026-11-30T12:00:00Z',
    region: 'us-east-1',
    resources: [`arn:aws:s3:::${bucket}`],
    detail: {
      version: '0',
      bucket: { name: bucket },
      object: { key, size: 10, etag: 'b1946ac92492d2347c6235b4d2611184' },
      'request-id': 'N4N7GDK58NMKJ12R',
      requester: '123456789012',
      reason: 'PutObject',
    },
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
  options: { receiveCount?: number; messageId?: string; sentTimestamp?: number | string } = {},
): SQSRecord {
  nextId += 1;
  const messageId = options.messageId ?? `message-${nextId}`;
  return {
    messageId,
    receiptHandle: `receipt-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(options.receiveCount ?? 1),
      SentTimestamp: String(options.sentTimestamp ?? '1700000000000'),
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
export const lambdaContext = (remainingMs = 60_000, awsRequestId = 'request-0001'): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'ImportTrigger-Function',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:ImportTrigger-Function',
  memoryLimitInMB: '256',
  awsRequestId,
  logGroupName: '/aws/lambda/ImportTrigger-Function',
  logStreamName: '2026/11/30/[$LATEST]0123456789abcdef',
  getRemainingTimeInMillis: () => remainingMs,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});
