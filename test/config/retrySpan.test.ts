import { describe, expect, it } from 'vitest';
import { worstCaseRetrySpanSeconds } from '../../lib/config/retrySpan';

describe('Function: worstCaseRetrySpanSeconds()', () => {
  it('adds one doubling delay per receive while under the cap', () => {
    // Act
    const span = worstCaseRetrySpanSeconds({
      maxReceiveCount: 3,
      retryBaseDelaySeconds: 10,
      retryMaxDelaySeconds: 1000,
    });

    // Assess
    expect(span).toBe(10 + 20 + 40);
  });

  it('counts the capped delay for every receive after the cap is reached', () => {
    // Act
    const span = worstCaseRetrySpanSeconds({
      maxReceiveCount: 10,
      retryBaseDelaySeconds: 30,
      retryMaxDelaySeconds: 1800,
    });

    // Assess
    expect(span).toBe(30 + 60 + 120 + 240 + 480 + 960 + 4 * 1800);
  });

  it('uses the cap from the first receive when the base is not below it', () => {
    // Act
    const span = worstCaseRetrySpanSeconds({
      maxReceiveCount: 5,
      retryBaseDelaySeconds: 900,
      retryMaxDelaySeconds: 600,
    });

    // Assess
    expect(span).toBe(5 * 600);
  });
});
