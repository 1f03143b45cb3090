import { parseNotification } from '../../../lambda/parseNotification';

const EXCERPT_CHARS = 120;

/**
 * The object keys (decoded) in a body the ingest queue carries: an S3 event notification or an EventBridge
 * "Object Created" event. Read by the function's own parser, so the CLI sees messages as the function does;
 * undefined when the body is neither (an S3 test event included).
 */
export function s3KeysInBody(body: string): string[] | undefined {
  const parsed = parseNotification(body);
  return parsed.kind === 'objects' ? parsed.objects.map((object) => object.key) : undefined;
}

/** One line telling an operator what a dead-lettered message is about. */
export function describeMessageBody(body: string): string {
  const keys = s3KeysInBody(body);
  if (keys && keys.length > 0) return keys.join(', ');
  const flat = body.replace(/\s+/g, ' ').trim();
  const excerpt = flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
  return `(no S3 keys) ${excerpt}`;
}
