import { needsOperator } from '../contract/redeliveryPolicy';
import type { BatchPlan } from './coalesceByImport';
import type { RecordFailure } from './decideFailures';
import type { ImportDecision } from './ledgerDecisions';
import { LOG_MESSAGES } from './logMessages';
import type { TriggeredImport } from './triggerImports';

/** The logging calls the batch makes (Powertools Logger fits). */
export interface BatchLog {
  info(message: string, ...extra: Record<string, unknown>[]): void;
  warn(message: string, ...extra: Record<string, unknown>[]): void;
  error(message: string, ...extra: Record<string, unknown>[]): void;
}

const EXCERPT_LENGTH = 200;
const SAMPLE_KEYS = 5;

export function logPlan(plan: BatchPlan, bucketName: string, log: BatchLog): void {
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

/**
 * Covered files, one line per import (a covered batch of thousands of files would otherwise log thousands of
 * lines), and imports that wait rather than call.
 */
export function logDecisions(decisions: readonly ImportDecision[], log: BatchLog): void {
  for (const { trigger, covered, entry, action } of decisions) {
    if (covered.length > 0) {
      const triggeredAt = new Date(entry?.triggeredAtMs ?? 0).toISOString();
      log.info(`${LOG_MESSAGES.filesCoveredPrefix}${triggeredAt}`, {
        importUuid: trigger.uuid,
        files: covered.length,
        triggeredAt,
        sampleKeys: covered.slice(0, SAMPLE_KEYS).map(({ key }) => key),
      });
    }
    if (action.kind !== 'wait') continue;
    const message =
      action.reason === 'busy' ? LOG_MESSAGES.importBusyWaits : LOG_MESSAGES.importSettlingWaits;
    log.info(message, {
      importUuid: trigger.uuid,
      files: trigger.files.length,
      delaySeconds: action.delaySeconds,
      ...(action.reason === 'busy' ? { busyUntil: new Date(entry?.busyUntilMs ?? 0).toISOString() } : {}),
      sampleKeys: trigger.keys.slice(0, SAMPLE_KEYS),
    });
  }
}

export function logTriggered(triggered: readonly TriggeredImport[], log: BatchLog): void {
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
      log.info(LOG_MESSAGES.importTriggered, summary);
      continue;
    }
    const details = {
      ...summary,
      blueshiftMessage: outcome.message,
      sampleKeys: trigger.keys.slice(0, SAMPLE_KEYS),
    };
    const level = needsOperator(outcome.verdict) ? 'error' : 'warn';
    log[level](LOG_MESSAGES.importNotTriggered, details);
  }
}

export function logLastReceives(failures: readonly RecordFailure[], log: BatchLog): void {
  for (const { record, receiveCount, lastReceive } of failures) {
    if (lastReceive) {
      log.error(LOG_MESSAGES.lastReceiveFailed, {
        messageId: record.messageId,
        receiveCount,
      });
    }
  }
}
