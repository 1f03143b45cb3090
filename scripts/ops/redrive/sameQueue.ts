import { RedriveError } from '../errors';

/**
 * SQS answers one queue under several host names: `sqs.REGION.amazonaws.com`, its FIPS and dual-stack
 * (`.api.aws`) variants, and the legacy `REGION.queue.amazonaws.com` / `queue.amazonaws.com` (us-east-1).
 * https://docs.aws.amazon.com/general/latest/gr/sqs-service.html
 */
const SQS_HOSTS: readonly RegExp[] = [
  /^sqs(?:-fips)?\.([a-z0-9-]+)\.(?:amazonaws\.com(?:\.cn)?|api\.aws)$/,
  /^([a-z0-9-]+)\.queue\.amazonaws\.com(?:\.cn)?$/,
];
const LEGACY_US_EAST_1_HOST = 'queue.amazonaws.com';

/**
 * A queue URL reduced to what tells queues apart: the endpoint (region for AWS hosts) and the path. The scheme,
 * a default port, repeated or trailing slashes and the host's case do not; the path keeps its case, because
 * "queue URLs and names are case-sensitive" (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueUrl.html).
 */
export function normaliseQueueUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return text.trim();
  }
  const path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  return `${endpointOf(url)}${path}`;
}

function endpointOf(url: URL): string {
  if (url.hostname === LEGACY_US_EAST_1_HOST) return 'sqs.us-east-1';
  for (const pattern of SQS_HOSTS) {
    const region = pattern.exec(url.hostname)?.[1];
    if (region) return `sqs.${region}`;
  }
  return url.host;
}

/** A queue as far as it is known: always its URL, its ARN once SQS or the stack said it. */
export interface QueueIdentity {
  readonly url: string;
  readonly arn?: string;
}

/**
 * Throws when the dead-letter queue and the ingest queue are one queue: a copy would send each message back
 * where it came from and receive it again, forever, and a move task would have nowhere to go.
 */
export function refuseSameQueue(deadLetter: QueueIdentity, source: QueueIdentity): void {
  const sameUrl = normaliseQueueUrl(deadLetter.url) === normaliseQueueUrl(source.url);
  const sameArn = deadLetter.arn !== undefined && deadLetter.arn === source.arn;
  if (!sameUrl && !sameArn) return;
  throw new RedriveError(
    `refusing to redrive: the dead-letter queue and the ingest queue are the same queue (${deadLetter.url})`,
  );
}
