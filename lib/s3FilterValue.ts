/**
 * A notification filter value as S3 reads it: URL-encoded, a space as `+`, every character outside
 * `0-9 a-z A-Z ! - _ . * ' ( )` and `/` percent-encoded as UTF-8.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_FilterRule.html
 */
export function encodeFilterValue(raw: string): string {
  // encodeURIComponent keeps exactly S3's safe set plus `~`, and encodes `/` and the space differently.
  return encodeURIComponent(raw).replaceAll('%2F', '/').replaceAll('%20', '+').replaceAll('~', '%7E');
}
