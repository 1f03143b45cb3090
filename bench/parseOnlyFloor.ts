import type { SQSRecord } from 'aws-lambda';

interface S3NotificationBody {
  readonly Records: readonly { readonly s3: { readonly object: { readonly key: string } } }[];
}

/**
 * The least work any handler must do per record, and nothing else: JSON.parse of the body, decoding each key,
 * and grouping keys by import. No validation, no HTTP. The import is looked up by the key's first two path
 * segments, the bench's prefix layout (`feeds/import-NN/`), which is cheaper than any general prefix match.
 */
export function parseOnlyFloor(
  records: readonly SQSRecord[],
  uuidByPrefix: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const keysByImport = new Map<string, string[]>();
  for (const record of records) {
    const body = JSON.parse(record.body) as S3NotificationBody;
    for (const notification of body.Records) {
      const key = decodeURIComponent(notification.s3.object.key.replace(/\+/g, ' '));
      const uuid = uuidByPrefix.get(key.slice(0, key.indexOf('/', key.indexOf('/') + 1) + 1));
      if (uuid === undefined) continue;
      const keys = keysByImport.get(uuid);
      if (keys) keys.push(key);
      else keysByImport.set(uuid, [key]);
    }
  }
  return keysByImport;
}
