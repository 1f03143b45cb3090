import { Stack } from 'aws-cdk-lib';
import { AccountRootPrincipal, Role } from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { peakMemoryMb } from '../../lib/config/peakMemory';
import { CONFIG_DEFAULTS } from '../../lib/config/schema';
import { validateAppConfig, validateSettings } from '../../lib/config/validateConfig';
import { DAILY_UUID, manyImportsFactory, problemsOf, rawConfigFactory } from './factories';

describe('Schema: AWS limits at synth', () => {
  it('rejects more than 100 S3 notification configurations and suggests eventbridge', () => {
    // Act
    const problems = problemsOf(rawConfigFactory({ imports: manyImportsFactory(101) }));

    // Assess
    expect(problems).toEqual([
      'blueshiftImportTrigger.imports: need 101 S3 notification configurations once nested prefixes are folded; ' +
        'a bucket holds at most 100: use "notifications": "eventbridge"',
    ]);
  });

  it('counts notification configurations after nested prefixes fold into their root', () => {
    // Prepare: 150 mappings under one root fold into one configuration.
    const imports = [
      { prefix: 'in/', uuid: DAILY_UUID },
      ...manyImportsFactory(150).map((mapping) => ({ ...mapping, prefix: `in/${mapping.prefix}` })),
    ];

    // Act / Assess
    expect(validateAppConfig(rawConfigFactory({ imports })).imports).toHaveLength(151);
  });

  it('accepts 1,000 imports in eventbridge mode', () => {
    // Act
    const config = validateAppConfig(
      rawConfigFactory({ imports: manyImportsFactory(1000), notifications: 'eventbridge' }),
    );

    // Assess
    expect(config.notifications).toBe('eventbridge');
  });

  it('models peak memory to match the 132 MB measured for a 3,800-record event, and caps the batch there', () => {
    // Act / Assess
    expect(peakMemoryMb(3800)).toBe(132);
    expect(peakMemoryMb(10_000)).toBe(132);
    expect(peakMemoryMb(CONFIG_DEFAULTS.batchSize)).toBeLessThan(128);
  });

  it('rejects 128 MB for a batch size whose largest batch needs more', () => {
    // Act
    const problems = problemsOf(rawConfigFactory({ memorySizeMb: 128, batchSize: 3800 }));

    // Assess
    expect(problems).toEqual([
      'blueshiftImportTrigger.memorySizeMb: 128 MB cannot hold the largest batch batchSize 3800 allows ' +
        '(about 132 MB at peak): use at least 132, or a smaller batchSize',
    ]);
  });

  it('accepts 128 MB for the default batch size', () => {
    // Act / Assess
    expect(validateAppConfig(rawConfigFactory({ memorySizeMb: 128 })).memorySizeMb).toBe(128);
  });

  it("rejects a reader grant whose bucket policy cannot fit S3's 20 KB", () => {
    // Prepare: 200 top-level prefixes of 60 characters need at least 200 × 145 bytes.
    const imports = manyImportsFactory(200).map((mapping) => ({
      ...mapping,
      prefix: mapping.prefix.padEnd(60, 'x'),
    }));

    // Act
    const problems = problemsOf(
      rawConfigFactory({
        imports,
        notifications: 'eventbridge',
        blueshiftReaderPrincipalArn: 'arn:aws:iam::123456789012:role/blueshift-reader',
      }),
    );

    // Assess
    expect(problems).toEqual([
      expect.stringMatching(
        /^blueshiftImportTrigger\.blueshiftReaderPrincipalArn: needs a bucket policy of at least 29000 bytes/,
      ),
    ]);
  });
});

describe('Schema: new fields', () => {
  it('defaults notifications to s3, four calls in flight and three attempts per invocation', () => {
    // Act
    const config = validateAppConfig(rawConfigFactory());

    // Assess
    expect(config).toMatchObject({ notifications: 's3', maxConcurrentCalls: 4, attemptsPerInvocation: 3 });
  });

  it.each([
    ['notifications', 'sns', 'must be one of s3, eventbridge (got "sns")'],
    ['maxConcurrentCalls', 51, 'must be a whole number from 1 to 50 (got 51)'],
    ['attemptsPerInvocation', 0, 'must be a whole number from 1 to 10 (got 0)'],
    ['apiKeySecretKmsKeyArn', 'arn:aws:kms:eu-west-1:123456789012:alias/secrets', 'must be a KMS key ARN'],
    [
      'blueshiftReaderPrincipalArn',
      'arn:aws:iam::123456789012:group/readers',
      'must be an IAM role, user or account root ARN',
    ],
  ])('rejects %s %j', (field, value, message) => {
    // Act
    const problems = problemsOf(rawConfigFactory({ [field]: value }));

    // Assess
    expect(problems).toEqual([expect.stringContaining(`blueshiftImportTrigger.${field}: ${message}`)]);
  });

  it.each([
    ['apiKeySecretKmsKeyArn', 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['apiKeySecretKmsKeyArn', 'arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab'],
    ['blueshiftReaderPrincipalArn', 'arn:aws:iam::123456789012:role/service/blueshift-reader'],
    ['blueshiftReaderPrincipalArn', 'arn:aws:iam::123456789012:user/blueshift'],
    ['blueshiftReaderPrincipalArn', 'arn:aws:iam::123456789012:root'],
  ])('keeps a valid %s %s', (field, value) => {
    // Act / Assess
    const config = rawConfigFactory({ apiKeySecretName: 'blueshift/user-api-key', [field]: value });
    expect(validateAppConfig(config)).toHaveProperty(field, value);
  });

  it('rejects a KMS key for a secret the stack would create, where it would be ignored', () => {
    // Act
    const problems = problemsOf(
      rawConfigFactory({
        apiKeySecretKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      }),
    );

    // Assess
    expect(problems).toEqual([
      expect.stringContaining(
        'blueshiftImportTrigger.apiKeySecretKmsKeyArn: applies to an existing secret only',
      ),
    ]);
  });
});

describe('Function: validateSettings()', () => {
  it('accepts a reader principal ARN that is a token, to be checked at deploy', () => {
    // Prepare
    const role = new Role(new Stack(), 'Reader', { assumedBy: new AccountRootPrincipal() });

    // Act
    const settings = validateSettings({
      imports: rawConfigFactory().imports,
      blueshiftReaderPrincipalArn: role.roleArn,
    });

    // Assess
    expect(settings.blueshiftReaderPrincipalArn).toBe(role.roleArn);
  });

  it('refuses the app-only fields, which the construct takes as objects', () => {
    // Act
    const settings = () => validateSettings(rawConfigFactory({ bucketName: 'drop-bucket' }));

    // Assess
    expect(settings).toThrow('blueshiftImportTrigger.bucketName: is not a known field');
  });
});

describe('Schema: the function environment', () => {
  it('rejects an apiBaseUrl too long for the 4 KB environment', () => {
    // Act
    const problems = problemsOf(rawConfigFactory({ apiBaseUrl: `https://example.com/${'a'.repeat(2100)}` }));

    // Assess
    expect(problems).toEqual([
      expect.stringMatching(/^blueshiftImportTrigger\.apiBaseUrl: must be at most 2048 characters/),
    ]);
  });
});
