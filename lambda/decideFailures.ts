import type { SQSRecord } from 'aws-lambda';
import {
  isLastReceive,
  type RedeliverySettings,
  redeliveryDelaySeconds,
  UNTRIGGERABLE_DELAY_SECONDS,
} from '../contract/redeliveryPolicy';
import type { ImportTrigger, UntriggerableRecord } from './coalesceByImport';
import type { TriggeredImport } from './triggerImports';

/** A record to report as failed, and how long SQS should keep it before delivering it again. */
export interface RecordFailure {
  readonly record: SQSRecord;
  readonly receiveCount: number;
  readonly delaySeconds: number;
  /** This was the record's last receive: SQS moves it to the dead-letter queue. */
  readonly lastReceive: boolean;
}

/** An import the batch did not call, whose records wait (busy or settling) this long. */
export interface ImportWait {
  readonly trigger: ImportTrigger;
  readonly delaySeconds: number;
}

export const receiveCountOf = (record: SQSRecord) => Number(record.attributes.ApproximateReceiveCount) || 1;

/**
 * Decides which records fail and their delays: a record fails when any import behind it was not triggered
 * (with the longest delay any of them asks for), when an import behind it waits, or when it can never trigger
 * one. `atLeast` raises the delays of failing records (the busy answers' plan). Pure.
 */
export function decideFailures(
  records: readonly SQSRecord[],
  untriggerable: readonly UntriggerableRecord[],
  triggered: readonly TriggeredImport[],
  settings: RedeliverySettings,
  waits: readonly ImportWait[] = [],
  atLeast: ReadonlyMap<string, number> = new Map(),
): RecordFailure[] {
  const delays = new Map<string, number>();
  for (const { record } of untriggerable) delays.set(record.messageId, UNTRIGGERABLE_DELAY_SECONDS);
  const byId = new Map(records.map((record) => [record.messageId, record]));
  for (const { trigger, outcome } of triggered) {
    if (outcome.verdict === 'triggered') continue;
    for (const messageId of trigger.messageIds) {
      const record = byId.get(messageId);
      if (!record) continue;
      const seconds = redeliveryDelaySeconds(receiveCountOf(record), settings, outcome.retryAfterSeconds);
      delays.set(messageId, Math.max(delays.get(messageId) ?? 0, seconds));
    }
  }
  for (const { trigger, delaySeconds } of waits) {
    for (const messageId of trigger.messageIds) {
      delays.set(messageId, Math.max(delays.get(messageId) ?? 0, delaySeconds));
    }
  }
  for (const [messageId, seconds] of atLeast) {
    const delay = delays.get(messageId);
    if (delay !== undefined) delays.set(messageId, Math.max(delay, seconds));
  }
  return records
    .filter((record) => delays.has(record.messageId))
    .map((record) => {
      const receiveCount = receiveCountOf(record);
      return {
        record,
        receiveCount,
        delaySeconds: delays.get(record.messageId) ?? 0,
        lastReceive: isLastReceive(receiveCount, settings),
      };
    });
}
