import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { ChangeMessageVisibilityBatchCommand } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BlueshiftStandIn, startBlueshiftStandIn } from '../../local/blueshift/blueshiftStandIn';
import { s3NotificationBody, sqsEvent, sqsRecord } from './factories';
import {
  API_KEY,
  captureLogs,
  DAILY,
  type Handler,
  invoke,
  loadHandler,
  SECRET_ID,
  secretsManager,
  sqs,
  useFakeClock,
  VIP,
  visibilityChanges,
} from './handlerHarness';

const awsError = (name: string) => Object.assign(new Error(name), { name });
const drop = (key: string, messageId: string) => sqsRecord(s3NotificationBody([key]), { messageId });

describe('Handler: failure paths that must not lose or wedge a drop', () => {
  let blueshift: BlueshiftStandIn;
  let handler: Handler;
  let logs: ReturnType<typeof captureLogs>;

  beforeAll(async () => {
    blueshift = await startBlueshiftStandIn({ apiKey: API_KEY });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await blueshift.close();
  });
  beforeEach(async () => {
    blueshift.reset();
    secretsManager.reset();
    sqs.reset();
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: API_KEY });
    sqs.on(ChangeMessageVisibilityBatchCommand).resolves({ Successful: [], Failed: [] });
    handler = await loadHandler(blueshift);
    logs = captureLogs();
    useFakeClock();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('stops retrying before the Lambda timeout and fails the remaining records with their backoff', async () => {
    // Prepare: Blueshift never answers, and the invocation has 4 s left (on the fake clock).
    blueshift.script(DAILY, () => ({ kind: 'hang' }));
    const event = sqsEvent(drop('daily/a.csv', 'a'), drop('daily/b.csv', 'b'));
    const startedAt = Date.now();

    // Act
    const response = await invoke(handler, event, 4_000);

    // Assess
    expect(Date.now() - startedAt).toBeLessThan(4_000);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'a' }, { itemIdentifier: 'b' }]);
    expect(visibilityChanges().map((entry) => entry.VisibilityTimeout)).toEqual([30, 30]);
  });

  it('fails the records with backoff when Secrets Manager is throttled, and does not crash', async () => {
    // Prepare
    secretsManager.reset();
    secretsManager.on(GetSecretValueCommand).rejects(awsError('ThrottlingException'));

    // Act
    const response = await invoke(handler, sqsEvent(drop('daily/a.csv', 'a')));

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'a' }]);
    expect(visibilityChanges()).toHaveLength(1);
    expect(blueshift.calls).toHaveLength(0);
  });

  it.each([
    [
      'missing',
      () => secretsManager.on(GetSecretValueCommand).rejects(awsError('ResourceNotFoundException')),
      /exists/,
    ],
    [
      'empty',
      () => secretsManager.on(GetSecretValueCommand).resolves({ SecretString: '' }),
      /put your Blueshift/,
    ],
  ])('logs an error naming the secret and what to do when it is %s', async (_, arrange, advice) => {
    // Prepare
    secretsManager.reset();
    arrange();

    // Act
    const response = await invoke(handler, sqsEvent(drop('daily/a.csv', 'a')));

    // Assess
    expect(response.batchItemFailures).toHaveLength(1);
    const error = logs
      .entries()
      .find((entry) => entry.level === 'ERROR' && entry.verdict === 'key-unavailable');
    expect(error?.blueshiftMessage).toContain(SECRET_ID);
    expect(error?.blueshiftMessage).toMatch(advice);
  });

  it('still fails the record when ChangeMessageVisibility itself fails, leaving the rest of the batch alone', async () => {
    // Prepare
    sqs.reset();
    sqs.on(ChangeMessageVisibilityBatchCommand).rejects(awsError('AccessDenied'));
    blueshift.script(DAILY, [{ status: 405 }]);

    // Act
    const response = await invoke(handler, sqsEvent(drop('daily/a.csv', 'a'), drop('vip/b.json', 'b')));

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'a' }]);
    expect(logs.lines.join('\n')).toContain('the queue default visibility applies');
  });

  it('triggers only the imports a multi-record body maps to and acknowledges the rest', async () => {
    // Prepare
    const body = s3NotificationBody(['daily/a.csv', 'daily/readme.txt', 'unmapped/x.csv', 'vip/b.json']);

    // Act
    const response = await invoke(handler, sqsEvent(sqsRecord(body, { messageId: 'multi' })));

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(blueshift.calls.map((call) => (call.body as { uuid: string }).uuid).sort()).toEqual(
      [DAILY, VIP].sort(),
    );
  });

  it('makes one call for duplicate deliveries of the same S3 event', async () => {
    // Prepare
    const body = s3NotificationBody(['daily/a.csv']);

    // Act
    const response = await invoke(handler, sqsEvent(sqsRecord(body), sqsRecord(body)));

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(blueshift.calls).toHaveLength(1);
  });

  it('fails a huge unparseable message at once without delaying the good records of its batch', async () => {
    // Prepare
    const poison = sqsRecord(`{${'x'.repeat(250_000)}`, { messageId: 'poison' });

    // Act
    const response = await invoke(handler, sqsEvent(poison, drop('daily/a.csv', 'good')));

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'poison' }]);
    expect(blueshift.calls).toHaveLength(1);
    expect(visibilityChanges()).toEqual([{ Id: '0', ReceiptHandle: 'receipt-poison', VisibilityTimeout: 0 }]);
  });
});
