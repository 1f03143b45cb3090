/** S3 notifications URL-encode object keys with `+` for spaces; this returns the key as stored. */
export function decodeKey(encodedKey: string): string {
  const spaced = encodedKey.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A malformed escape cannot come from S3 itself; keep the key readable rather than fail the record.
    return spaced;
  }
}
