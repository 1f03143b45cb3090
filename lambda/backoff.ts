/**
 * SQS keeps a message invisible for at most 12 h counted from its receive, and the receive happened up to a
 * batching window (300 s) plus a function timeout (900 s) before the handler asks: 20 minutes are kept back.
 */
export const MAX_VISIBILITY_SECONDS = 43_200 - 1_200;

/** Delay before retry `attempt` (1-based) inside one invocation: exponential with full jitter. */
export function jitteredDelayMs(
  attempt: number,
  baseMs: number,
  capMs: number,
  random = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Redelivery delay settings. */
export interface VisibilityBackoff {
  readonly baseSeconds: number;
  readonly maxSeconds: number;
}

/**
 * How long a failed message stays invisible before SQS delivers it again: doubling with each receive,
 * capped; a server's `Retry-After` wins when larger; never past SQS's 12 h from the receive.
 * No jitter on purpose: records of one import that fail together come back together and coalesce again.
 */
export function visibilityTimeoutSeconds(
  receiveCount: number,
  backoff: VisibilityBackoff,
  retryAfterSeconds = 0,
): number {
  const exponent = Math.min(Math.max(receiveCount, 1) - 1, 30);
  const exponential = Math.min(backoff.maxSeconds, backoff.baseSeconds * 2 ** exponent);
  return Math.min(MAX_VISIBILITY_SECONDS, Math.max(exponential, retryAfterSeconds));
}
