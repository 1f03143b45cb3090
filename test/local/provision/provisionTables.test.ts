import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsClientConfig, type MotoServer, startMotoServer } from '../../../local/moto/motoServer';
import type { FoundResource } from '../../../local/provision/findStackResources';
import { createTableInput, provisionTables } from '../../../local/provision/provisionTables';

/** A table as aws-cdk-lib writes one for `new Table(…, { billingMode: PAY_PER_REQUEST, encryption: AWS_MANAGED })`. */
const ledgerLikeTable = (logicalId: string, extra: Record<string, unknown> = {}): FoundResource => ({
  logicalId,
  properties: {
    KeySchema: [{ AttributeName: 'importUuid', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'importUuid', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
    SSESpecification: { SSEEnabled: true },
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    ...extra,
  },
});

const settings = { stackName: 'Local', resolve: (node: unknown) => node };

describe('Function: createTableInput()', () => {
  it('names the table after the stack and logical ID when the template gives no name', () => {
    // Act
    const input = createTableInput(ledgerLikeTable('Ledger1A2B'), settings);

    // Assess
    expect(input).toMatchObject({
      TableName: 'Local-Ledger1A2B',
      KeySchema: [{ AttributeName: 'importUuid', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    expect(input.ProvisionedThroughput).toBeUndefined();
  });

  it('reads CloudFormation’s SSEEnabled as the API’s Enabled', () => {
    // Act
    const input = createTableInput(ledgerLikeTable('Ledger'), settings);

    // Assess
    expect(input.SSESpecification).toEqual({ Enabled: true });
  });

  it('keeps a given TableName, resolved, and the throughput of a provisioned table', () => {
    // Prepare
    const table = ledgerLikeTable('Ledger', {
      TableName: { Ref: 'Name' },
      BillingMode: undefined,
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    });
    const resolve = (node: unknown) => JSON.parse(JSON.stringify(node).replace('{"Ref":"Name"}', '"ledger"'));

    // Act
    const input = createTableInput(table, { stackName: 'Local', resolve });

    // Assess
    expect(input).toMatchObject({
      TableName: 'ledger',
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    });
  });
});

describe('Function: provisionTables()', () => {
  let moto: MotoServer;
  let dynamodb: DynamoDBClient;

  beforeAll(async () => {
    moto = await startMotoServer();
    dynamodb = new DynamoDBClient(awsClientConfig(moto.endpoint));
  });
  afterAll(async () => {
    dynamodb?.destroy();
    await moto?.stop();
  });

  it('creates every template table in moto and gives its name as Ref and its ARN as Arn', async () => {
    // Act
    const created = await provisionTables(
      dynamodb,
      [ledgerLikeTable('LedgerA'), ledgerLikeTable('LedgerB')],
      {
        stackName: 'Fragment',
        resolve: (node) => node,
      },
    );

    // Assess
    expect(Object.keys(created)).toEqual(['LedgerA', 'LedgerB']);
    expect(created.LedgerA?.ref).toBe('Fragment-LedgerA');
    expect(created.LedgerA?.attributes?.Arn).toMatch(
      /^arn:aws:dynamodb:us-east-1:\d{12}:table\/Fragment-LedgerA$/,
    );
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: 'Fragment-LedgerB' }));
    expect(Table).toMatchObject({
      KeySchema: [{ AttributeName: 'importUuid', KeyType: 'HASH' }],
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      SSEDescription: { Status: 'ENABLED' },
    });
  });
});
