import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS } from '../../lib/config/schema';
import {
  boundedName,
  defaultOldestMessageAlarmSeconds,
  monitoringThresholds,
  serviceNameOf,
} from '../../lib/monitoring';

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

describe('Function: serviceNameOf()', () => {
  it('joins the stack name and the construct id', () => {
    // Assess
    expect(serviceNameOf('DataImports', 'Trigger')).toBe('DataImports-Trigger');
  });
});

describe('Function: boundedName()', () => {
  it('replaces characters names may not hold', () => {
    // Assess
    expect(boundedName('Data.Imports/Trigger', 100)).toBe('Data-Imports-Trigger');
  });

  it('cuts long names to the length, ending in a hash so they stay apart', () => {
    // Act
    const first = boundedName(`${'S'.repeat(120)}-One`, 100);
    const second = boundedName(`${'S'.repeat(120)}-Two`, 100);

    // Assess
    expect(first).toHaveLength(100);
    expect(first).toMatch(/^S+-[0-9a-f]{8}$/);
    expect(first).not.toBe(second);
  });
});
