import { describe, expect, it } from 'vitest';
import type { TriggerResponse } from '../../lambda/blueshiftClient';
import { triggerWithRetries } from '../../lambda/triggerWithRetries';

const UUID = 'aaaaaaaa-0000-4000-8000-000000000001';
const policy = { baseUrl: 'http://127.0.0.1:1', requestTimeoutMs: 10_000, attemptsPerInvocation: 3 };
const CALL_MS = 120;

/** A Blueshift whose every answer takes CALL_MS on a fake clock that starts at 1,000,000. */
function timedHarness(responses: TriggerResponse[]) {
  let clock = 1_000_000;
  const sentAt: number[] = [];
  const deps = {
    apiKeys: { get: async () => 'key-1', refresh: async () => 'key-2' },
    call: async () => {
      sentAt.push(clock);
      clock += CALL_MS;
      return responses.shift() ?? { kind: 'response' as const, status: 200, message: 'ok' };
    },
    onAttempt: () => undefined,
    now: () => clock,
    sleep: async (ms: number) => {
      clock += ms;
    },
    random: () => 0.5,
  };
  return { deps, sentAt };
}

describe('Function: triggerWithRetries() – send time and latency', () => {
  it('reports when the successful request was sent and how long each call took', async () => {
    // Prepare
    const { deps, sentAt } = timedHarness([{ kind: 'response', status: 503, message: 'down' }]);

    // Act
    const outcome = await triggerWithRetries(UUID, 2_000_000, policy, deps);

    // Assess
    expect(outcome.verdict).toBe('triggered');
    expect(outcome.sentAtMs).toBe(sentAt[1]);
    expect(outcome.latenciesMs).toEqual([CALL_MS, CALL_MS]);
  });

  it('reports no send time when no call succeeded, and why a call got no answer', async () => {
    // Prepare
    const timeout = { kind: 'timeout' as const, message: 'no response within 10000 ms' };
    const { deps } = timedHarness([timeout, timeout, timeout]);

    // Act
    const outcome = await triggerWithRetries(UUID, 2_000_000, policy, deps);

    // Assess
    expect(outcome).toMatchObject({ verdict: 'transient', noResponse: 'timeout', attempts: 3 });
    expect(outcome.sentAtMs).toBeUndefined();
    expect(outcome.latenciesMs).toHaveLength(3);
  });
});
