import { describe, expect, it } from 'vitest';
import { validateAppConfig, validateSettings } from '../../lib/config/validateConfig';
import { problemsOf, rawConfigFactory } from '../config/factories';

describe('Config: monitoring fields', () => {
  it('defaults the alarm counts to 1 and leaves the oldest-message age to the retry policy', () => {
    // Act
    const config = validateAppConfig(rawConfigFactory());

    // Assess
    expect(config).toMatchObject({ functionErrorsAlarmThreshold: 1, throttlesAlarmThreshold: 1 });
    expect(config.oldestMessageAlarmSeconds).toBeUndefined();
    expect(config.alarmEmail).toBeUndefined();
  });

  it('keeps tuned thresholds and addresses, for the app and for the construct alike', () => {
    // Prepare
    const tuned = {
      alarmEmail: ['ana@example.com'],
      oldestMessageAlarmSeconds: 3600,
      functionErrorsAlarmThreshold: 5,
      throttlesAlarmThreshold: 20,
    };

    // Act
    const app = validateAppConfig(rawConfigFactory(tuned));
    const construct = validateSettings(rawConfigFactory(tuned));

    // Assess
    expect(app).toMatchObject(tuned);
    expect(construct).toMatchObject(tuned);
  });

  it.each([
    ['oldestMessageAlarmSeconds', 30, 'must be a whole number from 60 to 1209600 (got 30)'],
    ['oldestMessageAlarmSeconds', 90.5, 'must be a whole number from 60 to 1209600 (got 90.5)'],
    ['functionErrorsAlarmThreshold', 0, 'must be a whole number from 1 to 10000 (got 0)'],
    ['throttlesAlarmThreshold', '5', 'must be a whole number from 1 to 10000 (got "5")'],
  ])('refuses %s = %j', (field, value, message) => {
    // Act
    const problems = problemsOf(rawConfigFactory({ [field]: value }));

    // Assess
    expect(problems).toEqual([`blueshiftImportTrigger.${field}: ${message}`]);
  });
});
