import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../contract/handlerSettings';
import { IMPORTS_METADATA_KEY } from '../../contract/stackOutputs';
import { LEDGER_KEY } from '../../contract/triggerLedger';
import {
  rawConfigFactory,
  resourceOf,
  resourcesOfType,
  type SynthesizedStack,
  synthesizeStack,
} from './synthesizeStack';

/** Every IAM action the trigger function's role is allowed, each with the resources it applies to. */
const functionGrants = (synthesized: SynthesizedStack) => {
  const roleId = synthesized.stack.resolve(synthesized.stack.trigger.function.role?.roleArn)['Fn::GetAtt'][0];
  return Object.values(resourcesOfType(synthesized.template, 'AWS::IAM::Policy'))
    .filter((policy) =>
      (policy.Properties as { Roles: unknown[] }).Roles.some(
        (role) => JSON.stringify(role) === JSON.stringify({ Ref: roleId }),
      ),
    )
    .flatMap(
      (policy) =>
        (
          policy.Properties as {
            PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] };
          }
        ).PolicyDocument.Statement,
    )
    .flatMap(({ Action, Resource }) => [Action].flat().map((action) => ({ action, resource: Resource })));
};

const environmentOf = (synthesized: SynthesizedStack): Record<string, unknown> =>
  resourceOf(synthesized, synthesized.stack.trigger.function).Properties.Environment.Variables;

describe('Construct: BlueshiftImportTrigger trigger ledger', () => {
  describe('on (the default)', () => {
    let synthesized: SynthesizedStack;
    beforeAll(() => {
      synthesized = synthesizeStack(rawConfigFactory());
    });

    it('creates one on-demand table keyed by the import UUID, encrypted, with point-in-time recovery', () => {
      // Assess
      synthesized.template.resourceCountIs('AWS::DynamoDB::Table', 1);
      synthesized.template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [{ AttributeName: LEDGER_KEY, KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: LEDGER_KEY, AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TableName: Match.absent(),
      });
    });

    it('deletes the table with the stack: it is derived state, and losing it loses no file', () => {
      // Assess
      synthesized.template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Delete',
        UpdateReplacePolicy: 'Delete',
      });
    });

    it('exposes the table on the construct and names it to the function', () => {
      // Prepare
      const { stack } = synthesized;

      // Act
      const table = stack.trigger.ledgerTable;

      // Assess
      expect(table).toBeDefined();
      expect(environmentOf(synthesized)[ENV.ledgerTableName]).toEqual(stack.resolve(table?.tableName));
    });

    it('lets the function get, batch-get and put items of that table only, never update, scan or delete', () => {
      // Prepare
      const { stack } = synthesized;
      const tableArn = stack.resolve(stack.trigger.ledgerTable?.tableArn);

      // Act
      const grants = functionGrants(synthesized);
      const onTable = grants.filter(({ resource }) =>
        JSON.stringify(resource).includes(JSON.stringify(tableArn)),
      );

      // Assess
      expect(onTable.map(({ action }) => action).sort()).toEqual([
        'dynamodb:BatchGetItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
      ]);
      // Table.grant adds the index ARNs as AWS::NoValue while the table has no index.
      for (const { resource } of onTable) {
        expect([resource].flat().filter((arn) => !JSON.stringify(arn).includes('AWS::NoValue'))).toEqual([
          tableArn,
        ]);
      }
      const dynamoActions = grants.filter(({ action }) => /^dynamodb:|^\*$/.test(action));
      expect(dynamoActions).toHaveLength(3);
      for (const { action } of dynamoActions) expect(action).not.toMatch(/Update|Scan|Query|Delete|\*/);
    });
  });

  describe('off (triggerLedger: false)', () => {
    let synthesized: SynthesizedStack;
    beforeAll(() => {
      synthesized = synthesizeStack(rawConfigFactory({ triggerLedger: false }));
    });

    it('creates no table and exposes none', () => {
      // Assess
      synthesized.template.resourceCountIs('AWS::DynamoDB::Table', 0);
      expect(synthesized.stack.trigger.ledgerTable).toBeUndefined();
    });

    it('tells the function no table, so it calls as without a ledger, and grants nothing in DynamoDB', () => {
      // Act
      const environment = environmentOf(synthesized);

      // Assess
      expect(environment).not.toHaveProperty(ENV.ledgerTableName);
      expect(environment).toMatchObject({ [ENV.coverageMarginSeconds]: '1', [ENV.maxSettleSeconds]: '900' });
      expect(functionGrants(synthesized).filter(({ action }) => action.startsWith('dynamodb:'))).toEqual([]);
    });
  });

  it('passes a configured coverage margin and settle ceiling to the function, and records settleSeconds with the deployed mappings', () => {
    // Prepare
    const imports = [
      { prefix: 'exports/', uuid: '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f', settleSeconds: 300 },
    ];

    // Act
    const synthesized = synthesizeStack(
      rawConfigFactory({ imports, coverageMarginSeconds: 5, maxSettleSeconds: 1800 }),
    );

    // Assess
    expect(environmentOf(synthesized)).toMatchObject({
      [ENV.coverageMarginSeconds]: '5',
      [ENV.maxSettleSeconds]: '1800',
    });
    const fn = resourceOf(synthesized, synthesized.stack.trigger.function) as { Metadata?: object };
    expect(fn.Metadata).toMatchObject({ [IMPORTS_METADATA_KEY]: { imports } });
  });

  it("warns at synth when an import's settle waits cannot reach maxSettleSeconds", () => {
    // Prepare
    const imports = [{ prefix: 'exports/', uuid: '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f', settleSeconds: 30 }];

    // Act
    const { stack } = synthesizeStack(rawConfigFactory({ imports }));

    // Assess
    Annotations.fromStack(stack).hasWarning(
      '/TestImportTrigger/Trigger',
      Match.stringLikeRegexp(
        'imports\\[0\\]\\.settleSeconds: .* after about 120 s, before maxSettleSeconds \\(900\\)',
      ),
    );
  });
});
