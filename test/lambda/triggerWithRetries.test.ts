import { describe, expect, it } from 'vitest';
import type { TriggerRequest, TriggerResponse } from '../../lambda/blueshiftClient';
import { ApiKeyTemporarilyUnavailableError, ApiKeyUnavailableError } from '../../lambda/errors';
import { type TriggerAttempt, triggerWithRetries } from '../../lambda/triggerWithRetries';

const UUID = 'aaaaaaaa-0000-4000-8000-000000000001';
const policy = { baseUrl: 'http://127.0.0.1:1', requestTimeoutMs: 10_000, attemptsPerInvocation: 3 };
const status = (code: number, retryAfterSeconds?: number): TriggerResponse => ({
  kind: 'response',
  status: code,
  message: `status ${code}`,
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
});

/** A scripted Blueshift and key store on a fake clock that only sleeps move. */
function harness(
  responses: TriggerResponse[],
  keys: { get?: () => Promise<string>; refresh?: (staleKey: string) => Promise<string> } = {},
) {
  let clock = 0;
  const requests: TriggerRequest[] = [];
  const attempts: TriggerAttempt[] = [];
  const sleeps: number[] = [];
  const deps = {
    apiKeys: {
      get: keys.get ?? (async () => 'key-1'),
      refresh: keys.refresh ?? (async (staleKey: string) => `${staleKey}-rotated`),
    },
    call: async (request: TriggerRequest) => {
      requests.push(request);
      return responses.shift() ?? status(200);
    },
    onAttempt: (attempt: TriggerAttempt) => attempts.push(attempt),
    now: () => clock,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
  };
  return { deps, requests, attempts, sleeps, advance: (ms: number) => (clock += ms) };
}

