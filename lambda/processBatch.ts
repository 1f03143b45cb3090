import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { HandlerSettings } from '../contract/handlerSettings';
import { needsOperator } from '../contract/redeliveryPolicy';
import { type BatchPlan, coalesceByImport } from './coalesceByImport';
import { decideFailures, type RecordFailure } from './decideFailures';
import type { DeferMessages } from './deferMessages';
import type { KeyMatch } from './mapKeyToImport';
import { respond } from './respond';
import { type TriggeredImport, type TriggerOne, triggerImports } from './triggerImports';

/** The logging calls the batch makes (Powertools Logger fits). */
export interface BatchLog {
  info(message: string, ...extra: Record<string, unknown>[]): void;
  warn(message: string, ...extra: Record<string, unknown>[]): void;
  error(message: string, ...extra: Record<string, unknown>[]): void;
}

export interface BatchDeps {
  readonly settings: Pick<
    HandlerSettings,
    'bucketName' | 'maxConcurrentCalls' | 'retryBaseDelaySeconds' | 'retryMaxDelaySeconds' | 'maxReceiveCount'
  >;
  readonly matchKey: (key: string) => KeyMatch;
  readonly trigger: TriggerOne;
  readonly deferMessages: DeferMessages;
  readonly log: BatchLog;
  readonly now?: () => number;
}

/** Time kept back from the Lambda timeout to defer failed records and return. */
const reserveMs = (remainingMs: number) => Math.min(5000, Math.floor(remainingMs / 4));
const EXCERPT_LENGTH = 200;

/**
 * Plan -> trigger -> decide -> defer -> respond: triggers each distinct import of the batch once and answers
 * with the records to retry. Never throws for a failed record: a throw would retry the whole batch.
 */
export async function processBatch(
  event: SQSEvent,
  context: { getRemainingTimeInMillis(): number },
  deps: BatchDeps,
): Promise<SQSBatchResponse> {
  const { log, settings, now = Date.now } = deps;
  const remainingMs = context.getRemainingTimeInMillis();
  const deadlineMs = now() + remainingMs - reserveMs(remainingMs);

  const plan = coalesceByImport(event.Records, { matchKey: deps.matchKey, bucketName: settings.bucketName });
  logPlan(plan, settings.bucketName, log);
  const triggers = [...plan.triggers.values()];
  const triggered = await triggerImports(triggers, deps.trigger, deadlineMs, settings.maxConcurrentCalls);
  logTriggered(triggered, log);
  const failures = decideFailures(event.Records, plan.untriggerable, triggered, settings);
  await defer(failures, deps.deferMessages, log);

  log.info('batch done', {
    records: event.Records.length,
    imports: triggers.length,
    failedRecords: failures.length,
    ignoredFiles: plan.ignored.length,
  });
  return respond(failures);
}

function logPlan(plan: BatchPlan, bucketName: string, log: BatchLog): void {
  for (const messageId of plan.testEvents) log.info('S3 test event acknowledged', { messageId });
  for (const ignored of plan.ignored) log.info('file starts no import', ignored);
  for (const { record, kind, reason, bucket } of plan.untriggerable) {
    if (kind === 'foreign-bucket') {
      log.error(
        `message reports bucket ${bucket}, not the watched ${bucketName}: someone else writes to this queue; ` +
          'failing it so it reaches the dead-letter queue',
        { messageId: record.messageId, bucket, reason },
      );
      continue;
    }
    log.error('message is not an S3 notification; failing it so it reaches the dead-letter queue', {
      messageId: record.messageId,
      reason,
      excerpt: record.body.slice(0, EXCERPT_LENGTH),
    });
  }
}

function logTriggered(triggered: readonly TriggeredImport[], log: BatchLog): void {
  for (const { trigger, outcome } of triggered) {
    const summary = {
      importUuid: trigger.uuid,
      prefixes: [...trigger.prefixes],
      files: trigger.keys.length,
      status: outcome.status,
      attempts: outcome.attempts,
      verdict: outcome.verdict,
    };
    if (outcome.verdict === 'triggered') {
      log.info('import triggered', summary);
      continue;
    }
    const details = { ...summary, blueshiftMessage: outcome.message, sampleKeys: trigger.keys.slice(0, 5) };
    const level = needsOperator(outcome.verdict) ? 'error' : 'warn';
    log[level]('import not triggered; files will be retried', details);
  }
}

async function defer(failures: readonly RecordFailure[], deferMessages: DeferMessages, log: BatchLog) {
  for (const { record, receiveCount, lastReceive } of failures) {
    if (lastReceive) {
      log.error('last receive failed: message moves to the dead-letter queue', {
        messageId: record.messageId,
        receiveCount,
      });
    }
  }
  const notDeferred = await deferMessages(
    failures.map(({ record, delaySeconds }) => ({
      messageId: record.messageId,
      receiptHandle: record.receiptHandle,
      eventSourceARN: record.eventSourceARN,
      visibilityTimeoutSeconds: delaySeconds,
    })),
  );
  if (notDeferred.length > 0) {
    log.warn('could not set retry delay; the queue default visibility applies', {
      messageIds: notDeferred.map(({ messageId }) => messageId),
      reasons: [...new Set(notDeferred.map(({ reason }) => reason))],
    });
  }
}
