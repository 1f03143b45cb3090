import { decodeKey } from './decodeKey';

/** One object that an S3 notification reports as created. */
export interface CreatedObject {
  readonly bucket: string;
  /** The decoded object key. */
  readonly key: string;
  readonly eventName: string;
}

/** What one SQS message body turned out to be. */
export type ParsedBody =
  | { readonly kind: 'test-event' }
  | { readonly kind: 'objects'; readonly objects: readonly CreatedObject[] }
  | { readonly kind: 'invalid'; readonly reason: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Reads an SQS message body as an S3 event notification (which can hold several records). */
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
  if (!Array.isArray(parsed.Records)) return { kind: 'invalid', reason: 'body has no S3 "Records" list' };

  const objects: CreatedObject[] = [];
  for (const [index, record] of parsed.Records.entries()) {
    const s3 = isObject(record) ? record.s3 : undefined;
    const bucket = isObject(s3) && isObject(s3.bucket) ? s3.bucket.name : undefined;
    const key = isObject(s3) && isObject(s3.object) ? s3.object.key : undefined;
    if (typeof bucket !== 'string' || typeof key !== 'string') {
      return { kind: 'invalid', reason: `Records[${index}] is not an S3 object notification` };
    }
    const eventName = isObject(record) && typeof record.eventName === 'string' ? record.eventName : '';
    objects.push({ bucket, key: decodeKey(key), eventName });
  }
  return { kind: 'objects', objects };
}
