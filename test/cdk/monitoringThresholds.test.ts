import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS } from '../../lib/config/schema';
import { defaultOldestMessageAlarmSeconds, monitoringThresholds } from '../../lib/monitoring';

const retryFactory = (overrides: Partial<Parameters<typeof defaultOldestMessageAlarmSeconds>[0]> = {}) => ({
  maxReceiveCount: 3,
  retryBaseDelaySeconds: 10,
  retryMaxDelaySeconds: 1000,
  functionTimeoutSeconds: 30,
  batchWindowSeconds: 5,
  ...overrides,
});

describe('Function: defaultOldestMessageAlarmSeconds()', () => {
  it('adds the redelivery delays, each receive and 15 minutes', () => {
    // Act
    const seconds = defaultOldestMessageAlarmSeconds(retryFactory());

    // Assess: delays 10 + 20 + 0 (the last receive has none), 3 × (5 + 30) per receive, 900 margin
    expect(seconds).toBe(30 + 105 + 900);
  });

  it('caps each delay at the longest redelivery delay', () => {
    // Act
    const seconds = defaultOldestMessageAlarmSeconds(
      retryFactory({ maxReceiveCount: 4, retryMaxDelaySeconds: 15 }),
    );

    // Assess: delays 10 + 15 + 15 + 0
    expect(seconds).toBe(40 + 4 * 35 + 900);
  });

  it('is about two and a half hours with the default settings', () => {
    // Act
    const seconds = defaultOldestMessageAlarmSeconds(CONFIG_DEFAULTS);

    // Assess
    expect(seconds).toBe(8840);
  });
});

describe('Function: monitoringThresholds()', () => {
  it('keeps a configured oldest-message age', () => {
    // Act
    const thresholds = monitoringThresholds({ ...CONFIG_DEFAULTS, oldestMessageAlarmSeconds: 600 });

    // Assess
    expect(thresholds).toEqual({
      oldestMessageAlarmSeconds: 600,
      functionErrorsAlarmThreshold: 1,
      throttlesAlarmThreshold: 1,
    });
  });
});
