const EXCERPT_CHARS = 120;

/** The object keys in an S3 event notification body, URL-decoded; undefined when the body is not one. */
export function s3KeysInBody(body: string): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const records = (parsed as { Records?: unknown } | null)?.Records;
  if (!Array.isArray(records)) return undefined;
  return records
    .map((record) => (record as { s3?: { object?: { key?: unknown } } } | null)?.s3?.object?.key)
    .filter((key): key is string => typeof key === 'string')
    .map(decodeKey);
}

/** S3 encodes keys in notifications like a form: '+' is a space; a malformed escape is shown as sent. */
function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}

/** One line telling an operator what a dead-lettered message is about. */
export function describeMessageBody(body: string): string {
  const keys = s3KeysInBody(body);
  if (keys && keys.length > 0) return keys.join(', ');
  const flat = body.replace(/\s+/g, ' ').trim();
  const excerpt = flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
  return `(no S3 keys) ${excerpt}`;
}
