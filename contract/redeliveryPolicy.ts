/**
 * The redelivery policy, in one place: which Blueshift answers are worth retrying and when, how long a failed
 * message waits before SQS delivers it again, and the SQS limits those waits must respect. The function
 * applies it per record; the config schema and the stack check settings against it.
 */

/** SQS keeps a message invisible for at most 12 h, counted from its receive (SQS Developer Guide, "Visibility timeout"). */
export const SQS_MAX_VISIBILITY_SECONDS = 43_200;
/** SQS keeps a message at most 14 days, counted from its first enqueue, also once in a dead-letter queue. */
export const SQS_MAX_RETENTION_SECONDS = 14 * 24 * 3600;
/** The longest Lambda batching window for an SQS event source. */
export const MAX_BATCH_WINDOW_SECONDS = 300;
/** The longest Lambda function timeout. */
export const MAX_FUNCTION_TIMEOUT_SECONDS = 900;
/**
 * The longest redelivery delay the handler asks for: the receive can precede the request by a whole batching
 * window plus a function timeout, and the 12 h count from the receive.
 */
export const MAX_REDELIVERY_DELAY_SECONDS =
  SQS_MAX_VISIBILITY_SECONDS - MAX_BATCH_WINDOW_SECONDS - MAX_FUNCTION_TIMEOUT_SECONDS;
/** Retrying may use half the retention, so a drop that reaches the dead-letter queue stays there a week. */
export const MAX_RETRY_SPAN_SECONDS = SQS_MAX_RETENTION_SECONDS / 2;

/**
 * What one call's answer means for the files behind it:
 * - `triggered`: 2xx, done;
 * - `transient`: 408, 429, any 5xx, a timeout or a connection error: retry soon;
 * - `busy`: 405, usually "already being processed": retry later, not within this invocation;
 * - `unauthorized`: 401/403, the key is wrong or was rotated;
 * - `rejected`: 404 and other 4xx: the config needs fixing, retrying now will not help.
 */
export type TriggerVerdict = 'triggered' | 'transient' | 'busy' | 'unauthorized' | 'rejected';

/** How an import's trigger ended for one invocation: a call's verdict, or no call's. */
export type OutcomeVerdict = TriggerVerdict | 'key-unavailable' | 'deadline';

/** Classifies an HTTP status, or a call that got none. */
export function classifyStatus(status: number | 'timeout' | 'network-error'): TriggerVerdict {
  if (typeof status !== 'number') return 'transient';
  if (status >= 200 && status < 300) return 'triggered';
  if (status === 408 || status === 429 || status >= 500) return 'transient';
  if (status === 405) return 'busy';
  if (status === 401 || status === 403) return 'unauthorized';
  return 'rejected';
}

/** Outcomes that need an operator (a key, a UUID, a secret); waiting alone will not fix them. */
export function needsOperator(verdict: OutcomeVerdict): boolean {
  return verdict === 'unauthorized' || verdict === 'rejected' || verdict === 'key-unavailable';
}

/** Retries inside one invocation: only transient failures, briefly, with full jitter. */
export const IN_INVOCATION_RETRY = {
  /** Ceiling of the first retry delay; doubles per attempt. */
  baseMs: 200,
  /** Longest wait inside an invocation; a longer `Retry-After` is left to SQS redelivery. */
  capMs: 2000,
  /** An attempt needs at least this much time left before the deadline. */
  minAttemptMs: 500,
} as const;

/**
 * How long to wait before in-invocation attempt `attempt + 1` after a transient failure (exponential, full
 * jitter, `Retry-After` honoured), or `undefined` when the wait is longer than an invocation should sit.
 */
