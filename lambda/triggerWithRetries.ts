import {
  classifyStatus,
  IN_INVOCATION_RETRY,
  inInvocationWaitMs,
  type OutcomeVerdict,
  type TriggerVerdict,
} from '../contract/redeliveryPolicy';
import type { ApiKeyProvider } from './apiKeyProvider';
import type { TriggerRequest, TriggerResponse } from './blueshiftClient';
import { ApiKeyUnavailableError } from './errors';

/** How an import's trigger ended for this invocation. */
export interface TriggerOutcome {
  /** `key-unavailable`: the secret needs an operator; `deadline`: the invocation ran out of time first. */
  readonly verdict: OutcomeVerdict;
  readonly status?: number;
  readonly message: string;
  readonly retryAfterSeconds?: number;
  readonly attempts: number;
  /** The last call got no HTTP answer. */
  readonly noResponse?: 'timeout' | 'network-error';
  /** When the successful request was sent (taken just before it went out): files landed before it are covered. */
  readonly sentAtMs?: number;
  /** How long each Blueshift call took, request to answer. */
  readonly latenciesMs?: readonly number[];
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
  /** Calls per import per invocation, counting the one after a key refresh. */
  readonly attemptsPerInvocation: number;
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
 * Triggers one import, retrying transient failures within the invocation as the redelivery policy says and
 * re-reading the key once after a 401, never past `deadlineMs`.
 */
export async function triggerWithRetries(
  uuid: string,
  deadlineMs: number,
  policy: RetryPolicy,
  deps: TriggerDeps,
): Promise<TriggerOutcome> {
  const { minAttemptMs } = IN_INVOCATION_RETRY;
  const { apiKeys, call, onAttempt, now = Date.now, sleep = defaultSleep, random = Math.random } = deps;
  let keyRefreshed = false;
  let refusedKey: string | undefined;
  const latenciesMs: number[] = [];
  let last: TriggerOutcome = { verdict: 'deadline', message: 'no time left to call Blueshift', attempts: 0 };

  for (let attempt = 1; attempt <= policy.attemptsPerInvocation; attempt++) {
    const remainingMs = deadlineMs - now();
    if (remainingMs < minAttemptMs)
      return last.attempts === 0 ? last : { ...last, message: `${last.message} (out of time)` };
    let apiKey: string;
    try {
      apiKey = await (refusedKey === undefined
        ? apiKeys.get(remainingMs)
        : apiKeys.refresh(refusedKey, remainingMs));
    } catch (error) {
      const verdict = error instanceof ApiKeyUnavailableError ? 'key-unavailable' : 'transient';
      return { verdict, message: (error as Error).message, attempts: attempt - 1, latenciesMs };
    }
    refusedKey = undefined;

    const startedAt = now();
    const timeoutMs = Math.max(1, Math.min(policy.requestTimeoutMs, deadlineMs - startedAt));
    const response = await call({ baseUrl: policy.baseUrl, apiKey, uuid, timeoutMs });
    const status = response.kind === 'response' ? response.status : response.kind;
    const verdict = classifyStatus(status);
    const durationMs = now() - startedAt;
    latenciesMs.push(durationMs);
    onAttempt({ uuid, attempt, status, verdict, durationMs, message: response.message });
    last = {
      verdict,
      message: response.message,
      attempts: attempt,
      latenciesMs,
      ...(response.kind === 'response' ? { status: response.status } : { noResponse: response.kind }),
      ...(verdict === 'triggered' ? { sentAtMs: startedAt } : {}),
      ...(response.kind === 'response' && response.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: response.retryAfterSeconds }
        : {}),
    };

    if (verdict === 'unauthorized' && !keyRefreshed) {
      // The key may have been rotated since it was cached: get a newer one and retry once.
      keyRefreshed = true;
      refusedKey = apiKey;
      continue;
    }
    if (verdict !== 'transient' || attempt === policy.attemptsPerInvocation) return last;
    const waitMs = inInvocationWaitMs(attempt, last.retryAfterSeconds, random);
    if (waitMs === undefined || now() + waitMs + minAttemptMs > deadlineMs) return last;
    await sleep(waitMs);
  }
  return last;
}
