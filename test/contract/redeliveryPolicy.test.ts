import { describe, expect, it } from 'vitest';
import {
  busyWaitSeconds,
  classifyStatus,
  hasUsedHalfItsReceives,
  IN_INVOCATION_RETRY,
  inInvocationWaitMs,
  MAX_REDELIVERY_DELAY_SECONDS,
  needsOperator,
  probeGraceSeconds,
  queueVisibilityTimeoutSeconds,
  redeliveryDelaySeconds,
  settleWaitSeconds,
  typicalDelaysSeconds,
  worstCaseRetrySpanSeconds,
} from '../../contract/redeliveryPolicy';

const settings = { maxReceiveCount: 10, retryBaseDelaySeconds: 30, retryMaxDelaySeconds: 1800 };

describe('Function: classifyStatus()', () => {
  it.each([
    [200, 'triggered'],
    [202, 'triggered'],
    [408, 'transient'],
    [429, 'transient'],
    [500, 'transient'],
    [502, 'transient'],
    [503, 'transient'],
    [504, 'transient'],
    [507, 'transient'],
    [599, 'transient'],
    [405, 'busy'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'rejected'],
    [400, 'rejected'],
    [422, 'rejected'],
  ] as const)('classifies status %i as %s', (status, verdict) => {
    // Act / Assess
    expect(classifyStatus(status)).toBe(verdict);
  });

  it.each(['timeout', 'network-error'] as const)('treats a %s as transient', (kind) => {
    // Act / Assess
    expect(classifyStatus(kind)).toBe('transient');
  });
});

describe('Function: needsOperator()', () => {
  it.each([
    ['unauthorized', true],
    ['rejected', true],
    ['key-unavailable', true],
    ['transient', false],
    ['busy', false],
    ['deadline', false],
    ['triggered', false],
  ] as const)('says %s needs an operator: %s', (verdict, expected) => {
    // Act / Assess
    expect(needsOperator(verdict)).toBe(expected);
  });
});

describe('Function: inInvocationWaitMs()', () => {
  it('draws between zero and the doubling ceiling (full jitter)', () => {
    // Act / Assess
    expect(inInvocationWaitMs(1, undefined, () => 0.999)).toBe(199);
    expect(inInvocationWaitMs(3, undefined, () => 0.5)).toBe(400);
    expect(inInvocationWaitMs(3, undefined, () => 0)).toBe(0);
  });

  it('caps the ceiling', () => {
    // Act / Assess
    expect(inInvocationWaitMs(10, undefined, () => 0.5)).toBe(IN_INVOCATION_RETRY.capMs / 2);
  });

  it('waits at least a short Retry-After', () => {
    // Act / Assess
    expect(inInvocationWaitMs(1, 1, () => 0.5)).toBe(1000);
  });

  it('leaves a Retry-After longer than the cap to SQS redelivery', () => {
    // Act / Assess
    expect(inInvocationWaitMs(1, 3, () => 0)).toBeUndefined();
  });
});

describe('Function: redeliveryDelaySeconds()', () => {
  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [6, 960],
    [7, 1800],
    [9, 1800],
  ])('waits exponentially, capped: receive %i -> %i s', (receiveCount, seconds) => {
    // Act / Assess
    expect(redeliveryDelaySeconds(receiveCount, settings)).toBe(seconds);
  });

  it('lets a larger Retry-After win', () => {
    // Act / Assess
    expect(redeliveryDelaySeconds(1, settings, 600)).toBe(600);
  });

  it('keeps the exponential delay when Retry-After is smaller', () => {
    // Act / Assess
    expect(redeliveryDelaySeconds(3, settings, 5)).toBe(120);
  });

  it('never lets a Retry-After push the delay above retryMaxDelaySeconds', () => {
    // Act / Assess
    expect(redeliveryDelaySeconds(1, settings, 100_000)).toBe(1800);
    expect(redeliveryDelaySeconds(8, settings, 1801)).toBe(1800);
  });

  it('stays 20 minutes inside the 12 h SQS limit, which counts from the receive', () => {
    // Prepare
    const unbounded = { ...settings, maxReceiveCount: 100, retryMaxDelaySeconds: 43_200 };

    // Act / Assess
    expect(MAX_REDELIVERY_DELAY_SECONDS).toBe(42_000);
    expect(redeliveryDelaySeconds(1, unbounded, 100_000)).toBe(42_000);
    expect(redeliveryDelaySeconds(40, unbounded)).toBe(42_000);
  });

  it.each([10, 11])('waits 0 s on the last receive (%i of 10), whatever Retry-After says', (receiveCount) => {
    // Act / Assess
    expect(redeliveryDelaySeconds(receiveCount, settings, 600)).toBe(0);
  });
});

