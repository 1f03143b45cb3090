import { describe, expect, it, vi } from 'vitest';
import { UNTRIGGERABLE_DELAY_SECONDS } from '../../contract/redeliveryPolicy';
import type { Deferral, NotDeferred } from '../../lambda/deferMessages';
import { createKeyMatcher } from '../../lambda/mapKeyToImport';
import { type BatchDeps, processBatch } from '../../lambda/processBatch';
import type { TriggerOutcome } from '../../lambda/triggerWithRetries';
import {
  eventBridgeBody,
  lambdaContext,
  s3NotificationBody,
  sqsEvent,
  sqsRecord,
  WATCHED_BUCKET,
} from './factories';

const DAILY = 'aaaaaaaa-0000-4000-8000-000000000001';
const VIP = 'aaaaaaaa-0000-4000-8000-000000000002';
const imports = [
  { prefix: 'daily/', uuid: DAILY },
  { prefix: 'vip/', uuid: VIP },
];
const triggered: TriggerOutcome = { verdict: 'triggered', status: 200, message: 'ok', attempts: 1 };

/** processBatch with scripted outcomes per import and recorded deferrals and logs. */
function setup(outcomes: Record<string, TriggerOutcome> = {}, notDeferred: NotDeferred[] = []) {
  const deferred: Deferral[] = [];
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const trigger = vi.fn(async (uuid: string, _deadlineMs: number) => outcomes[uuid] ?? triggered);
  const deps: BatchDeps = {
    settings: {
      bucketName: WATCHED_BUCKET,
      maxConcurrentCalls: 4,
      retryBaseDelaySeconds: 30,
      retryMaxDelaySeconds: 1800,
      maxReceiveCount: 5,
      coverageMarginSeconds: 1,
      maxSettleSeconds: 900,
      batchWindowSeconds: 5,
      requestTimeoutSeconds: 10,
    },
    matchKey: createKeyMatcher(imports),
    trigger,
    deferMessages: async (items) => {
      deferred.push(...items);
      return notDeferred;
    },
    log,
    now: () => 1_000_000,
  };
  return { deps, deferred, log, trigger };
}

