import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type PutItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { mergeLedgerEntry } from '../contract/ledgerMerge';
import {
  fromLedgerItem,
  LEDGER_ATTRIBUTES,
  LEDGER_KEY,
  type LedgerEntry,
  type LedgerStore,
  toLedgerItem,
} from '../contract/triggerLedger';

/** BatchGetItem takes at most 100 keys. */
const BATCH_GET_LIMIT = 100;
/** Rounds of UnprocessedKeys before the read counts as failed (the batch then calls as without a ledger). */
const READ_ROUNDS = 4;
/** Conditional writes of one update before giving up on it. */
const WRITE_TRIES = 3;

export interface DynamoLedgerOptions {
  readonly client: Pick<DynamoDBClient, 'send'>;
  readonly tableName: string;
  /** Waits between rounds of unprocessed keys. */
  readonly sleep?: (ms: number) => Promise<void>;
}

type Item = Record<string, AttributeValue>;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const keyOf = (uuid: string): Item => ({ [LEDGER_KEY]: { S: uuid } });

/**
 * The trigger ledger in DynamoDB. A read is one strongly consistent BatchGetItem per 100 imports ("set
 * ConsistentRead to true"; a partial result returns the rest in UnprocessedKeys, which are read again
 * after an exponential backoff, as AWS recommends):
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
 * A write needs no read of its own: it merges into the entry this store last read and puts the result on
 * condition that the item's version is still the one read (optimistic locking); when another environment
 * wrote first, DynamoDB refuses with ConditionalCheckFailedException and the write merges into the item
 * as it now is and tries again:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/BestPractices_OptimisticLocking.html
 */
export function createDynamoLedgerStore(options: DynamoLedgerOptions): LedgerStore {
  const { client, tableName, sleep = defaultSleep } = options;
  /** The entries as last read or written here: the versions the next writes are conditional on. */
  const known = new Map<string, LedgerEntry | undefined>();

  async function readChunk(uuids: readonly string[], into: Map<string, LedgerEntry>) {
    let keys: Item[] | undefined = uuids.map(keyOf);
    for (let round = 0; keys && keys.length > 0; round++) {
      if (round === READ_ROUNDS) throw new Error(`ledger read left ${keys.length} keys unprocessed`);
      if (round > 0) await sleep(50 * 2 ** round);
      const output: BatchGetItemCommandOutput = await client.send(
        new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }),
      );
      for (const item of output.Responses?.[tableName] ?? []) {
        const entry = fromLedgerItem(item);
        if (entry) into.set(entry.importUuid, entry);
      }
      keys = output.UnprocessedKeys?.[tableName]?.Keys;
    }
  }

  async function readOne(uuid: string): Promise<LedgerEntry | undefined> {
    const output = await client.send(
      new GetItemCommand({ TableName: tableName, Key: keyOf(uuid), ConsistentRead: true }),
    );
    return output.Item ? fromLedgerItem(output.Item) : undefined;
  }

  return {
    async read(uuids) {
      const entries = new Map<string, LedgerEntry>();
      const unique = [...new Set(uuids)];
      const chunks = Array.from({ length: Math.ceil(unique.length / BATCH_GET_LIMIT) }, (_, index) =>
        unique.slice(index * BATCH_GET_LIMIT, (index + 1) * BATCH_GET_LIMIT),
      );
      await Promise.all(chunks.map((chunk) => readChunk(chunk, entries)));
      for (const uuid of unique) known.set(uuid, entries.get(uuid));
      return entries;
    },

    async write(uuid, update) {
      // Not read yet here: written on condition that it is absent, read when it is not.
      let stored = known.get(uuid);
      for (let attempt = 1; ; attempt++) {
        const merged = mergeLedgerEntry(uuid, stored, update);
        try {
          await client.send(
            new PutItemCommand({
              TableName: tableName,
              Item: toLedgerItem(merged) as Item,
              ...versionCondition(stored),
            }),
          );
          known.set(uuid, merged);
          return;
        } catch (error) {
          known.delete(uuid);
          if ((error as Error).name !== 'ConditionalCheckFailedException' || attempt === WRITE_TRIES)
            throw error;
          stored = await readOne(uuid);
        }
      }
    },
  };
}

/** The put's condition: the item is still absent, or still at the version it was read at. */
function versionCondition(
  stored: LedgerEntry | undefined,
): Pick<
  PutItemCommandInput,
  'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
> {
  if (!stored) {
    return {
      ConditionExpression: 'attribute_not_exists(#key)',
      ExpressionAttributeNames: { '#key': LEDGER_KEY },
    };
  }
  // An item written without a version reads as version 0.
  const unversioned = stored.version === 0 ? ' OR attribute_not_exists(#version)' : '';
  return {
    ConditionExpression: `#version = :version${unversioned}`,
    ExpressionAttributeNames: { '#version': LEDGER_ATTRIBUTES.version },
    ExpressionAttributeValues: { ':version': { N: String(stored.version) } },
  };
}
