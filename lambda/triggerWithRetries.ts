import type { ApiKeyProvider } from './apiKeyProvider';
import { jitteredDelayMs } from './backoff';
import type { TriggerRequest, TriggerResponse } from './blueshiftClient';
import { classifyResponse, type TriggerVerdict } from './classifyResponse';
import { ApiKeyUnavailableError } from './errors';

/** How an import's trigger ended for this invocation. */
export interface TriggerOutcome {
  /** `key-unavailable`: the secret needs an operator; `deadline`: the invocation ran out of time first. */
  readonly verdict: TriggerVerdict | 'key-unavailable' | 'deadline';
  readonly status?: number;
  readonly message: string;
  readonly retryAfterSeconds?: number;
  readonly attempts: number;
}

/** One HTTP attempt, reported for logging. */
export interface TriggerAttempt {
  readonly uuid: string;
  readonly attempt: number;
  readonly status: number | string;
  readonly verdict: TriggerVerdict;
  readonly durationMs: number;
  readonly message: string;
}

export interface RetryPolicy {
  readonly baseUrl: string;
  readonly requestTimeoutMs: number;
  /** Calls per import per invocation, counting the one after a key refresh. @default 3 */
  readonly maxAttempts?: number;
  /** First in-invocation retry delay ceiling. @default 200 */
  readonly retryBaseMs?: number;
  /** Longest in-invocation wait; a longer `Retry-After` is left to SQS redelivery. @default 2000 */
  readonly retryCapMs?: number;
  /** An attempt needs at least this much time left before the deadline. @default 500 */
  readonly minAttemptMs?: number;
}

export interface TriggerDeps {
  readonly apiKeys: ApiKeyProvider;
  readonly call: (request: TriggerRequest) => Promise<TriggerResponse>;
  readonly onAttempt: (attempt: TriggerAttempt) => void;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Triggers one import, retrying transient failures a few times within the invocation (full jitter,
 * `Retry-After` honoured) and re-reading the key once after a 401, never past `deadlineMs`.
 */
export async function triggerWithRetries(
  uuid: string,
  deadlineMs: number,
  policy: RetryPolicy,
  deps: TriggerDeps,
): Promise<TriggerOutcome> {
  const { maxAttempts = 3, retryBaseMs = 200, retryCapMs = 2000, minAttemptMs = 500 } = policy;
  const { apiKeys, call, onAttempt, now = Date.now, sleep = defaultSleep, random = Math.random } = deps;
  let keyRefreshed = false;
  let refreshKey = false;
  let last: TriggerOutcome = { verdict: 'deadline', message: 'no time left to call Blueshift', attempts: 0 };

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const remainingMs = deadlineMs - now();
    if (remainingMs < minAttemptMs)
      return last.attempts === 0 ? last : { ...last, message: `${last.message} (out of time)` };
    let apiKey: string;
    try {
      apiKey = await (refreshKey ? apiKeys.refresh(remainingMs) : apiKeys.get(remainingMs));
    } catch (error) {
      const verdict = error instanceof ApiKeyUnavailableError ? 'key-unavailable' : 'transient';
      return { verdict, message: (error as Error).message, attempts: attempt - 1 };
    }
    refreshKey = false;

    const startedAt = now();
    const timeoutMs = Math.max(1, Math.min(policy.requestTimeoutMs, deadlineMs - startedAt));
    const response = await call({ baseUrl: policy.baseUrl, apiKey, uuid, timeoutMs });
    const verdict = classifyResponse(response);
    const status = response.kind === 'response' ? response.status : response.kind;
    onAttempt({ uuid, attempt, status, verdict, durationMs: now() - startedAt, message: response.message });
    last = {
      verdict,
      message: response.message,
      attempts: attempt,
      ...(response.kind === 'response' ? { status: response.status } : {}),
      ...(response.kind === 'response' && response.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: response.retryAfterSeconds }
        : {}),
    };

    if (verdict === 'unauthorized' && !keyRefreshed) {
      // The key may have been rotated since it was cached: read it again and retry once.
      keyRefreshed = refreshKey = true;
      continue;
    }
    if (verdict !== 'transient' || attempt === maxAttempts) return last;
    const waitMs = Math.max(
      jitteredDelayMs(attempt, retryBaseMs, retryCapMs, random),
      (last.retryAfterSeconds ?? 0) * 1000,
    );
    if (waitMs > retryCapMs || now() + waitMs + minAttemptMs > deadlineMs) return last;
    await sleep(waitMs);
  }
  return last;
}
