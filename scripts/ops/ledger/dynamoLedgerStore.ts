import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  fromLedgerItem,
  LEDGER_ATTRIBUTES,
  LEDGER_KEY,
  type LedgerEntry,
  type LedgerStore,
  mergeLedgerEntry,
  toLedgerItem,
} from '../../../contract/triggerLedger';

/** Conflicting writers retried this often before the write gives up. */
const MAX_WRITE_ATTEMPTS = 3;

/**
 * A minimal DynamoDB-backed LedgerStore for the ops CLI, which touches one import at a time. A stand-in until
 * the function's store (`lambda/triggerLedger.ts`, BatchGetItem per batch) lands; same contract, same item.
 * Each write reads the item, merges (`mergeLedgerEntry`: no time moves backwards) and puts it on condition
 * that the version is still the one read, so a concurrent function write is merged, never overwritten.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 */
export function createDynamoLedgerStore(options: {
  readonly client: Pick<DynamoDBClient, 'send'>;
  readonly tableName: string;
}): LedgerStore {
  const { client, tableName } = options;
  const readOne = async (uuid: string): Promise<LedgerEntry | undefined> => {
    const { Item } = await client.send(
      new GetItemCommand({ TableName: tableName, Key: { [LEDGER_KEY]: { S: uuid } }, ConsistentRead: true }),
    );
    return Item ? fromLedgerItem(Item) : undefined;
  };
  return {
    read: async (uuids) => {
      const entries = new Map<string, LedgerEntry>();
      for (const uuid of new Set(uuids)) {
        const entry = await readOne(uuid);
        if (entry) entries.set(uuid, entry);
      }
      return entries;
    },
    write: async (uuid, update) => {
      for (let attempt = 1; ; attempt++) {
        const stored = await readOne(uuid);
        const merged = mergeLedgerEntry(uuid, stored, update);
        try {
          await client.send(
            new PutItemCommand({
              TableName: tableName,
              Item: toLedgerItem(merged),
              ...(stored
                ? {
                    ConditionExpression: '#version = :version',
                    ExpressionAttributeNames: { '#version': LEDGER_ATTRIBUTES.version },
                    ExpressionAttributeValues: { ':version': { N: String(stored.version) } },
                  }
                : { ConditionExpression: `attribute_not_exists(${LEDGER_KEY})` }),
            }),
          );
          return;
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException) || attempt >= MAX_WRITE_ATTEMPTS)
            throw error;
        }
      }
    },
  };
}
