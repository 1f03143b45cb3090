import {
  BatchGetItemCommand,
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fromLedgerItem, type LedgerEntry, toLedgerItem } from '../../contract/triggerLedger';
import { createDynamoLedgerStore } from '../../lambda/triggerLedger';

const TABLE = 'ImportTrigger-Ledger';
const UUID = 'aaaaaaaa-0000-4000-8000-000000000001';
const dynamo = mockClient(DynamoDBClient);
const store = () =>
  createDynamoLedgerStore({ client: new DynamoDBClient({}), tableName: TABLE, sleep: async () => undefined });
const itemOf = (entry: LedgerEntry) => toLedgerItem(entry) as Record<string, never>;
const conflict = () => new ConditionalCheckFailedException({ message: 'conflict', $metadata: {} });
const puts = () => dynamo.commandCalls(PutItemCommand).map((call) => call.args[0].input);

describe('Function: createDynamoLedgerStore()', () => {
  beforeEach(() => {
    dynamo.reset();
  });

  it('reads with strongly consistent BatchGetItem calls of at most 100 keys', async () => {
    // Prepare
    const uuids = Array.from({ length: 250 }, (_, index) => `uuid-${index}`);
    dynamo.on(BatchGetItemCommand).resolves({ Responses: { [TABLE]: [] } });

    // Act
    await store().read(uuids);

    // Assess
    const inputs = dynamo.commandCalls(BatchGetItemCommand).map((call) => call.args[0].input);
    expect(inputs.map((input) => input.RequestItems?.[TABLE]?.Keys?.length)).toEqual([100, 100, 50]);
    expect(inputs.every((input) => input.RequestItems?.[TABLE]?.ConsistentRead === true)).toBe(true);
  });

  it('reads unprocessed keys again and returns every entry', async () => {
    // Prepare
    const other = 'aaaaaaaa-0000-4000-8000-000000000002';
    dynamo
      .on(BatchGetItemCommand)
      .resolvesOnce({
        Responses: { [TABLE]: [itemOf({ importUuid: UUID, triggeredAtMs: 5, version: 2 })] },
        UnprocessedKeys: { [TABLE]: { Keys: [{ importUuid: { S: other } }] } },
      })
      .resolvesOnce({ Responses: { [TABLE]: [itemOf({ importUuid: other, busyUntilMs: 9, version: 1 })] } });

    // Act
    const entries = await store().read([UUID, other]);

    // Assess
    expect(entries.get(UUID)?.triggeredAtMs).toBe(5);
    expect(entries.get(other)?.busyUntilMs).toBe(9);
    const second = dynamo.commandCalls(BatchGetItemCommand)[1]?.args[0].input;
    expect(second?.RequestItems?.[TABLE]?.Keys).toEqual([{ importUuid: { S: other } }]);
  });

  it('fails the read when keys stay unprocessed', async () => {
    // Prepare
    dynamo
      .on(BatchGetItemCommand)
      .resolves({ UnprocessedKeys: { [TABLE]: { Keys: [{ importUuid: { S: UUID } }] } } });

    // Act / Assess
    await expect(store().read([UUID])).rejects.toThrow('ledger read left 1 keys unprocessed');
  });

  it('writes the merge into the entry it read, on condition of the version it read, without reading again', async () => {
    // Prepare
    const ledger = store();
    dynamo.on(BatchGetItemCommand).resolves({
      Responses: { [TABLE]: [itemOf({ importUuid: UUID, triggeredAtMs: 1000, version: 3 })] },
    });
    dynamo.on(PutItemCommand).resolves({});
    await ledger.read([UUID]);

    // Act
    await ledger.write(UUID, { busyUntilMs: 2000 });

    // Assess
    const [put] = puts();
    expect(put?.ConditionExpression).toBe('#version = :version');
    expect(put?.ExpressionAttributeValues).toEqual({ ':version': { N: '3' } });
    expect(fromLedgerItem(put?.Item ?? {})).toEqual({
      importUuid: UUID,
      triggeredAtMs: 1000,
      busyUntilMs: 2000,
      version: 4,
    });
    expect(dynamo.commandCalls(GetItemCommand)).toHaveLength(0);
  });

  it('creates an item the read did not find on condition that it still does not exist', async () => {
    // Prepare
    const ledger = store();
    dynamo.on(BatchGetItemCommand).resolves({ Responses: { [TABLE]: [] } });
    dynamo.on(PutItemCommand).resolves({});
    await ledger.read([UUID]);

    // Act
    await ledger.write(UUID, { newestFileAtMs: 7 });

    // Assess
    expect(puts()[0]?.ConditionExpression).toBe('attribute_not_exists(#key)');
  });

  it('re-reads the item and merges into it when another environment wrote first', async () => {
    // Prepare
    const ledger = store();
    dynamo.on(BatchGetItemCommand).resolves({ Responses: { [TABLE]: [] } });
    dynamo.on(PutItemCommand).rejectsOnce(conflict()).resolves({});
    const newer = { importUuid: UUID, triggeredAtMs: 9000, busyUntilMs: 5000, version: 6 };
    dynamo.on(GetItemCommand).resolves({ Item: itemOf(newer) });
    await ledger.read([UUID]);

    // Act
    await ledger.write(UUID, { triggeredAtMs: 8000, busyUntilMs: 6000 });

    // Assess
    const retry = puts()[1];
    expect(dynamo.commandCalls(GetItemCommand)[0]?.args[0].input.ConsistentRead).toBe(true);
    expect(retry?.ExpressionAttributeValues).toEqual({ ':version': { N: '6' } });
    expect(fromLedgerItem(retry?.Item ?? {})).toMatchObject({
      triggeredAtMs: 9000,
      busyUntilMs: 6000,
      version: 7,
    });
  });

  it('gives up after three conflicting writes', async () => {
    // Prepare
    dynamo.on(PutItemCommand).rejects(conflict());
    dynamo.on(GetItemCommand).resolves({ Item: itemOf({ importUuid: UUID, version: 1 }) });

    // Act / Assess
    await expect(store().write(UUID, { newestFileAtMs: 1 })).rejects.toThrow('conflict');
    expect(puts()).toHaveLength(3);
  });

  it('does not retry a write DynamoDB refused for another reason', async () => {
    // Prepare
    dynamo.on(PutItemCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));

    // Act / Assess
    await expect(store().write(UUID, { newestFileAtMs: 1 })).rejects.toThrow('denied');
    expect(puts()).toHaveLength(1);
  });
});
