import { describe, expect, it } from 'vitest';
import { API_BASE_URLS, CONFIG_DEFAULTS } from '../../lib/config/schema';
import { validateAppConfig } from '../../lib/config/validateConfig';
import { DAILY_UUID, problemsOf, rawConfigFactory } from './factories';

describe('Function: validateAppConfig()', () => {
  it('applies every default to a minimal configuration', () => {
    // Act
    const config = validateAppConfig(rawConfigFactory());

    // Assess
    expect(config).toEqual({
      ...CONFIG_DEFAULTS,
      apiBaseUrl: API_BASE_URLS.us,
      imports: [{ prefix: 'customers/daily/', uuid: DAILY_UUID, suffix: '.csv' }],
    });
    expect(config).not.toHaveProperty('bucketName');
    expect(config).not.toHaveProperty('apiKeySecretName');
  });

  it('accepts the configuration as JSON text, as given with -c on the command line', () => {
    // Prepare
    const raw = JSON.stringify(rawConfigFactory({ bucketName: 'drop-bucket', maxConcurrency: 5 }));

    // Act
    const config = validateAppConfig(raw);

    // Assess
    expect(config).toMatchObject({ bucketName: 'drop-bucket', maxConcurrency: 5 });
  });

  it('reports JSON text that does not parse', () => {
    // Act
    const problems = problemsOf('{"imports": [');

    // Assess
    expect(problems).toEqual([expect.stringMatching(/^blueshiftImportTrigger: is not valid JSON/)]);
  });

  it('reports a missing configuration with a hint where to set it', () => {
    // Act
    const problems = problemsOf(undefined);

    // Assess
    expect(problems).toEqual([expect.stringContaining('set it in cdk.json context or with -c')]);
  });

  it('lower-cases import UUIDs', () => {
    // Act
    const config = validateAppConfig(
      rawConfigFactory({ imports: [{ prefix: 'a/', uuid: DAILY_UUID.toUpperCase() }] }),
    );

    // Assess
    expect(config.imports).toEqual([{ prefix: 'a/', uuid: DAILY_UUID }]);
  });

  it('picks the EU host for apiRegion eu', () => {
    // Act
    const config = validateAppConfig(rawConfigFactory({ apiRegion: 'eu' }));

    // Assess
    expect(config.apiBaseUrl).toBe('https://api.eu.getblueshift.com');
  });

  it('lets apiBaseUrl override the region host, without a trailing slash', () => {
    // Act
    const config = validateAppConfig(
      rawConfigFactory({ apiRegion: 'eu', apiBaseUrl: 'https://sandbox.example.com/' }),
    );

    // Assess
    expect(config.apiBaseUrl).toBe('https://sandbox.example.com');
  });

  it.each(['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010'])(
    'accepts plain http to the loopback host in %s',
    (apiBaseUrl) => {
      // Act
      const config = validateAppConfig(rawConfigFactory({ apiBaseUrl }));

      // Assess
      expect(config.apiBaseUrl).toBe(apiBaseUrl);
    },
  );

  it('lists every problem at once, each with its field path', () => {
    // Prepare
    const raw = {
      imports: [
        { prefix: 'customers/', uuid: 'not-a-uuid', colour: 'blue' },
        { prefix: '', uuid: DAILY_UUID },
        { prefix: 'customers/', uuid: DAILY_UUID },
      ],
      apiRegion: 'mars',
      memorySizeMb: 64,
      maxConcurrency: 1,
      batchSize: 11,
      batchWindowSeconds: 0,
      retryBaseDelaySeconds: 600,
      retryMaxDelaySeconds: 60,
      bucket: 'typo-of-bucketName',
    };

    // Act
    const problems = problemsOf(raw);

    // Assess
    expect(problems).toEqual(
      expect.arrayContaining([
        'blueshiftImportTrigger.bucket: is not a known field',
        'blueshiftImportTrigger.imports[0].colour: is not a known field (prefix, uuid, suffix, settleSeconds)',
        expect.stringMatching(/^blueshiftImportTrigger\.imports\[0\]\.uuid: .*\(got "not-a-uuid"\)$/),
        expect.stringMatching(/^blueshiftImportTrigger\.imports\[1\]\.prefix: must be a non-empty string/),
        'blueshiftImportTrigger.imports[2].prefix: duplicates imports[0].prefix "customers/"',
        'blueshiftImportTrigger.apiRegion: must be one of us, eu (got "mars")',
        'blueshiftImportTrigger.memorySizeMb: must be a whole number from 128 to 10240 (got 64)',
        'blueshiftImportTrigger.maxConcurrency: must be a whole number from 2 to 1000 (got 1)',
        expect.stringMatching(/^blueshiftImportTrigger\.batchSize: above 10 needs batchWindowSeconds/),
        'blueshiftImportTrigger.retryMaxDelaySeconds: must be at least retryBaseDelaySeconds (600)',
      ]),
    );
    expect(problems).toHaveLength(10);
  });

  it.each([
    ['plain http to a remote host', 'http://api.getblueshift.com', /must use https/],
    ['another scheme', 'ftp://api.getblueshift.com', /must use https/],
    ['credentials in the URL', 'https://user:pass@api.getblueshift.com', /must not carry credentials/],
    ['text that is not a URL', 'api.getblueshift.com', /must be an absolute URL/],
  ])('rejects an apiBaseUrl with %s', (_case, apiBaseUrl, message) => {
    // Act
    const problems = problemsOf(rawConfigFactory({ apiBaseUrl }));

    // Assess
    expect(problems).toEqual([expect.stringMatching(message)]);
    expect(problems[0]).toMatch(/^blueshiftImportTrigger\.apiBaseUrl: /);
  });

  it('reports an out-of-range number once, without follow-on problems from the rules that use it', () => {
    // Act
    const problems = problemsOf(
      rawConfigFactory({ retryBaseDelaySeconds: 50_000, functionTimeoutSeconds: 5 }),
    );

    // Assess
    expect(problems).toEqual([
      'blueshiftImportTrigger.retryBaseDelaySeconds: must be a whole number from 1 to 42000 (got 50000)',
      'blueshiftImportTrigger.functionTimeoutSeconds: must be a whole number from 10 to 900 (got 5)',
    ]);
  });

  it.each([
    ['an SQS queue ARN', 'arn:aws:sqs:us-east-1:123456789012:alerts'],
    ['a topic name', 'alerts'],
  ])('rejects %s as alarmTopicArn', (_case, alarmTopicArn) => {
    // Act
    const problems = problemsOf(rawConfigFactory({ alarmTopicArn }));

    // Assess
    expect(problems).toEqual([
      expect.stringMatching(/^blueshiftImportTrigger\.alarmTopicArn: must be an SNS topic ARN/),
    ]);
  });

  it('keeps a valid alarmTopicArn', () => {
    // Prepare
    const alarmTopicArn = 'arn:aws:sns:eu-west-1:123456789012:data-team-alerts';

    // Act / Assess
    expect(validateAppConfig(rawConfigFactory({ alarmTopicArn })).alarmTopicArn).toBe(alarmTopicArn);
  });

  it('rejects retry settings under which a failing drop could expire before it can be redriven', () => {
    // Act
    const problems = problemsOf(rawConfigFactory({ maxReceiveCount: 30, retryMaxDelaySeconds: 42000 }));

    // Assess
    expect(problems).toEqual([
      expect.stringMatching(
        /^blueshiftImportTrigger\.maxReceiveCount: .* for 14\.1 days before the dead-letter queue/,
      ),
    ]);
  });

  it('validates 1,000 imports, which ship in a file rather than the 4 KB environment', () => {
    // Prepare
    const imports = Array.from({ length: 1000 }, (_, index) => ({
      prefix: `partner-${String(index).padStart(4, '0')}/${'é'.repeat(40)}/`,
      uuid: DAILY_UUID,
    }));

    // Act
    const config = validateAppConfig(rawConfigFactory({ imports, notifications: 'eventbridge' }));

    // Assess
    expect(config.imports).toHaveLength(1000);
  });
});
