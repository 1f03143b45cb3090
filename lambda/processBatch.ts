import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { HandlerSettings } from '../lib/config/environment';
import { visibilityTimeoutSeconds } from './backoff';
import { coalesceByImport } from './coalesceByImport';
import type { DeferMessages, Deferral } from './deferMessages';
import type { KeyMatch } from './mapKeyToImport';
import type { TriggerOutcome } from './triggerWithRetries';

/** The logging calls the batch makes (Powertools Logger fits). */
export interface BatchLog {
  info(message: string, ...extra: Record<string, unknown>[]): void;
  warn(message: string, ...extra: Record<string, unknown>[]): void;
  error(message: string, ...extra: Record<string, unknown>[]): void;
}

export interface BatchDeps {
  readonly settings: Pick<
    HandlerSettings,
    'retryBaseDelaySeconds' | 'retryMaxDelaySeconds' | 'maxReceiveCount'
  >;
  readonly matchKey: (key: string) => KeyMatch;
  /** Triggers one import by its UUID, giving up by `deadlineMs`. */
  readonly trigger: (uuid: string, deadlineMs: number) => Promise<TriggerOutcome>;
  readonly deferMessages: DeferMessages;
  readonly log: BatchLog;
  readonly now?: () => number;
}

/** Time kept back from the Lambda timeout to defer failed records and return. */
const reserveMs = (remainingMs: number) => Math.min(5000, Math.floor(remainingMs / 4));
const EXCERPT_LENGTH = 200;
const receiveCountOf = (record: SQSRecord | undefined) =>
  Number(record?.attributes.ApproximateReceiveCount) || 1;

/**
 * Triggers each distinct import of the batch once and answers with the records to retry.
 * Never throws for a failed record: a throw would retry the whole batch.
 */
export async function processBatch(
  event: SQSEvent,
  context: { getRemainingTimeInMillis(): number },
  deps: BatchDeps,
): Promise<SQSBatchResponse> {
  const { log, now = Date.now } = deps;
  const remainingMs = context.getRemainingTimeInMillis();
  const deadlineMs = now() + remainingMs - reserveMs(remainingMs);
  const records = new Map(event.Records.map((record) => [record.messageId, record]));
  const plan = coalesceByImport(event.Records, deps.matchKey);

  for (const messageId of plan.testEvents) log.info('S3 test event acknowledged', { messageId });
  for (const ignored of plan.ignored) log.info('file starts no import', ignored);
  /** Per failed message: the longest wait any of its imports asked for (0 = come back at once). */
  const failures = new Map<string, number>();
  for (const { record, reason } of plan.invalid) {
    log.error('message is not an S3 notification; failing it so it reaches the dead-letter queue', {
      messageId: record.messageId,
      reason,
      excerpt: record.body.slice(0, EXCERPT_LENGTH),
    });
    // Redelivering an unreadable body cannot help: let it use up its receives quickly.
    failures.set(record.messageId, 0);
  }

  const triggers = [...plan.triggers.values()];
  const outcomes = await Promise.all(triggers.map((trigger) => deps.trigger(trigger.uuid, deadlineMs)));
  for (const [index, trigger] of triggers.entries()) {
    const outcome = outcomes[index] as TriggerOutcome;
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
    // 401/404/4xx and an unreadable key need an operator; waiting alone will not fix them.
    if (['unauthorized', 'rejected', 'key-unavailable'].includes(outcome.verdict)) {
      log.error('import not triggered; files will be retried', details);
    } else {
      log.warn('import not triggered; files will be retried', details);
    }
    const backoff = {
      baseSeconds: deps.settings.retryBaseDelaySeconds,
      maxSeconds: deps.settings.retryMaxDelaySeconds,
    };
    for (const messageId of trigger.messageIds) {
      const seconds = visibilityTimeoutSeconds(
        receiveCountOf(records.get(messageId)),
        backoff,
        outcome.retryAfterSeconds,
      );
      failures.set(messageId, Math.max(failures.get(messageId) ?? 0, seconds));
    }
  }

  const deferrals: Deferral[] = [...failures].map(([messageId, seconds]) => {
    const record = records.get(messageId) as SQSRecord;
    const receiveCount = receiveCountOf(record);
    if (receiveCount >= deps.settings.maxReceiveCount) {
      log.error('last receive failed: message moves to the dead-letter queue', { messageId, receiveCount });
    }
    return {
      messageId,
      receiptHandle: record.receiptHandle,
      eventSourceARN: record.eventSourceARN,
      visibilityTimeoutSeconds: seconds,
    };
  });
  const notDeferred = await deps.deferMessages(deferrals);
  if (notDeferred.length > 0) {
    log.warn('could not set retry delay; the queue default visibility applies', { messageIds: notDeferred });
  }
  log.info('batch done', {
    records: event.Records.length,
    imports: triggers.length,
    failedRecords: failures.size,
    ignoredFiles: plan.ignored.length,
  });
  return { batchItemFailures: [...failures.keys()].map((itemIdentifier) => ({ itemIdentifier })) };
}