export function inInvocationWaitMs(
  attempt: number,
  retryAfterSeconds: number | undefined,
  random: () => number = Math.random,
): number | undefined {
  const ceiling = Math.min(IN_INVOCATION_RETRY.capMs, IN_INVOCATION_RETRY.baseMs * 2 ** (attempt - 1));
  const waitMs = Math.max(Math.floor(random() * ceiling), (retryAfterSeconds ?? 0) * 1000);
  return waitMs > IN_INVOCATION_RETRY.capMs ? undefined : waitMs;
}

/** The settings that decide how long a failing message keeps coming back. */
export interface RedeliverySettings {
  readonly maxReceiveCount: number;
  readonly retryBaseDelaySeconds: number;
  readonly retryMaxDelaySeconds: number;
}

/** After this receive SQS moves a failed message to the dead-letter queue rather than deliver it again. */
export function isLastReceive(
  receiveCount: number,
  settings: Pick<RedeliverySettings, 'maxReceiveCount'>,
): boolean {
  return receiveCount >= settings.maxReceiveCount;
}

/**
 * How long a failed message stays invisible before SQS delivers it again: doubling with each receive, a
 * server's `Retry-After` honoured, never above `retryMaxDelaySeconds`. On the last receive there is no
 * delay, so a message out of receives moves to the dead-letter queue at once. No jitter on purpose: records
 * of one import that fail together come back together and coalesce again.
 */
export function redeliveryDelaySeconds(
  receiveCount: number,
  settings: RedeliverySettings,
  retryAfterSeconds = 0,
): number {
  if (isLastReceive(receiveCount, settings)) return 0;
  const exponent = Math.min(Math.max(receiveCount, 1) - 1, 30);
  const exponential = settings.retryBaseDelaySeconds * 2 ** exponent;
  return Math.min(
    settings.retryMaxDelaySeconds,
    MAX_REDELIVERY_DELAY_SECONDS,
    Math.max(exponential, retryAfterSeconds),
  );
}

/** A message that can never trigger an import (unreadable, another bucket's) uses up its receives at once. */
export const UNTRIGGERABLE_DELAY_SECONDS = 0;

/**
 * AWS's rule for SQS event sources: the queue's visibility timeout covers six function timeouts plus the
 * batching window, so a batch still being retried by Lambda is not handed out again. It is also the wait of
 * a failed record whose delay could not be set.
 */
export function queueVisibilityTimeoutSeconds(
  functionTimeoutSeconds: number,
  batchWindowSeconds: number,
): number {
  return 6 * functionTimeoutSeconds + batchWindowSeconds;
}

/** Everything that bounds how long a failing message takes to reach the dead-letter queue. */
export interface RetrySpanSettings extends RedeliverySettings {
  readonly functionTimeoutSeconds: number;
  readonly batchWindowSeconds: number;
}

/** Redelivery delays of a message that always fails with no `Retry-After`, one per receive. */
export function typicalDelaysSeconds(settings: RedeliverySettings): number[] {
  return Array.from({ length: settings.maxReceiveCount }, (_, index) =>
    redeliveryDelaySeconds(index + 1, settings),
  );
}

/**
 * The longest a message that always fails spends in the ingest queue before the dead-letter queue, on every
 * path: each receive may wait for a batch and a whole function timeout, and then the longest delay (a long
 * `Retry-After`, or a busy wait: up to `retryMaxDelaySeconds` of busy period plus one probe grace) or, when
 * its delay could not be set, the queue's visibility timeout (also after the last).
 */
export function worstCaseRetrySpanSeconds(settings: RetrySpanSettings & ProbeGraceSettings): number {
  const perReceive = settings.batchWindowSeconds + settings.functionTimeoutSeconds;
  const queueVisibility = queueVisibilityTimeoutSeconds(
    settings.functionTimeoutSeconds,
    settings.batchWindowSeconds,
  );
  const longestWait = Math.max(
    Math.min(settings.retryMaxDelaySeconds + probeGraceSeconds(settings), MAX_REDELIVERY_DELAY_SECONDS),
    queueVisibility,
  );
  const receives = settings.maxReceiveCount;
  return receives * perReceive + (receives - 1) * longestWait + queueVisibility;
}

