import { decodeKey } from './decodeKey';

/** One object a notification reports, in either body shape. */
export interface NotifiedObject {
  readonly bucket: string;
  /** The object key as stored in S3 (decoded). */
  readonly key: string;
  /** S3's `eventName` (`ObjectCreated:Put`) or EventBridge's `detail-type` (`Object Created`). */
  readonly eventName: string;
  /** When S3 says the event happened (ISO 8601), if the body says. */
  readonly eventTime?: string;
}

/** What one SQS message body turned out to be. */
export type ParsedBody =
  | { readonly kind: 'test-event' }
  | { readonly kind: 'objects'; readonly objects: readonly NotifiedObject[] }
  | { readonly kind: 'invalid'; readonly reason: string };

/** EventBridge's detail-type for a new object. */
export const EVENTBRIDGE_OBJECT_CREATED = 'Object Created';

/** Whether an event reports a created object; S3 events without a name are read as created. */
export function isObjectCreated(eventName: string): boolean {
  return (
    eventName === '' || eventName.startsWith('ObjectCreated:') || eventName === EVENTBRIDGE_OBJECT_CREATED
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const nameOf = (value: unknown): unknown => (isObject(value) ? value.name : undefined);
const keyOf = (value: unknown): unknown => (isObject(value) ? value.key : undefined);

/**
 * Reads an SQS message body: an S3 event notification (which can hold several records) or an S3 event that
 * EventBridge delivered to the queue.
 */
export function parseNotification(body: string): ParsedBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'invalid', reason: 'body is not JSON' };
  }
  if (!isObject(parsed)) return { kind: 'invalid', reason: 'body is not a JSON object' };
  // S3 sends this once when a notification configuration is saved.
  if (parsed.Event === 's3:TestEvent') return { kind: 'test-event' };
  if ('detail-type' in parsed) return parseEventBridgeEvent(parsed);
  if (!Array.isArray(parsed.Records)) {
    return { kind: 'invalid', reason: 'body is neither an S3 notification nor an EventBridge S3 event' };
  }
  return parseS3Records(parsed.Records);
}

/**
 * S3 event notification: "The object key name value is URL encoded" (space as `+`).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */
function parseS3Records(records: unknown[]): ParsedBody {
  // S3 never sends an empty list; acknowledging one would be a guess, so it goes to the dead-letter queue.
  if (records.length === 0) return { kind: 'invalid', reason: 'body has an empty S3 "Records" list' };
  const objects: NotifiedObject[] = [];
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    const s3 = isObject(record) ? record.s3 : undefined;
    const bucket = isObject(s3) ? nameOf(s3.bucket) : undefined;
    const key = isObject(s3) ? keyOf(s3.object) : undefined;
    if (typeof bucket !== 'string' || typeof key !== 'string') {
      return { kind: 'invalid', reason: `Records[${index}] is not an S3 object notification` };
    }
    const eventName = (isObject(record) && textOf(record.eventName)) || '';
    const eventTime = isObject(record) ? textOf(record.eventTime) : undefined;
    // One shape for every object (eventTime possibly undefined): no spread per file of a full batch.
    objects.push({ bucket, key: decodeKey(key), eventName, eventTime });
  }
  return { kind: 'objects', objects };
}

/**
 * An S3 event through EventBridge (source `aws.s3`, `detail.bucket.name`, `detail.object.key`, `time`). AWS's
 * description of the message says nothing of encoding the key, and its example keys are plain, so the key is
 * read as it stands (moto sends it raw too).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
 */
function parseEventBridgeEvent(event: Record<string, unknown>): ParsedBody {
  const eventName = textOf(event['detail-type']);
  const detail = event.detail;
  const bucket = isObject(detail) ? nameOf(detail.bucket) : undefined;
  const key = isObject(detail) ? keyOf(detail.object) : undefined;
  if (event.source !== 'aws.s3' || !eventName || typeof bucket !== 'string' || typeof key !== 'string') {
    return { kind: 'invalid', reason: 'EventBridge event is not an S3 object event' };
  }
  const eventTime = textOf(event.time);
  return { kind: 'objects', objects: [{ bucket, key, eventName, eventTime }] };
}
