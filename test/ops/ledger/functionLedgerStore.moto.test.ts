import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_KEY, toLedgerItem } from '../../../contract/triggerLedger';
import { createDynamoLedgerStore } from '../../../lambda/triggerLedger';
import { awsClientConfig, type MotoServer, startMotoServer } from '../../../local/moto/motoServer';

let moto: MotoServer;
let dynamoDb: DynamoDBClient;
let tableCount = 0;

async function createLedgerTable(): Promise<string> {
  const TableName = `ledger-${++tableCount}`;
  await dynamoDb.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: LEDGER_KEY, AttributeType: 'S' }],
      KeySchema: [{ AttributeName: LEDGER_KEY, KeyType: 'HASH' }],
    }),
  );
  return TableName;
}

describe('Function: createDynamoLedgerStore() from lambda/triggerLedger, as ops trigger uses it (against moto)', () => {
  beforeAll(async () => {
    moto = await startMotoServer();
    dynamoDb = new DynamoDBClient(awsClientConfig(moto.endpoint));
  });
  afterAll(async () => {
    dynamoDb?.destroy();
    await moto?.stop();
  });

  it('creates an entry, then merges into it: no time moves backwards, the version goes up', async () => {
    // Prepare
    const store = createDynamoLedgerStore({ client: dynamoDb, tableName: await createLedgerTable() });

    // Act
    await store.write('uuid-a', { triggeredAtMs: 2000, newestFileAtMs: 1500 });
    await store.write('uuid-a', {
      triggeredAtMs: 1000,
      lastOutcome: { verdict: 'triggered', status: '200', atMs: 3000 },
    });
    const entries = await store.read(['uuid-a', 'uuid-unknown']);

    // Assess
    expect([...entries.keys()]).toEqual(['uuid-a']);
    expect(entries.get('uuid-a')).toEqual({
      importUuid: 'uuid-a',
      version: 2,
      triggeredAtMs: 2000,
      newestFileAtMs: 1500,
      lastOutcome: { verdict: 'triggered', status: '200', atMs: 3000 },
      busyStreak: 0,
    });
  });

  it('keeps what another writer stored meanwhile (a function writing the same import)', async () => {
    // Prepare: the function wrote version 7 with a busy period.
    const tableName = await createLedgerTable();
    await dynamoDb.send(
      new PutItemCommand({
        TableName: tableName,
        Item: toLedgerItem({ importUuid: 'uuid-b', version: 7, busyUntilMs: 9000 }),
      }),
    );
    const store = createDynamoLedgerStore({ client: dynamoDb, tableName });

    // Act
    await store.write('uuid-b', { triggeredAtMs: 5000 });

    // Assess
    expect((await store.read(['uuid-b'])).get('uuid-b')).toEqual({
      importUuid: 'uuid-b',
      version: 8,
      busyUntilMs: 9000,
      triggeredAtMs: 5000,
    });
  });
});
