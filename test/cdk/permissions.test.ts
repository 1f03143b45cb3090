import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawConfigFactory, resourceOf, type SynthesizedStack, synthesizeStack } from './synthesizeStack';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource?: unknown;
}

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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
