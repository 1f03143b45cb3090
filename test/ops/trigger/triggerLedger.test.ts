import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { fromLedgerItem } from '../../../contract/triggerLedger';
import type { TriggerOutcome } from '../../../lambda/triggerWithRetries';
import { openTriggerLedger } from '../../../scripts/ops/trigger/triggerLedger';

const UUID = '11111111-2222-4333-8444-555555555555';
const SERVER_DATE = 'Tue, 01 Dec 2026 12:00:00 GMT';
const SERVER_MS = Date.parse(SERVER_DATE);
const FIVE_MINUTES = 5 * 60_000;
const success: TriggerOutcome = { verdict: 'triggered', status: 200, message: 'ok', attempts: 1 };

interface Answer {
  readonly status?: number;
  readonly date?: string;
  readonly body?: object;
}

/** A real DynamoDB client whose HTTP answers are scripted per operation (with or without a Date header). */
function scriptedDynamo(answer: (operation: string) => Answer) {
  const sent: { operation: string; body: Record<string, unknown> }[] = [];
  const client = new DynamoDBClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { headers: Record<string, string>; body?: Uint8Array | string }) => {
        const operation = request.headers['x-amz-target']?.split('.')[1] ?? '';
        const text = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
        sent.push({ operation, body: JSON.parse(text || '{}') });
        const { status = 200, date, body = {} } = answer(operation);
        const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0' };
        if (date) headers.date = date;
        return {
          response: { statusCode: status, headers, body: new TextEncoder().encode(JSON.stringify(body)) },
        };
      },
    } as never,
  });
  return { client, sent };
}

/** The entry the ledger's put wrote, if it wrote one. */
function written(sent: { operation: string; body: Record<string, unknown> }[]) {
  const put = sent.find(({ operation }) => operation === 'PutItem');
  return put ? fromLedgerItem(put.body.Item as never) : undefined;
}

let clients: DynamoDBClient[] = [];
afterEach(() => {
  for (const client of clients) client.destroy();
  clients = [];
});

function setup(answer: (operation: string) => Answer) {
  const dynamo = scriptedDynamo(answer);
  clients.push(dynamo.client);
  // The operator's clock: five minutes ahead of AWS's when the ledger read is answered.
  const clock = { local: SERVER_MS + FIVE_MINUTES };
  const open = () =>
    openTriggerLedger({ client: dynamo.client, tableName: 'T-ledger', uuid: UUID, now: () => clock.local });
  return { ...dynamo, clock, open };
}

describe('Function: openTriggerLedger()', () => {
  it("records a success at its send time by AWS's clock when the local clock runs 5 minutes ahead", async () => {
    // Prepare
    const { sent, clock, open } = setup(() => ({ date: SERVER_DATE }));
    const ledger = await open();
    const sentAtLocal = clock.local + 2000;
    clock.local += 3000;

    // Act
    const record = await ledger.record({ ...success, sentAtMs: sentAtLocal });

    // Assess
    expect(record).toEqual({ kind: 'recorded', triggeredAtMs: SERVER_MS + 2000 });
    const entry = written(sent);
    expect(entry?.triggeredAtMs).toBe(SERVER_MS + 2000);
    expect(entry?.lastOutcome).toEqual({
      verdict: 'triggered',
      status: '200',
      atMs: SERVER_MS + 3000,
      message: 'ok',
    });
  });

  it("records by the local clock when it runs behind AWS's (the earlier time covers less)", async () => {
    // Prepare
    const { sent, clock, open } = setup(() => ({ date: SERVER_DATE }));
    clock.local = SERVER_MS - FIVE_MINUTES;
    const ledger = await open();

    // Act
    await ledger.record({ ...success, sentAtMs: clock.local + 1000 });

    // Assess
    expect(written(sent)?.triggeredAtMs).toBe(SERVER_MS - FIVE_MINUTES + 1000);
  });

  it("writes nothing, and says why, when DynamoDB's answers carry no Date header", async () => {
    // Prepare
    const { sent, clock, open } = setup(() => ({}));
    const ledger = await open();

    // Act
    const record = await ledger.record({ ...success, sentAtMs: clock.local + 1000 });

    // Assess
    expect(record).toEqual({
      kind: 'not-recorded',
      reason: "no AWS time to record it by (DynamoDB's answer carried no Date header)",
    });
    expect(sent.map(({ operation }) => operation)).toEqual(['BatchGetItem']);
  });

  it('writes nothing when the ledger read failed, naming the failure', async () => {
    // Prepare
    const { sent, open } = setup((operation) =>
      operation === 'BatchGetItem'
        ? {
            status: 400,
            body: { __type: 'com.amazon.coral.validate#ValidationException', message: 'bad table' },
          }
        : { date: SERVER_DATE },
    );
    const ledger = await open();

    // Act
    const record = await ledger.record(success);

    // Assess
    expect(record.kind).toBe('not-recorded');
    expect(record.kind === 'not-recorded' && record.reason).toMatch(
      /^no AWS time to record it by \(reading the ledger failed: bad table/,
    );
    expect(written(sent)).toBeUndefined();
  });

  it('records a timed-out call as status timeout, as the function does, with no trigger time', async () => {
    // Prepare
    const { sent, open } = setup(() => ({ date: SERVER_DATE }));
    const ledger = await open();

    // Act
    await ledger.record({ verdict: 'transient', noResponse: 'timeout', message: 'slow', attempts: 3 });

    // Assess
    const entry = written(sent);
    expect(entry?.lastOutcome).toEqual({
      verdict: 'transient',
      status: 'timeout',
      atMs: SERVER_MS,
      message: 'slow',
    });
    expect(entry?.triggeredAtMs).toBeUndefined();
  });
});
