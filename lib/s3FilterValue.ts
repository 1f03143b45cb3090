/**
 * Characters S3 reads literally in a notification filter value. S3 compares filter values with the object key
 * as it appears in the notification, URL-encoded: "a space must be written as `+`, and any other special
 * character must be URL-encoded" (S3 User Guide, "Configuring event notifications using object key name
 * filtering", https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html).
 * "Special" means outside `0-9 a-z A-Z ! - _ . * ' ( )`; `/` stays as it is, as in notification keys.
 */
const SAFE_CHARACTER = /^[0-9a-zA-Z!\-_.*'()/]$/;

/** Encodes a raw prefix or suffix the way S3 compares it with keys: space as `+`, others as UTF-8 `%XX`. */
export function encodeFilterValue(raw: string): string {
  let encoded = '';
  for (const character of raw) {
    if (character === ' ') encoded += '+';
    else if (SAFE_CHARACTER.test(character)) encoded += character;
    else {
      for (const byte of new TextEncoder().encode(character)) {
        encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return encoded;
}