describe('Function: typicalDelaysSeconds()', () => {
  it('lists one delay per receive, capped, ending with 0', () => {
    // Act / Assess
    expect(
      typicalDelaysSeconds({ maxReceiveCount: 5, retryBaseDelaySeconds: 30, retryMaxDelaySeconds: 100 }),
    ).toEqual([30, 60, 100, 100, 0]);
  });
});

describe('Function: queueVisibilityTimeoutSeconds()', () => {
  it('covers six function timeouts plus the batching window', () => {
    // Act / Assess
    expect(queueVisibilityTimeoutSeconds(60, 5)).toBe(365);
  });
});

describe('Function: worstCaseRetrySpanSeconds()', () => {
  it('adds every receive, the longest delay between receives and the queue visibility after the last', () => {
    // Prepare: 5 receives of up to 65 s, 4 waits of 900 s plus a 20 s probe grace (a busy wait), then the
    // 365 s queue visibility.
    const span = { maxReceiveCount: 5, retryBaseDelaySeconds: 30, retryMaxDelaySeconds: 900 };

    // Act / Assess
    expect(
      worstCaseRetrySpanSeconds({
        ...span,
        functionTimeoutSeconds: 60,
        batchWindowSeconds: 5,
        requestTimeoutSeconds: 10,
      }),
    ).toBe(5 * 65 + 4 * 920 + 365);
  });

  it('counts the queue visibility as the wait when it is longer than the longest delay', () => {
    // Prepare: a delay that could not be set waits the queue's 5,700 s.
    const span = { maxReceiveCount: 3, retryBaseDelaySeconds: 30, retryMaxDelaySeconds: 3600 };

    // Act / Assess
    expect(
      worstCaseRetrySpanSeconds({
        ...span,
        functionTimeoutSeconds: 900,
        batchWindowSeconds: 300,
        requestTimeoutSeconds: 10,
      }),
    ).toBe(3 * 1200 + 2 * 5700 + 5700);
  });

  it('caps the longest delay as the handler does', () => {
    // Prepare
    const span = { maxReceiveCount: 2, retryBaseDelaySeconds: 30, retryMaxDelaySeconds: 43_200 };

    // Act / Assess
    expect(
      worstCaseRetrySpanSeconds({
        ...span,
        functionTimeoutSeconds: 30,
        batchWindowSeconds: 0,
        requestTimeoutSeconds: 10,
      }),
    ).toBe(2 * 30 + 42_000 + 180);
  });
});

describe('Function: probeGraceSeconds()', () => {
  it('covers a whole batching window, one request timeout and 5 s for the receive and the ledger', () => {
    // Act / Assess
    expect(probeGraceSeconds({ batchWindowSeconds: 0, requestTimeoutSeconds: 10 })).toBe(15);
    expect(probeGraceSeconds({ batchWindowSeconds: 300, requestTimeoutSeconds: 10 })).toBe(315);
  });
});

describe('Function: busyWaitSeconds()', () => {
  it('waits until one probe grace after the busy period ends, in whole seconds', () => {
    // Act / Assess
    expect(busyWaitSeconds(60_500, 0, 15)).toBe(61 + 15);
    expect(busyWaitSeconds(60_500, 0, 315)).toBe(61 + 315);
  });

  it('waits at least a second and at most the longest redelivery delay', () => {
    // Act / Assess
    expect(busyWaitSeconds(0, 20_000, 15)).toBe(1);
    expect(busyWaitSeconds(10 ** 12, 0, 15)).toBe(MAX_REDELIVERY_DELAY_SECONDS);
  });
});

describe('Function: hasUsedHalfItsReceives()', () => {
  it.each([
    [2, 6, false],
    [3, 6, true],
    [2, 5, false],
    [3, 5, true],
    [1, 1, true],
  ])('receive %i of %i: %s', (receiveCount, maxReceiveCount, expected) => {
    // Act / Assess
    expect(hasUsedHalfItsReceives(receiveCount, { maxReceiveCount })).toBe(expected);
  });
});

describe('Function: settleWaitSeconds()', () => {
  const window = {
    newestLandedAtMs: 100_000,
    oldestLandedAtMs: 10_000,
    settleSeconds: 60,
    maxSettleSeconds: 120,
  };

  it('waits until settleSeconds after the newest file', () => {
    // Act / Assess
    expect(settleWaitSeconds({ ...window, maxSettleSeconds: 900 }, 110_000)).toBe(50);
  });

  it('waits no longer than maxSettleSeconds after the oldest file', () => {
    // Act / Assess
    expect(settleWaitSeconds(window, 110_000)).toBe(20);
  });

  it('is 0 once either bound has passed', () => {
    // Act / Assess
    expect(settleWaitSeconds(window, 130_000)).toBe(0);
    expect(settleWaitSeconds({ ...window, maxSettleSeconds: 900 }, 160_000)).toBe(0);
  });
});
