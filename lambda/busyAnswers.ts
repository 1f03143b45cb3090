import { isBusyAt, isProbeDueAt } from '../contract/ledgerMerge';
import {
  busyPeriodSeconds,
  busyWaitSeconds,
  isLastReceive,
  MAX_REDELIVERY_DELAY_SECONDS,
  type ProbeGraceSettings,
  probeGraceSeconds,
  type RedeliverySettings,
  redeliveryDelaySeconds,
} from '../contract/redeliveryPolicy';
import type { LedgerEntry } from '../contract/triggerLedger';
import type { TriggeredImport } from './triggerImports';
import type { TriggerOutcome } from './triggerWithRetries';

/** A 405, or a 429 that says when to come back: the import is busy, and its records wait for it. */
export const isBusyAnswer = (outcome: TriggerOutcome) =>
  outcome.verdict === 'busy' || (outcome.status === 429 && outcome.retryAfterSeconds !== undefined);

/** How the records of an import that answered busy come back: one probe first, the others a grace later. */
export interface BusyAnswer {
  readonly uuid: string;
  /** When the probe comes back; none when every failing record was on its last receive. */
  readonly busyUntilMs?: number;
  readonly probeMessageId?: string;
  /** The delay of each of the import's records (0 on a last receive: it moves to the dead-letter queue). */
  readonly delays: ReadonlyMap<string, number>;
}

/**
 * With the ledger on, plans the delays of the records of each import that answered busy. The busy period
 * grows with the import's busy streak (`busyPeriodSeconds`), so a run that takes minutes sees one probe per
 * backoff step, not one per batch. One probe, the record with the most receives left, comes back when the
 * period ends (`busyUntilMs`); the import's other records come back one probe grace later, like the records
 * that found it busy and did not call, so one message, hence one environment, probes. No record waits less
 * than its own backoff. Pure.
 */
export function planBusyAnswers(
  triggered: readonly TriggeredImport[],
  entries: ReadonlyMap<string, LedgerEntry>,
  receivesOf: (messageId: string) => number,
  settings: RedeliverySettings & ProbeGraceSettings,
  nowMs: number,
): BusyAnswer[] {
  const graceSeconds = probeGraceSeconds(settings);
  return triggered.flatMap(({ trigger, outcome }) => {
    if (!isBusyAnswer(outcome)) return [];
    const entry = entries.get(trigger.uuid);
    const ownDelay = (messageId: string) =>
      redeliveryDelaySeconds(receivesOf(messageId), settings, outcome.retryAfterSeconds);
    const waiting = [...trigger.messageIds].filter((id) => !isLastReceive(receivesOf(id), settings));
    const delays = new Map([...trigger.messageIds].map((id) => [id, 0]));
    const isProbe = entry?.probeMessageId !== undefined && trigger.messageIds.has(entry.probeMessageId);
    if (
      entry?.busyUntilMs !== undefined &&
      isBusyAt(entry, nowMs) &&
      !(isProbe && isProbeDueAt(entry, nowMs))
    ) {
      // Called during a known busy period (a last receive had to): its probe is out already; wait for it.
      const waitSeconds = busyWaitSeconds(entry.busyUntilMs, nowMs, graceSeconds);
      for (const id of waiting) delays.set(id, Math.max(ownDelay(id), waitSeconds));
      return [{ uuid: trigger.uuid, delays }];
    }
    // A 405 joins the streak (as mergeLedgerEntry counts it); a 429 leaves it and waits its Retry-After.
    const streak = (entry?.busyStreak ?? 0) + (outcome.verdict === 'busy' ? 1 : 0);
    const periodSeconds = busyPeriodSeconds(streak, settings, outcome.retryAfterSeconds);
    const probe = waiting.reduce<string | undefined>(
      (best, id) => (best === undefined || receivesOf(id) < receivesOf(best) ? id : best),
      undefined,
    );
    if (probe === undefined) return [{ uuid: trigger.uuid, delays }];
    const probeSeconds = Math.max(ownDelay(probe), periodSeconds);
    const othersSeconds = Math.min(MAX_REDELIVERY_DELAY_SECONDS, probeSeconds + graceSeconds);
    for (const id of waiting) {
      delays.set(id, id === probe ? probeSeconds : Math.max(ownDelay(id), othersSeconds));
    }
    return [{ uuid: trigger.uuid, busyUntilMs: nowMs + probeSeconds * 1000, probeMessageId: probe, delays }];
  });
}

/** Every planned delay by record; a record behind several busy imports waits for the longest. */
export function busyDelaysByRecord(answers: readonly BusyAnswer[]): Map<string, number> {
  const delays = new Map<string, number>();
  for (const answer of answers) {
    for (const [id, seconds] of answer.delays) delays.set(id, Math.max(delays.get(id) ?? 0, seconds));
  }
  return delays;
}
