import { describe, expect, it } from 'vitest';
import { jitteredDelayMs, MAX_VISIBILITY_SECONDS, visibilityTimeoutSeconds } from '../../lambda/backoff';

const backoff = { baseSeconds: 30, maxSeconds: 1800 };

describe('Function: visibilityTimeoutSeconds()', () => {
  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [6, 960],
    [7, 1800],
    [50, 1800],
  ])('waits exponentially, capped: receive %i -> %i s', (receiveCount, seconds) => {
    // Act / Assess
    expect(visibilityTimeoutSeconds(receiveCount, backoff)).toBe(seconds);
  });

  it('lets a larger Retry-After win', () => {
    // Act / Assess
    expect(visibilityTimeoutSeconds(1, backoff, 600)).toBe(600);
  });

  it('keeps the exponential delay when Retry-After is smaller', () => {
    // Act / Assess
    expect(visibilityTimeoutSeconds(3, backoff, 5)).toBe(120);
  });

  it('stays 20 minutes inside the 12 h SQS limit, which counts from the receive', () => {
    // Act / Assess
    expect(MAX_VISIBILITY_SECONDS).toBe(42_000);
    expect(visibilityTimeoutSeconds(1, backoff, 100_000)).toBe(42_000);
    expect(visibilityTimeoutSeconds(40, { baseSeconds: 30, maxSeconds: 43_200 })).toBe(42_000);
  });
});

describe('Function: jitteredDelayMs()', () => {
  it('draws between zero and the doubling ceiling (full jitter)', () => {
    // Act / Assess
    expect(jitteredDelayMs(1, 200, 2000, () => 0.999)).toBe(199);
    expect(jitteredDelayMs(3, 200, 2000, () => 0.5)).toBe(400);
    expect(jitteredDelayMs(3, 200, 2000, () => 0)).toBe(0);
  });

  it('caps the ceiling', () => {
    // Act / Assess
    expect(jitteredDelayMs(10, 200, 2000, () => 0.5)).toBe(1000);
  });
});
