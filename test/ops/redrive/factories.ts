import { SQSClient } from '@aws-sdk/client-sqs';
import { vi } from 'vitest';
import type { Output, QueueRef } from '../../../scripts/ops/redrive/types';

/** Queues that need not exist, for tests whose SQS is mocked. */
export const DEAD_LETTER: QueueRef = {
  url: 'https://sqs.us-east-1.amazonaws.com/123456789012/IngestDlq',
  arn: 'arn:aws:sqs:us-east-1:123456789012:IngestDlq',
};
export const INGEST: QueueRef = {
  url: 'https://sqs.us-east-1.amazonaws.com/123456789012/Ingest',
  arn: 'arn:aws:sqs:us-east-1:123456789012:Ingest',
};

/** GetQueueAttributes' answer for a queue whose RedrivePolicy names the given dead-letter queue. */
export const redrivePolicyNaming = (deadLetter: QueueRef) => ({
  Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadLetter.arn, maxReceiveCount: 3 }) },
});

/** An S3 ObjectCreated notification body, keys encoded as S3 encodes them ('+' for space). */
export function s3NotificationBody(...keys: string[]): string {
  const encode = (key: string) => encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
  return JSON.stringify({
    Records: keys.map((key) => ({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      s3: { bucket: { name: 'drop-bucket' }, object: { key: encode(key), size: 1 } },
    })),
  });
}

/**
 * An EventBridge "Object Created" event as the stack's `notifications: "eventbridge"` mode puts it in the
 * queue; the key stands as stored (EventBridge does not encode it).
 */
export function eventBridgeObjectCreatedBody(key: string, bucket = 'drop-bucket'): string {
  return JSON.stringify({
    version: '0',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    time: '2024-06-01T00:00:00Z',
    detail: { bucket: { name: bucket }, object: { key, size: 1 }, reason: 'PutObject' },
  });
}

/** An Output that keeps what it was told, line by line. */
export function recordingOutput(): Output & { readonly lines: string[]; readonly errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (line) => void lines.push(line), error: (line) => void errors.push(line) };
}

/** A sleep that returns at once and remembers how long it was asked to wait. */
export const instantSleep = () => vi.fn(async (_milliseconds: number) => {});

/** Input for a moving mode over the test queues, recording its output and sleeping instantly. */
export const redriveModeInput = (maxPerSecond?: number) => ({
  sqs: new SQSClient({}),
  deadLetter: DEAD_LETTER,
  source: INGEST,
  output: recordingOutput(),
  sleep: instantSleep(),
  ...(maxPerSecond === undefined ? {} : { maxPerSecond }),
});
