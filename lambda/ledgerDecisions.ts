import { isCovered } from '../contract/coverage';
import { isBusyAt, isProbeDueAt } from '../contract/ledgerMerge';
import {
  busyWaitSeconds,
  hasUsedHalfItsReceives,
  isLastReceive,
  type ProbeGraceSettings,
  probeGraceSeconds,
  settleWaitSeconds,
} from '../contract/redeliveryPolicy';
import type { LedgerEntry } from '../contract/triggerLedger';
import type { ImportTrigger, PlannedFile } from './coalesceByImport';

/** What the batch does about one import, given what the ledger knows. */
export type ImportAction =
  | { readonly kind: 'covered' }
  | { readonly kind: 'call' }
  | { readonly kind: 'wait'; readonly reason: 'busy' | 'settle'; readonly delaySeconds: number };

/** One import of the batch: its uncovered part (`trigger`), its covered files and what to do. */
export interface ImportDecision {
  /** The import's uncovered files and the records behind them: these succeed or fail with the action. */
  readonly trigger: ImportTrigger;
  readonly covered: readonly PlannedFile[];
  readonly entry: LedgerEntry | undefined;
  readonly action: ImportAction;
}

export interface DecisionSettings extends ProbeGraceSettings {
  readonly coverageMarginSeconds: number;
  readonly maxSettleSeconds: number;
  readonly maxReceiveCount: number;
}

/**
 * Decides per import: files an earlier trigger covered need nothing; the rest wait while the import is busy
 * or settling, else the import is called. `entries` undefined (ledger off or unreadable): every import is
 * called, as without a ledger. Pure.
 */
export function decideCalls(
  triggers: readonly ImportTrigger[],
  entries: ReadonlyMap<string, LedgerEntry> | undefined,
  receiveCountOf: (messageId: string) => number,
  settings: DecisionSettings,
  nowMs: number,
): ImportDecision[] {
  return triggers.map((trigger) => {
    if (!entries) return { trigger, covered: [], entry: undefined, action: { kind: 'call' } };
    const entry = entries.get(trigger.uuid);
    const covered: PlannedFile[] = [];
    const uncovered: PlannedFile[] = [];
    for (const file of trigger.files) {
      (isCovered(file.landedAtMs, entry, settings.coverageMarginSeconds) ? covered : uncovered).push(file);
    }
    const rest = uncoveredTrigger(trigger, uncovered);
    if (uncovered.length === 0) return { trigger: rest, covered, entry, action: { kind: 'covered' } };
    const receives = [...rest.messageIds].map(receiveCountOf);
    const action = waitOrCall(rest, entry, receives, settings, nowMs);
    return { trigger: rest, covered, entry, action };
  });
}

function waitOrCall(
  trigger: ImportTrigger,
  entry: LedgerEntry | undefined,
  receives: readonly number[],
  settings: DecisionSettings,
  nowMs: number,
): ImportAction {
  if (receives.some((count) => isLastReceive(count, settings))) return { kind: 'call' };
  const graceSeconds = probeGraceSeconds(settings);
  if (entry?.busyUntilMs !== undefined && waitsForProbe(trigger, entry, graceSeconds, nowMs)) {
    const delaySeconds = busyWaitSeconds(entry.busyUntilMs, nowMs, graceSeconds);
    return { kind: 'wait', reason: 'busy', delaySeconds };
  }
  if (trigger.settleSeconds === undefined) return { kind: 'call' };
  if (receives.some((count) => hasUsedHalfItsReceives(count, settings))) return { kind: 'call' };
  const landed = trigger.files.flatMap(({ landedAtMs }) => (landedAtMs === undefined ? [] : [landedAtMs]));
  // Files with no landing time cannot be settled on: call rather than guess.
  if (landed.length < trigger.files.length) return { kind: 'call' };
  const delaySeconds = settleWaitSeconds(
    {
      newestLandedAtMs: Math.max(entry?.newestFileAtMs ?? 0, ...landed),
      oldestLandedAtMs: Math.min(...landed),
      settleSeconds: trigger.settleSeconds,
      maxSettleSeconds: settings.maxSettleSeconds,
    },
    nowMs,
  );
  return delaySeconds === 0 ? { kind: 'call' } : { kind: 'wait', reason: 'settle', delaySeconds };
}

/**
 * The import is busy, or its busy period ended less than one probe grace ago and nobody has called since:
 * the probe calls alone (the batch that holds it, from `PROBE_EARLY_MS` before the period ends), the others wait
 * until the grace ends, by when the probe's answer is in the ledger.
 */
function waitsForProbe(
  trigger: ImportTrigger,
  entry: LedgerEntry,
  graceSeconds: number,
  nowMs: number,
): boolean {
  const { busyUntilMs, probeMessageId, lastOutcome } = entry;
  if (probeMessageId !== undefined && trigger.messageIds.has(probeMessageId))
    return !isProbeDueAt(entry, nowMs);
  if (isBusyAt(entry, nowMs)) return true;
  if (busyUntilMs === undefined || probeMessageId === undefined) return false;
  // Strictly after the period: an answer in its last second may be a last receive's, not the probe's.
  const probed = lastOutcome !== undefined && lastOutcome.atMs >= busyUntilMs;
  return !probed && nowMs < busyUntilMs + graceSeconds * 1000;
}

/** The trigger narrowed to its uncovered files and their records. */
function uncoveredTrigger(trigger: ImportTrigger, uncovered: readonly PlannedFile[]): ImportTrigger {
  if (uncovered.length === trigger.files.length) return trigger;
  return {
    uuid: trigger.uuid,
    prefixes: trigger.prefixes,
    messageIds: new Set(uncovered.map(({ messageId }) => messageId)),
    keys: uncovered.map(({ key }) => key),
    files: [...uncovered],
    ...(trigger.settleSeconds === undefined ? {} : { settleSeconds: trigger.settleSeconds }),
  };
}
