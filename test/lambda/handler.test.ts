import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { ChangeMessageVisibilityBatchCommand } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BlueshiftStandIn, startBlueshiftStandIn } from '../../local/blueshift/blueshiftStandIn';
import { eventBridgeBody, s3NotificationBody, sqsEvent, sqsRecord } from './factories';
import {
  API_KEY,
  captureLogs,
  DAILY,
  type Handler,
  invoke as invokeHandler,
  isEmf,
  loadHandler,
  REQUEST_ID,
  secretsManager,
  sqs,
  useFakeClock,
  visibilityChanges as visibilityOf,
} from './handlerHarness';

let blueshift: BlueshiftStandIn;
let handler: Handler;
let logLines: string[];

const invoke = (event: Parameters<Handler>[0]) => invokeHandler(handler, event);
const dropEvent = (receiveCount = 1) =>
  sqsEvent(sqsRecord(s3NotificationBody(['daily/2026-11-30.csv']), { messageId: 'drop-1', receiveCount }));

describe('Handler: SQS batch to Blueshift trigger_import', () => {
  beforeAll(async () => {
    blueshift = await startBlueshiftStandIn({ apiKey: API_KEY });
    handler = await loadHandler(blueshift);
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await blueshift.close();
  });

  beforeEach(() => {
    blueshift.reset();
    secretsManager.reset();
    sqs.reset();
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: API_KEY });
    sqs.on(ChangeMessageVisibilityBatchCommand).resolves({ Successful: [], Failed: [] });
    logLines = captureLogs().lines;
    useFakeClock();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('posts the uuid with Basic auth (key as user, empty password) and acknowledges the record on 200', async () => {
    // Act
    const response = await invoke(dropEvent());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(blueshift.calls).toHaveLength(1);
    const [call] = blueshift.calls;
    expect(call?.method).toBe('POST');
    expect(call?.path).toBe('/api/v1/customer_attributes/trigger_import');
    expect(call?.headers.authorization).toBe(`Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`);
    expect(call?.headers['content-type']).toBe('application/json');
    expect(call?.headers.accept).toBe('application/json');
    expect(call?.body).toEqual({ uuid: DAILY });
  });

  it('logs one structured line per attempt and never the key or the Authorization header', async () => {
    // Prepare
    blueshift.script(DAILY, [{ status: 503 }]);

    // Act
    await invoke(dropEvent());

    // Assess
    const attempts = logLines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.message === 'trigger attempt');
    expect(attempts).toMatchObject([
      { importUuid: DAILY, attempt: 1, status: 503, verdict: 'transient' },
      { importUuid: DAILY, attempt: 2, status: 200, verdict: 'triggered' },
    ]);
    expect(attempts[0]).toHaveProperty('durationMs');
    const everything = logLines.join('\n');
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(Buffer.from(`${API_KEY}:`).toString('base64'));
  });

  it.each([500, 502, 503, 504, 429])(
    'retries %i inside the invocation, then fails with a visibility backoff',
    async (status) => {
      // Prepare
      blueshift.script(DAILY, [{ status }, { status }, { status }]);

      // Act
      const response = await invoke(dropEvent(2));

      // Assess
      expect(blueshift.calls).toHaveLength(3);
      expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'drop-1' }]);
      expect(visibilityOf()).toEqual([{ Id: '0', ReceiptHandle: 'receipt-drop-1', VisibilityTimeout: 60 }]);
    },
  );

  it('honours a 429 Retry-After larger than the backoff in the visibility timeout', async () => {
    // Prepare
    blueshift.script(DAILY, [{ status: 429, retryAfter: '600' }]);

    // Act
    const response = await invoke(dropEvent());

    // Assess
    expect(blueshift.calls).toHaveLength(1);
    expect(response.batchItemFailures).toHaveLength(1);
    expect(visibilityOf()[0]?.VisibilityTimeout).toBe(600);
  });

  it('fails the record with a visibility backoff on 405 (busy) without retrying now', async () => {
    // Prepare
    blueshift.script(DAILY, [{ status: 405 }]);

    // Act
    const response = await invoke(dropEvent(3));

    // Assess
    expect(blueshift.calls).toHaveLength(1);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'drop-1' }]);
    expect(visibilityOf()[0]?.VisibilityTimeout).toBe(120);
  });

  it('fails on 404 with an error log naming the status and Blueshift message', async () => {
    // Prepare
    blueshift.script(DAILY, [{ status: 404 }]);

    // Act
    const response = await invoke(dropEvent());

    // Assess
    expect(blueshift.calls).toHaveLength(1);
    expect(response.batchItemFailures).toHaveLength(1);
    const errors = logLines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 'ERROR');
    expect(errors).toContainEqual(
      expect.objectContaining({
        status: 404,
        blueshiftMessage: 'Error: Resource not found',
        importUuid: DAILY,
      }),
    );
  });

  it('re-reads a rotated key after a 401 and succeeds with it', async () => {
    // Prepare: a cold handler reads the old key; Blueshift accepts only the new one, which the secret now holds.
    const rotated = await startBlueshiftStandIn({ apiKey: 'rotated-key' });
    try {
      const coldHandler = await loadHandler(rotated);
      secretsManager.reset();
      secretsManager
        .on(GetSecretValueCommand)
        .resolvesOnce({ SecretString: API_KEY })
        .resolves({ SecretString: JSON.stringify({ apiKey: 'rotated-key' }) });

      // Act
      const response = await invokeHandler(coldHandler, dropEvent());

      // Assess
      expect(response).toEqual({ batchItemFailures: [] });
      expect(rotated.calls.map((call) => call.response)).toEqual([401, 200]);
      expect(rotated.calls.map((call) => call.headers.authorization)).toEqual(
        [API_KEY, 'rotated-key'].map((key) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`),
      );
      expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    } finally {
      await rotated.close();
    }
  });

  it('fails the record after a second 401 and logs an error', async () => {
    // Prepare
    blueshift.script(DAILY, [{ status: 401 }, { status: 401 }]);

    // Act
    const response = await invoke(dropEvent());

    // Assess
    expect(blueshift.calls).toHaveLength(2);
    expect(response.batchItemFailures).toHaveLength(1);
    expect(logLines.join('\n')).toContain('"verdict":"unauthorized"');
  });

  it('times out a call that never answers and fails the record for a later retry', async () => {
    // Prepare
    blueshift.script(DAILY, [{ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' }]);

    // Act
    const response = await invoke(dropEvent());

    // Assess
    expect(response.batchItemFailures).toHaveLength(1);
    expect(logLines.join('\n')).toContain('"status":"timeout"');
  });

  it('treats a connection reset as transient and retries', async () => {
    // Prepare
    blueshift.script(DAILY, [{ kind: 'reset' }]);

    // Act
    const response = await invoke(dropEvent());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(blueshift.calls.map((call) => call.response)).toEqual(['reset', 200]);
  });

  it('triggers the import of an EventBridge Object Created event', async () => {
    // Act
    const response = await invoke(sqsEvent(sqsRecord(eventBridgeBody('daily/dt=2026-12-01/a b.csv'))));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(blueshift.calls.map((call) => call.body)).toEqual([{ uuid: DAILY }]);
  });

  it('writes the Lambda request id on every log line', async () => {
    // Prepare
    blueshift.script(DAILY, [{ status: 503 }]);

    // Act
    await invoke(dropEvent());

    // Assess
    const entries = logLines.map((line) => JSON.parse(line)).filter((entry) => !isEmf(entry));
    expect(entries.length).toBeGreaterThan(2);
    for (const entry of entries) expect(entry).toMatchObject({ function_request_id: REQUEST_ID });
  });
});