/** The settings one probe's round trip depends on. */
export interface ProbeGraceSettings {
  readonly batchWindowSeconds: number;
  readonly requestTimeoutSeconds: number;
}

/**
 * Waiting for a busy import: a batch that finds it busy makes its records wait until this long after the busy
 * period ends, because the records that set the period come back at its end and should probe alone first. The
 * probe's message turns visible when the period ends, may wait a whole batching window before its batch is
 * delivered, then makes its call (one request timeout at most; a 405 comes back sooner), and 5 s more cover the
 * receive, the ledger read and the ledger write. A probe stuck in in-invocation retries may overrun it: the
 * others then call too, which costs a call, never a file.
 */
export function probeGraceSeconds(settings: ProbeGraceSettings): number {
  return settings.batchWindowSeconds + settings.requestTimeoutSeconds + 5;
}

/**
 * How long an import counts as busy after a busy answer, by the import's busy streak after it (405s in a row
 * since its last success, this one included): one retry base delay for the first, doubling with each, never
 * above `retryMaxDelaySeconds`, and at least a 429's `Retry-After`. Doubling keeps the probes of a run that
 * takes minutes to a handful, one per backoff step, however many batches arrive meanwhile.
 */
export function busyPeriodSeconds(
  busyStreak: number,
  settings: Pick<RedeliverySettings, 'retryBaseDelaySeconds' | 'retryMaxDelaySeconds'>,
  retryAfterSeconds = 0,
): number {
  const exponent = Math.min(Math.max(busyStreak, 1) - 1, 30);
  const doubled = busyStreak > 0 ? settings.retryBaseDelaySeconds * 2 ** exponent : 0;
  return Math.min(
    settings.retryMaxDelaySeconds,
    MAX_REDELIVERY_DELAY_SECONDS,
    Math.max(doubled, retryAfterSeconds),
  );
}

/** A wait of a record that will be delivered again: at least a second, within SQS's visibility limit. */
const boundedWaitSeconds = (waitMs: number) =>
  Math.min(MAX_REDELIVERY_DELAY_SECONDS, Math.max(1, Math.ceil(waitMs / 1000)));

/**
 * How long records wait, without a call, for an import busy until `busyUntilMs`: until one probe grace
 * (`probeGraceSeconds`) after it.
 */
export function busyWaitSeconds(busyUntilMs: number, nowMs: number, graceSeconds: number): number {
  return boundedWaitSeconds(busyUntilMs + graceSeconds * 1000 - nowMs);
}

/**
 * A record that has used half its receives stops waiting for a settle window, so its retries keep the other
 * half. (A record on its last receive never waits at all: waiting would dead-letter it.)
 */
export function hasUsedHalfItsReceives(
  receiveCount: number,
  settings: Pick<RedeliverySettings, 'maxReceiveCount'>,
): boolean {
  return receiveCount * 2 >= settings.maxReceiveCount;
}

/** An import's settle window as one batch sees it (times in ms since the epoch). */
export interface SettleWindow {
  /** When the newest file of the import landed, by the ledger or the batch. */
  readonly newestLandedAtMs: number;
  /** When the batch's oldest waiting file landed. */
  readonly oldestLandedAtMs: number;
  readonly settleSeconds: number;
  readonly maxSettleSeconds: number;
}

/**
 * Seconds an import's files still wait for no new file to land for `settleSeconds`, never past `maxSettleSeconds`
 * after the oldest; 0 when the window has closed and the import should be triggered.
 */
export function settleWaitSeconds(window: SettleWindow, nowMs: number): number {
  const settledAtMs = Math.min(
    window.newestLandedAtMs + window.settleSeconds * 1000,
    window.oldestLandedAtMs + window.maxSettleSeconds * 1000,
  );
  return nowMs >= settledAtMs ? 0 : boundedWaitSeconds(settledAtMs - nowMs);
}
