import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawConfigFactory, resourceOf, type SynthesizedStack, synthesizeStack } from './synthesizeStack';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource?: unknown;
  readonly Principal?: unknown;
  readonly Condition?: unknown;
}

const KMS_KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const READER_ARN = 'arn:aws:iam::111122223333:role/blueshift-s3-reader';

/** The statements of the policies attached to the trigger function's role. */
const functionStatements = ({ stack, template }: SynthesizedStack): Statement[] => {
  const roleName = stack.resolve(stack.trigger.function.role?.roleName);
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [roleName] } });
  return policyStatements(policies);
};

/** The actions the function may take on a resource, given as it appears in the template. */
const actionsOn = (synthesized: SynthesizedStack, resource: unknown): string[] =>
  functionStatements(synthesized)
    .filter(
      (statement) =>
        statement.Effect === 'Allow' && JSON.stringify(statement.Resource) === JSON.stringify(resource),
    )
    .flatMap((statement) => [statement.Action].flat());

/** Every statement of every policy document anywhere in the template: identity, resource and trust policies. */
const policyStatements = (node: unknown): Statement[] => {
  if (Array.isArray(node)) return node.flatMap(policyStatements);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'Statement' ? (value as Statement[]) : policyStatements(value),
  );
};

/** Every property key anywhere in the template, however deeply nested. */
const keysOf = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(keysOf);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => [key, ...keysOf(value)]);
};

describe('Construct: BlueshiftImportTrigger permissions', () => {
  let created: SynthesizedStack;
  beforeAll(() => {
    created = synthesizeStack(rawConfigFactory());
  });

  it('lets the function read the API key secret', () => {
    // Act
    const actions = actionsOn(created, created.stack.resolve(created.stack.trigger.apiKeySecret.secretArn));

    // Assess
    expect(actions).toContain('secretsmanager:GetSecretValue');
  });

  it('lets the function consume the ingest queue, including postponing messages with ChangeMessageVisibility', () => {
    // Act
    const actions = actionsOn(created, created.stack.resolve(created.stack.trigger.ingestQueue.queueArn));

    // Assess
    expect(actions).toEqual(
      expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility']),
    );
  });

  it('lets the function do nothing with the dead-letter queue', () => {
    // Act
    const actions = actionsOn(created, created.stack.resolve(created.stack.trigger.deadLetterQueue.queueArn));

    // Assess
    expect(actions).toEqual([]);
  });

  it("gives the function's role no managed policy: it writes only to its own log group", () => {
    // Prepare
    const { stack } = created;

    // Act
    const role = resourceOf(created, stack.trigger.function.role ?? stack);

    // Assess
    expect(role.Type).toBe('AWS::IAM::Role');
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(actionsOn(created, stack.resolve(stack.trigger.function.logGroup.logGroupArn)).sort()).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
  });

  it('allows no action with a wildcard in any policy', () => {
    // Act
    const allowed = policyStatements(created.template.toJSON())
      .filter((statement) => statement.Effect === 'Allow')
      .flatMap((statement) => [statement.Action].flat());

    // Assess
    expect(allowed.length).toBeGreaterThan(0);
    expect(allowed.filter((action) => action.includes('*'))).toEqual([]);
  });

  it('puts no secret value in the template', () => {
    // Act
    const keys = keysOf(created.template.toJSON());

    // Assess
    expect(keys).toContain('GenerateSecretString');
    expect(keys).not.toContain('SecretString');
  });

  it('creates the secret with operator instructions and an empty apiKey, and keeps it when the stack goes', () => {
    // Assess
    created.template.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: {
        Description: Match.stringLikeRegexp('\\{"apiKey": "\\.\\.\\."\\}'),
        GenerateSecretString: { SecretStringTemplate: '{"apiKey":""}', GenerateStringKey: 'placeholder' },
      },
    });
  });

  it.each([
    ['a name', 'blueshift/user-api-key', ':secret:blueshift/user-api-key-??????'],
    // Ends like Secrets Manager's random suffix (`-` and six letters) without being one.
    ['a name ending like a suffix', 'blueshift-secret', ':secret:blueshift-secret-??????'],
    [
      'a partial ARN',
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:blueshift/user-api-key',
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:blueshift/user-api-key-??????',
    ],
    [
      'a complete ARN',
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:blueshift/user-api-key-AbC123',
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:blueshift/user-api-key-AbC123',
    ],
  ])(
    'imports the secret by %s, creating none and granting read on exactly that secret',
    (_case, name, arnEnd) => {
      // Act
      const synthesized = synthesizeStack(rawConfigFactory({ apiKeySecretName: name }));

      // Assess
      synthesized.template.resourceCountIs('AWS::SecretsManager::Secret', 0);
      const readable = functionStatements(synthesized)
        .filter((statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue'))
        .map((statement) => JSON.stringify(statement.Resource));
      expect(readable).toEqual([expect.stringMatching(new RegExp(`${escapeRegExp(arnEnd)}"(\\]\\]\\})?$`))]);
    },
  );
});

