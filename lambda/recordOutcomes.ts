import type { LedgerUpdate } from '../contract/ledgerMerge';
import type { LedgerOutcome } from '../contract/triggerLedger';
import type { BusyAnswer } from './busyAnswers';
import type { ImportDecision } from './ledgerDecisions';
import type { TriggeredImport } from './triggerImports';
import type { TriggerOutcome } from './triggerWithRetries';

/** When the batch's calls began: the send time of a success whose outcome does not say (an earlier time covers less). */
export interface OutcomeTimes {
  readonly nowMs: number;
  readonly callsStartedAtMs: number;
}

/**
 * What the batch learned per import, for the ledger: the newest file it saw, the call's outcome (from which the
 * merge counts the busy streak), the send time of a success, until when a 405 (or a 429 with `Retry-After`)
 * makes the import busy (when its probe comes back, `planBusyAnswers`), and the files left waiting. Imports
 * the batch found fully covered learn nothing. Pure.
 */
export function ledgerUpdates(
  decisions: readonly ImportDecision[],
  triggered: readonly TriggeredImport[],
  busyAnswers: readonly BusyAnswer[],
  times: OutcomeTimes,
): Map<string, LedgerUpdate> {
  const outcomes = new Map(triggered.map(({ trigger, outcome }) => [trigger.uuid, outcome]));
  const busy = new Map(busyAnswers.map((answer) => [answer.uuid, answer]));
  const updates = new Map<string, LedgerUpdate>();
  for (const { trigger, entry, action } of decisions) {
    if (action.kind === 'covered') continue;
    const update: { -readonly [K in keyof LedgerUpdate]: LedgerUpdate[K] } = {};
    const newest = Math.max(...trigger.files.map(({ landedAtMs }) => landedAtMs ?? 0));
    if (newest > (entry?.newestFileAtMs ?? 0)) update.newestFileAtMs = newest;
    const outcome = outcomes.get(trigger.uuid);
    if (outcome) {
      update.lastOutcome = ledgerOutcome(outcome, times.nowMs);
      if (outcome.verdict === 'triggered') update.triggeredAtMs = outcome.sentAtMs ?? times.callsStartedAtMs;
      const { busyUntilMs, probeMessageId } = busy.get(trigger.uuid) ?? {};
      if (busyUntilMs !== undefined) update.busyUntilMs = busyUntilMs;
      if (busyUntilMs !== undefined && probeMessageId) update.probeMessageId = probeMessageId;
    }
    const waiting = outcome?.verdict === 'triggered' ? 0 : trigger.files.length;
    update.waiting = { files: waiting, atMs: times.nowMs };
    updates.set(trigger.uuid, update);
  }
  return updates;
}

/** The outcome as the ledger keeps it: the HTTP status, else why there was none (`timeout`, `network-error`, `none`). */
export function ledgerOutcome(outcome: TriggerOutcome, atMs: number): LedgerOutcome {
  const status = outcome.status === undefined ? (outcome.noResponse ?? 'none') : String(outcome.status);
  return { verdict: outcome.verdict, status, atMs, ...(outcome.message ? { message: outcome.message } : {}) };
}
