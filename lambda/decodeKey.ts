/** S3 notifications URL-encode object keys with `+` for spaces; this returns the key as stored. */
export function decodeKey(encodedKey: string): string {
  // Most keys need neither: skip the regex and the decoder (they are a large share of a full batch's cost).
  if (!encodedKey.includes('%') && !encodedKey.includes('+')) return encodedKey;
  const spaced = encodedKey.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A malformed escape cannot come from S3 itself; keep the key readable rather than fail the record.
    return spaced;
  }
}