describe('Construct: BlueshiftImportTrigger permissions for an imported secret on a customer-managed key', () => {
  it('lets the function decrypt with that key only through Secrets Manager', () => {
    // Act
    const synthesized = synthesizeStack(
      rawConfigFactory({ apiKeySecretName: 'blueshift/user-api-key', apiKeySecretKmsKeyArn: KMS_KEY_ARN }),
    );

    // Assess
    expect(functionStatements(synthesized)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: KMS_KEY_ARN,
          Condition: {
            StringEquals: {
              'kms:ViaService': {
                'Fn::Join': ['', ['secretsmanager.', { Ref: 'AWS::Region' }, '.amazonaws.com']],
              },
            },
          },
        }),
      ]),
    );
  });

  it('grants no key access without a configured key', () => {
    // Act
    const synthesized = synthesizeStack(rawConfigFactory({ apiKeySecretName: 'blueshift/user-api-key' }));

    // Assess
    const kmsActions = functionStatements(synthesized).flatMap((statement) =>
      [statement.Action].flat().filter((action) => action.startsWith('kms:')),
    );
    expect(kmsActions).toEqual([]);
  });
});

describe('Construct: BlueshiftImportTrigger read access for Blueshift', () => {
  const imports = [
    { prefix: 'customers/daily/', uuid: '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f', suffix: '.csv' },
    { prefix: 'customers/vip/', uuid: '7d9e1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e' },
  ];

  it('grants the principal GetObject on the mapped prefixes and ListBucket limited to them on a created bucket', () => {
    // Act
    const synthesized = synthesizeStack(
      rawConfigFactory({ imports, blueshiftReaderPrincipalArn: READER_ARN }),
    );

    // Assess
    const { stack } = synthesized;
    const bucketArn = stack.resolve(stack.trigger.bucket.bucketArn);
    const readerStatements = policyStatements(
      synthesized.template.findResources('AWS::S3::BucketPolicy'),
    ).filter((statement) => JSON.stringify(statement.Principal) === JSON.stringify({ AWS: READER_ARN }));
    expect(readerStatements).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: [
          { 'Fn::Join': ['', [bucketArn, '/customers/daily/*']] },
          { 'Fn::Join': ['', [bucketArn, '/customers/vip/*']] },
        ],
      }),
      expect.objectContaining({
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: bucketArn,
        Condition: { StringLike: { 's3:prefix': ['customers/daily/*', 'customers/vip/*'] } },
      }),
    ]);
  });

  it('prints the statements to add for an existing bucket, changing no bucket policy', () => {
    // Act
    const synthesized = synthesizeStack(
      rawConfigFactory({ imports, bucketName: 'other-team-drops', blueshiftReaderPrincipalArn: READER_ARN }),
    );

    // Assess
    synthesized.template.resourceCountIs('AWS::S3::BucketPolicy', 0);
    const infos = Annotations.fromStack(synthesized.stack).findInfo(
      '*',
      Match.stringLikeRegexp('other-team-drops'),
    );
    expect(infos).toHaveLength(1);
    const message = String(infos[0]?.entry.data);
    expect(message).toContain('"arn:aws:s3:::other-team-drops/customers/daily/*"');
    expect(message).toContain('"s3:ListBucket"');
    expect(message).toContain('"s3:prefix"');
    expect(message).toContain(READER_ARN);
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
