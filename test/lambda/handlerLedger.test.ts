import { BatchGetItemCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { ChangeMessageVisibilityBatchCommand } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { METRIC_NAMES } from '../../contract/metrics';
import { fromLedgerItem, toLedgerItem } from '../../contract/triggerLedger';
import { type BlueshiftStandIn, startBlueshiftStandIn } from '../../local/blueshift/blueshiftStandIn';
import { s3NotificationBody, sqsEvent, sqsRecord } from './factories';
import {
  API_KEY,
  captureLogs,
  DAILY,
  type Handler,
  invoke,
  loadHandler,
  secretsManager,
  sqs,
  useFakeClock,
} from './handlerHarness';

const TABLE = 'ImportTrigger-Ledger';
const dynamo = mockClient(DynamoDBClient);
/** The factories' records were sent to SQS at this time, before their event time: their files landed then. */
const LANDED_AT_MS = 1_700_000_000_000;
const drop = () => sqsEvent(sqsRecord(s3NotificationBody(['daily/a.csv']), { messageId: 'drop-1' }));

describe('Handler: with the trigger ledger on', () => {
  let blueshift: BlueshiftStandIn;
  let handler: Handler;
  let logs: ReturnType<typeof captureLogs>;

  beforeAll(async () => {
    blueshift = await startBlueshiftStandIn({ apiKey: API_KEY });
    handler = await loadHandler(blueshift, { ledgerTableName: TABLE });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await blueshift.close();
  });
  beforeEach(() => {
    blueshift.reset();
    secretsManager.reset();
    sqs.reset();
    dynamo.reset();
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: API_KEY });
    sqs.on(ChangeMessageVisibilityBatchCommand).resolves({ Successful: [], Failed: [] });
    dynamo.on(PutItemCommand).resolves({});
    logs = captureLogs();
    useFakeClock();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('reads the ledger once, calls, and records the send time of the trigger', async () => {
    // Prepare
    dynamo.on(BatchGetItemCommand).resolves({ Responses: { [TABLE]: [] } });
    const before = Date.now();

    // Act
    const response = await invoke(handler, drop());

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const reads = dynamo.commandCalls(BatchGetItemCommand).map((call) => call.args[0].input);
    expect(reads).toEqual([
      { RequestItems: { [TABLE]: { Keys: [{ importUuid: { S: DAILY } }], ConsistentRead: true } } },
    ]);
    const puts = dynamo.commandCalls(PutItemCommand).map((call) => call.args[0].input);
    expect(puts).toHaveLength(1);
    const written = fromLedgerItem(puts[0]?.Item ?? {});
    expect(written?.triggeredAtMs).toBeGreaterThanOrEqual(before);
    expect(written?.lastOutcome).toMatchObject({ verdict: 'triggered', status: '200' });
  });

  it('acknowledges a covered drop without calling Blueshift or writing the ledger', async () => {
    // Prepare
    const entry = { importUuid: DAILY, triggeredAtMs: LANDED_AT_MS + 5000, version: 2 };
    dynamo.on(BatchGetItemCommand).resolves({ Responses: { [TABLE]: [toLedgerItem(entry) as never] } });

    // Act
    const response = await invoke(handler, drop());

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(blueshift.calls).toEqual([]);
    expect(dynamo.commandCalls(PutItemCommand)).toEqual([]);
    const line = logs.emf().find((emf) => METRIC_NAMES.filesCovered in emf);
    expect(line?.[METRIC_NAMES.filesCovered]).toBe(1);
  });

  it('calls as without a ledger when the table cannot be read, with one warning and a metric', async () => {
    // Prepare
    dynamo
      .on(BatchGetItemCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));

    // Act
    const response = await invoke(handler, drop());

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(blueshift.calls).toHaveLength(1);
    const warnings = logs.entries().filter((entry) => entry.level === 'WARN');
    expect(warnings.map((entry) => entry.message)).toEqual([
      'trigger ledger unavailable; calling as without it',
    ]);
    const line = logs.emf().find((emf) => METRIC_NAMES.ledgerUnavailable in emf);
    expect(line?.[METRIC_NAMES.ledgerUnavailable]).toBe(1);
  });
});
