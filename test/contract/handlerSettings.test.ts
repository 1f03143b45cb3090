import { describe, expect, it } from 'vitest';
import { ENV, fromEnvironment, type HandlerSettings, toEnvironment } from '../../contract/handlerSettings';

const settings: HandlerSettings = {
  apiBaseUrl: 'https://api.getblueshift.com',
  secretId: 'blueshift/api-key',
  bucketName: 'drops',
  requestTimeoutSeconds: 10,
  attemptsPerInvocation: 3,
  maxConcurrentCalls: 4,
  retryBaseDelaySeconds: 30,
  retryMaxDelaySeconds: 1800,
  maxReceiveCount: 10,
  ledgerTableName: 'ImportTrigger-Ledger',
  coverageMarginSeconds: 1,
  batchWindowSeconds: 5,
  maxSettleSeconds: 900,
  serviceName: 'ImportTrigger',
};

describe('Function: toEnvironment() / fromEnvironment()', () => {
  it('round-trips every setting', () => {
    // Act / Assess
    expect(fromEnvironment(toEnvironment(settings))).toEqual(settings);
  });

  it('writes one variable per setting, all text', () => {
    // Act
    const environment = toEnvironment(settings);

    // Assess
    expect(Object.keys(environment).sort()).toEqual(Object.values(ENV).sort());
    expect(environment[ENV.maxConcurrentCalls]).toBe('4');
    expect(environment[ENV.bucketName]).toBe('drops');
  });
});

describe('Function: fromEnvironment()', () => {
  it('drops trailing slashes from the API base URL', () => {
    // Prepare
    const environment = { ...toEnvironment(settings), [ENV.apiBaseUrl]: 'https://api.eu.getblueshift.com//' };

    // Act / Assess
    expect(fromEnvironment(environment).apiBaseUrl).toBe('https://api.eu.getblueshift.com');
  });

  it('names every missing variable at once', () => {
    // Act / Assess
    let message = '';
    try {
      fromEnvironment({});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid function environment: /);
    for (const name of ['BLUESHIFT_API_BASE_URL', 'BLUESHIFT_SECRET_ID', 'WATCHED_BUCKET_NAME']) {
      expect(message).toContain(`${name} is not set`);
    }
    for (const name of [
      'REQUEST_TIMEOUT_SECONDS',
      'ATTEMPTS_PER_INVOCATION',
      'MAX_CONCURRENT_CALLS',
      'RETRY_BASE_DELAY_SECONDS',
      'RETRY_MAX_DELAY_SECONDS',
      'MAX_RECEIVE_COUNT',
    ]) {
      expect(message).toContain(`${name} must be a positive whole number`);
    }
  });

  it.each(['0', '-1', '2.5', 'four', ''])('rejects %j as a number, naming the variable', (value) => {
    // Prepare
    const environment = { ...toEnvironment(settings), [ENV.maxConcurrentCalls]: value };

    // Act / Assess
    expect(() => fromEnvironment(environment)).toThrow(
      'Invalid function environment: MAX_CONCURRENT_CALLS must be a positive whole number',
    );
  });

  it('rejects an empty text variable', () => {
    // Prepare
    const environment = { ...toEnvironment(settings), [ENV.bucketName]: '' };

    // Act / Assess
    expect(() => fromEnvironment(environment)).toThrow('WATCHED_BUCKET_NAME is not set');
  });
});

describe('Function: fromEnvironment() – ledger, settle and service settings', () => {
  it('leaves the ledger table out when its variable is absent (the ledger is off)', () => {
    // Prepare
    const { [ENV.ledgerTableName]: _absent, ...environment } = toEnvironment(settings);

    // Act
    const read = fromEnvironment(environment);

    // Assess
    expect(read.ledgerTableName).toBeUndefined();
    expect('ledgerTableName' in read).toBe(false);
  });

  it.each(['coverageMarginSeconds', 'batchWindowSeconds'] as const)(
    'accepts %s of 0 and rejects a negative or fractional one',
    (field) => {
      // Prepare
      const withValue = (value: string) => ({ ...toEnvironment(settings), [ENV[field]]: value });

      // Act / Assess
      expect(fromEnvironment(withValue('0'))[field]).toBe(0);
      for (const value of ['-1', '0.5', '']) {
        expect(() => fromEnvironment(withValue(value))).toThrow(
          `${ENV[field]} must be a whole number, 0 or more`,
        );
      }
    },
  );

  it('requires a positive settle limit and a service name', () => {
    // Prepare
    const environment = { ...toEnvironment(settings), [ENV.maxSettleSeconds]: '0', [ENV.serviceName]: '' };

    // Act / Assess
    expect(() => fromEnvironment(environment)).toThrow(
      /POWERTOOLS_SERVICE_NAME is not set; .*MAX_SETTLE_SECONDS must be a positive whole number/,
    );
  });
});
