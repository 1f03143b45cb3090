import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback answerer for the DynamoDB calls the trigger ledger makes, so the bundled handler's ledger works locally. */
export interface DynamoDbStandIn {
  /** Base URL for `AWS_ENDPOINT_URL_DYNAMODB`. */
  readonly url: string;
  /** Calls answered, by operation (`BatchGetItem`, `PutItem`, `GetItem`). */
  readonly calls: () => Readonly<Record<string, number>>;
  /** Forgets every item: the next batch finds an empty ledger, as for a new drop. */
  reset(): void;
  close(): Promise<void>;
}

type Item = Record<string, unknown>;
interface Input {
  readonly RequestItems?: Record<string, { readonly Keys: Item[] }>;
  readonly Key?: Item;
  readonly Item?: Item;
}
const KEY = 'importUuid';
const keyOf = (item: Item) => JSON.stringify(item[KEY]);

/**
 * Answers BatchGetItem, GetItem and PutItem (JSON 1.0 protocol) from items kept in memory, any table name;
 * anything else gets 400. Conditions are not evaluated: one handler process writes at a time in the bench.
 */
export async function startDynamoDbStandIn(): Promise<DynamoDbStandIn> {
  const items = new Map<string, Item>();
  const calls: Record<string, number> = {};
  const answer = (operation: string, input: Input): unknown => {
    switch (operation) {
      case 'BatchGetItem': {
        const responses = Object.fromEntries(
          Object.entries(input.RequestItems ?? {}).map(([table, { Keys }]) => [
            table,
            Keys.flatMap((key) => items.get(keyOf(key)) ?? []),
          ]),
        );
        return { Responses: responses, UnprocessedKeys: {} };
      }
      case 'GetItem': {
        const item = items.get(keyOf(input.Key ?? {}));
        return item ? { Item: item } : {};
      }
      case 'PutItem':
        items.set(keyOf(input.Item ?? {}), input.Item ?? {});
        return {};
      default:
        return undefined;
    }
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const operation = String(request.headers['x-amz-target'] ?? '').replace('DynamoDB_20120810.', '');
      const output = answer(operation, JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      if (output === undefined) {
        response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify({ __type: 'ValidationException', message: 'bench stand-in' }));
        return;
      }
      calls[operation] = (calls[operation] ?? 0) + 1;
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify(output));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => ({ ...calls }),
    reset: () => items.clear(),
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