describe('Function: triggerWithRetries()', () => {
  it('succeeds on the first 2xx with one call', async () => {
    // Prepare
    const { deps, requests, attempts } = harness([status(200)]);

    // Act
    const outcome = await triggerWithRetries(UUID, 60_000, policy, deps);

    // Assess
    expect(outcome).toMatchObject({ verdict: 'triggered', status: 200, attempts: 1 });
    expect(requests).toEqual([{ baseUrl: policy.baseUrl, apiKey: 'key-1', uuid: UUID, timeoutMs: 10_000 }]);
    expect(attempts).toMatchObject([{ uuid: UUID, attempt: 1, status: 200, verdict: 'triggered' }]);
  });

  it('retries transient failures with jittered backoff, then succeeds', async () => {
    // Prepare
    const { deps, requests, sleeps } = harness([
      status(503),
      { kind: 'timeout', message: 'slow' },
      status(200),
    ]);

    // Act
    const outcome = await triggerWithRetries(UUID, 60_000, policy, deps);

    // Assess
    expect(outcome.verdict).toBe('triggered');
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('gives up after three attempts and reports the last status', async () => {
    // Prepare
    const { deps, requests } = harness([status(500), status(502), status(504), status(200)]);

    // Act
    const outcome = await triggerWithRetries(UUID, 60_000, policy, deps);

    // Assess
    expect(outcome).toMatchObject({ verdict: 'transient', status: 504, attempts: 3 });
    expect(requests).toHaveLength(3);
  });

  it('makes as many attempts as the settings allow', async () => {
    // Prepare
    const { deps, requests } = harness([status(503), status(503), status(503), status(503), status(200)]);

    // Act
    const outcome = await triggerWithRetries(UUID, 60_000, { ...policy, attemptsPerInvocation: 5 }, deps);

    // Assess
    expect(outcome.verdict).toBe('triggered');
    expect(requests).toHaveLength(5);
  });

  it('waits for a short Retry-After before retrying a 429', async () => {
    // Prepare
    const { deps, sleeps } = harness([status(429, 1), status(200)]);

    // Act
    const outcome = await triggerWithRetries(UUID, 60_000, policy, deps);

    // Assess
    expect(outcome.verdict).toBe('triggered');
    expect(sleeps).toEqual([1000]);
  });

  it('leaves a long Retry-After to SQS redelivery instead of sleeping', async () => {
    // Prepare
    const { deps, requests, sleeps } = harness([status(429, 120)]);

    // Act
    const outcome = await triggerWithRetries(UUID, 60_000, policy, deps);

    // Assess
    expect(outcome).toMatchObject({ verdict: 'transient', status: 429, retryAfterSeconds: 120 });
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it.each([
    [405, 'busy'],
    [404, 'rejected'],
    [400, 'rejected'],
  ])('does not retry a %i inside the invocation', async (code, verdict) => {
    // Prepare
    const { deps, requests } = harness([status(code)]);

    // Act
    const outcome = await triggerWithRetries(UUID, 60_000, policy, deps);

    // Assess
    expect(outcome).toMatchObject({ verdict, status: code, attempts: 1 });
    expect(requests).toHaveLength(1);
  });

  it('re-reads the key once after a 401 and retries with the new key', async () => {
    // Prepare
    const { deps, requests } = harness([status(401), status(200)]);

    // Act
    const outcome = await triggerWithRetries(UUID, 60_000, policy, deps);

    // Assess
    expect(outcome.verdict).toBe('triggered');
    expect(requests.map((request) => request.apiKey)).toEqual(['key-1', 'key-1-rotated']);
  });

  it('asks for a key newer than the one Blueshift refused', async () => {
    // Prepare
    const refreshedFrom: string[] = [];
    const { deps } = harness([status(401), status(200)], {
      refresh: async (staleKey) => {
        refreshedFrom.push(staleKey);
        return 'key-2';
      },
    });

    // Act
    await triggerWithRetries(UUID, 60_000, policy, deps);

    // Assess
    expect(refreshedFrom).toEqual(['key-1']);
  });

  it('stops after the second 401', async () => {
    // Prepare
    const { deps, requests } = harness([status(401), status(401), status(200)]);

    // Act
    const outcome = await triggerWithRetries(UUID, 60_000, policy, deps);

    // Assess
    expect(outcome).toMatchObject({ verdict: 'unauthorized', status: 401, attempts: 2 });
    expect(requests).toHaveLength(2);
  });

  it('bounds each call by the time left and makes no call once the deadline is near', async () => {
    // Prepare
    const { deps, requests, advance } = harness([status(503), status(200)]);
    deps.call = async (request) => {
      requests.push(request);
      advance(2_600);
      return status(503);
    };

    // Act
    const outcome = await triggerWithRetries(UUID, 3_000, policy, deps);

    // Assess
    expect(requests[0]?.timeoutMs).toBe(3_000);
    expect(requests).toHaveLength(1);
    expect(outcome).toMatchObject({ verdict: 'transient', status: 503 });
  });

  it('reports the deadline when there is no time for even one call', async () => {
    // Prepare
    const { deps, requests } = harness([]);

    // Act
    const outcome = await triggerWithRetries(UUID, 100, policy, deps);

    // Assess
    expect(outcome).toMatchObject({ verdict: 'deadline', attempts: 0 });
    expect(requests).toHaveLength(0);
  });

  it('fails as key-unavailable when the secret needs an operator', async () => {
    // Prepare
    const { deps, requests } = harness([], {
      get: async () => {
        throw new ApiKeyUnavailableError('secret blueshift/key is empty');
      },
    });

    // Act
    const outcome = await triggerWithRetries(UUID, 60_000, policy, deps);

    // Assess
    expect(outcome).toMatchObject({ verdict: 'key-unavailable', message: 'secret blueshift/key is empty' });
    expect(requests).toHaveLength(0);
  });

  it('fails as transient when Secrets Manager is throttled', async () => {
    // Prepare
    const { deps } = harness([], {
      get: async () => {
        throw new ApiKeyTemporarilyUnavailableError('throttled');
      },
    });

    // Act / Assess
    expect(await triggerWithRetries(UUID, 60_000, policy, deps)).toMatchObject({ verdict: 'transient' });
  });
});