describe('Function: processBatch()', () => {
  it('calls each import once and acknowledges every record on success', async () => {
    // Prepare
    const { deps, trigger, deferred } = setup();
    const event = sqsEvent(
      sqsRecord(s3NotificationBody(['daily/1.csv'])),
      sqsRecord(s3NotificationBody(['daily/2.csv', 'vip/1.csv'])),
      sqsRecord(s3NotificationBody(['vip/2.csv'])),
    );

    // Act
    const response = await processBatch(event, lambdaContext(), deps);

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(trigger.mock.calls.map(([uuid]) => uuid)).toEqual([DAILY, VIP]);
    expect(deferred).toEqual([]);
  });

  it('fails only the records of the failed import, each with a backoff by its receive count', async () => {
    // Prepare
    const { deps, deferred, log } = setup({
      [VIP]: { verdict: 'transient', status: 503, message: 'down', attempts: 3 },
    });
    const ok = sqsRecord(s3NotificationBody(['daily/1.csv']));
    const vipFirst = sqsRecord(s3NotificationBody(['vip/1.csv']), { receiveCount: 1 });
    const vipThird = sqsRecord(s3NotificationBody(['vip/2.csv']), { receiveCount: 3 });

    // Act
    const response = await processBatch(sqsEvent(ok, vipFirst, vipThird), lambdaContext(), deps);

    // Assess
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: vipFirst.messageId },
      { itemIdentifier: vipThird.messageId },
    ]);
    expect(deferred.map((item) => [item.messageId, item.visibilityTimeoutSeconds])).toEqual([
      [vipFirst.messageId, 30],
      [vipThird.messageId, 120],
    ]);
    expect(log.warn).toHaveBeenCalledWith(
      'import not triggered; files will be retried',
      expect.objectContaining({ importUuid: VIP, status: 503, files: 2 }),
    );
  });

  it('fails a record whose body holds files of two imports when either fails', async () => {
    // Prepare
    const { deps } = setup({ [DAILY]: { verdict: 'busy', status: 405, message: 'busy', attempts: 1 } });
    const mixed = sqsRecord(s3NotificationBody(['daily/1.csv', 'vip/1.csv']));

    // Act
    const response = await processBatch(sqsEvent(mixed), lambdaContext(), deps);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: mixed.messageId }]);
  });

  it('lets a larger Retry-After set the visibility', async () => {
    // Prepare
    const { deps, deferred } = setup({
      [DAILY]: {
        verdict: 'transient',
        status: 429,
        retryAfterSeconds: 900,
        message: 'slow down',
        attempts: 1,
      },
    });

    // Act
    await processBatch(sqsEvent(sqsRecord(s3NotificationBody(['daily/1.csv']))), lambdaContext(), deps);

    // Assess
    expect(deferred[0]?.visibilityTimeoutSeconds).toBe(900);
  });

  it('fails a poison message at once and with an excerpt, without touching the good records', async () => {
    // Prepare
    const { deps, deferred, log } = setup();
    const poison = sqsRecord(`not json ${'x'.repeat(10_000)}`);
    const good = sqsRecord(s3NotificationBody(['daily/1.csv']));

    // Act
    const response = await processBatch(sqsEvent(poison, good), lambdaContext(), deps);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: poison.messageId }]);
    expect(deferred).toMatchObject([{ messageId: poison.messageId, visibilityTimeoutSeconds: 0 }]);
    const [, details] = log.error.mock.calls[0] ?? [];
    expect(details).toMatchObject({ messageId: poison.messageId, reason: 'body is not JSON' });
    expect((details as { excerpt: string }).excerpt).toHaveLength(200);
  });

  it('acknowledges S3 test events and unmapped files with an info log', async () => {
    // Prepare
    const { deps, log, trigger } = setup();
    const event = sqsEvent(
      sqsRecord(JSON.stringify({ Event: 's3:TestEvent' })),
      sqsRecord(s3NotificationBody(['elsewhere/1.csv'])),
    );

    // Act
    const response = await processBatch(event, lambdaContext(), deps);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(trigger).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledWith('S3 test event acknowledged', expect.any(Object));
    expect(log.info).toHaveBeenCalledWith(
      'file starts no import',
      expect.objectContaining({ reason: 'no-prefix' }),
    );
  });

  it.each(['unauthorized', 'rejected', 'key-unavailable'] as const)(
    'logs %s at error level',
    async (verdict) => {
      // Prepare
      const { deps, log } = setup({
        [DAILY]: { verdict, status: 404, message: 'Resource not found', attempts: 1 },
      });

      // Act
      await processBatch(sqsEvent(sqsRecord(s3NotificationBody(['daily/1.csv']))), lambdaContext(), deps);

      // Assess
      expect(log.error).toHaveBeenCalledWith(
        'import not triggered; files will be retried',
        expect.objectContaining({ verdict, blueshiftMessage: 'Resource not found' }),
      );
    },
  );

  it('warns when a record fails its last receive before the dead-letter queue', async () => {
    // Prepare
    const { deps, log } = setup({ [DAILY]: { verdict: 'busy', status: 405, message: 'busy', attempts: 1 } });
    const last = sqsRecord(s3NotificationBody(['daily/1.csv']), { receiveCount: 5 });

    // Act
    await processBatch(sqsEvent(last), lambdaContext(), deps);

    // Assess
    expect(log.error).toHaveBeenCalledWith(
      'last receive failed: message moves to the dead-letter queue',
      expect.objectContaining({ messageId: last.messageId, receiveCount: 5 }),
    );
  });

  it('still fails a record whose visibility could not be changed', async () => {
    // Prepare
    const failing = sqsRecord(s3NotificationBody(['daily/1.csv']));
    const { deps, log } = setup(
      { [DAILY]: { verdict: 'transient', status: 500, message: '', attempts: 3 } },
      [{ messageId: failing.messageId, reason: 'AccessDenied: not authorized' }],
    );

    // Act
    const response = await processBatch(sqsEvent(failing), lambdaContext(), deps);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: failing.messageId }]);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('default visibility'), {
      messageIds: [failing.messageId],
      reasons: ['AccessDenied: not authorized'],
    });
  });

  it('never delays a record on its last receive, so it reaches the dead-letter queue at once', async () => {
    // Prepare
    const { deps, deferred } = setup({
      [DAILY]: { verdict: 'busy', status: 405, message: 'busy', attempts: 1 },
    });
    const last = sqsRecord(s3NotificationBody(['daily/1.csv']), { receiveCount: 5 });

    // Act
    await processBatch(sqsEvent(last), lambdaContext(), deps);

    // Assess
    expect(deferred).toMatchObject([{ messageId: last.messageId, visibilityTimeoutSeconds: 0 }]);
  });

  it('caps a Retry-After above the longest redelivery delay', async () => {
    // Prepare
    const { deps, deferred } = setup({
      [DAILY]: { verdict: 'transient', status: 429, retryAfterSeconds: 86_400, message: '', attempts: 1 },
    });

    // Act
    await processBatch(sqsEvent(sqsRecord(s3NotificationBody(['daily/1.csv']))), lambdaContext(), deps);

    // Assess
    expect(deferred[0]?.visibilityTimeoutSeconds).toBe(1800);
  });

  it('fails a record of another bucket without triggering, logging the bucket', async () => {
    // Prepare
    const { deps, deferred, log, trigger } = setup();
    const foreign = sqsRecord(s3NotificationBody(['daily/1.csv'], 'ObjectCreated:Put', 'not-ours'));

    // Act
    const response = await processBatch(sqsEvent(foreign), lambdaContext(), deps);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: foreign.messageId }]);
    expect(trigger).not.toHaveBeenCalled();
    expect(deferred).toMatchObject([
      { messageId: foreign.messageId, visibilityTimeoutSeconds: UNTRIGGERABLE_DELAY_SECONDS },
    ]);
    expect(log.error).toHaveBeenCalledWith(
      expect.stringContaining('someone else writes to this queue'),
      expect.objectContaining({ messageId: foreign.messageId, bucket: 'not-ours' }),
    );
  });

  it('triggers an import from an EventBridge Object Created event', async () => {
    // Prepare
    const { deps, trigger } = setup();

    // Act
    const response = await processBatch(
      sqsEvent(sqsRecord(eventBridgeBody('vip/a.csv'))),
      lambdaContext(),
      deps,
    );

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(trigger.mock.calls.map(([uuid]) => uuid)).toEqual([VIP]);
  });

  it('keeps at most maxConcurrentCalls triggers in flight', async () => {
    // Prepare
    const { deps } = setup();
    let inFlight = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const trigger = vi.fn(async (_uuid: string, _deadlineMs: number) => {
      most = Math.max(most, ++inFlight);
      await new Promise<void>((resolve) => releases.push(resolve));
      inFlight--;
      return triggered;
    });
    const many = Array.from({ length: 7 }, (_, index) => `aaaaaaaa-0000-4000-8000-0000000001${index}0`);
    const event = sqsEvent(...many.map((_, index) => sqsRecord(s3NotificationBody([`many-${index}/a.csv`]))));
    const manyDeps = {
      ...deps,
      settings: { ...deps.settings, maxConcurrentCalls: 3 },
      matchKey: createKeyMatcher(many.map((uuid, index) => ({ prefix: `many-${index}/`, uuid }))),
      trigger,
    };

    // Act
    const done = processBatch(event, lambdaContext(), manyDeps);
    while (trigger.mock.calls.length < many.length || releases.length > 0) {
      await Promise.resolve();
      releases.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const response = await done;

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(trigger).toHaveBeenCalledTimes(7);
    expect(most).toBe(3);
  });

  it('gives the triggers a deadline that keeps time back to defer and return', async () => {
    // Prepare
    const { deps, trigger } = setup();

    // Act
    await processBatch(sqsEvent(sqsRecord(s3NotificationBody(['daily/1.csv']))), lambdaContext(60_000), deps);
    await processBatch(sqsEvent(sqsRecord(s3NotificationBody(['daily/1.csv']))), lambdaContext(8_000), deps);

    // Assess
    expect(trigger.mock.calls.map(([, deadline]) => deadline - 1_000_000)).toEqual([55_000, 6_000]);
  });
});
