/**
 * How a batch's update merges into an import's ledger entry: no time moves backwards, the newest outcome wins,
 * and the busy streak follows from the outcomes. Both the function's DynamoDB store (after a conditional write
 * lost) and the in-memory ledger merge with it, so every environment agrees.
 */
import { type LedgerEntry, type LedgerOutcome, TIME_FIELDS } from './triggerLedger';

/** What one batch learned about an import; merged into the stored entry, newest times winning. */
export type LedgerUpdate = Omit<Partial<LedgerEntry>, 'importUuid' | 'version' | 'busyStreak'>;

const later = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/**
 * The busy streak after an outcome newer than the stored one: a 405 adds one, a success resets it, anything
 * else (a 503, a 429, a refused key) leaves it. Only a newer outcome counts, so merging the same update
 * again into a re-read item (a conditional write that lost) counts from that item's streak. A 405 answered
 * while the stored busy period still runs (another environment's probe answered first, or a last receive
 * had to call) adds nothing: the period it would start is running already.
 */
function nextBusyStreak(stored: LedgerEntry | undefined, outcome: LedgerOutcome | undefined) {
  const streak = stored?.busyStreak;
  if (!outcome || (stored?.lastOutcome && outcome.atMs <= stored.lastOutcome.atMs)) return streak;
  if (outcome.verdict === 'busy') {
    // A 405 answered less than PROBE_EARLY_MS before the period ends is its probe's, which starts the next.
    return !stored || isProbeDueAt(stored, outcome.atMs) ? (streak ?? 0) + 1 : streak;
  }
  return outcome.verdict === 'triggered' ? 0 : streak;
}

/**
 * SQS may hand a message out a little before its delay ends as the function's clock counts it: a batch holding
 * the probe that arrives this close to the end of the busy period is the probe, and calls.
 */
export const PROBE_EARLY_MS = 1000;

/** The entry's busy period has ended, or ends within `PROBE_EARLY_MS`: its probe may call. */
export function isProbeDueAt(entry: Pick<LedgerEntry, 'busyUntilMs'>, atMs: number): boolean {
  return entry.busyUntilMs === undefined || atMs >= entry.busyUntilMs - PROBE_EARLY_MS;
}

/** The entry says the import is busy at this time. */
export function isBusyAt(entry: Pick<LedgerEntry, 'busyUntilMs'> | undefined, atMs: number): boolean {
  return entry?.busyUntilMs !== undefined && entry.busyUntilMs > atMs;
}

/** Merges an update into the stored entry (or none): no time moves backwards, the newest outcome wins. */
export function mergeLedgerEntry(
  importUuid: string,
  stored: LedgerEntry | undefined,
  update: LedgerUpdate,
): LedgerEntry {
  const outcomes = [stored?.lastOutcome, update.lastOutcome].filter((o) => o !== undefined);
  const lastOutcome = outcomes.sort((a, b) => b.atMs - a.atMs)[0];
  const merged: { -readonly [K in keyof LedgerEntry]: LedgerEntry[K] } = {
    importUuid,
    version: (stored?.version ?? 0) + 1,
  };
  for (const field of TIME_FIELDS) {
    const value = later(stored?.[field], update[field]);
    if (value !== undefined) merged[field] = value;
  }
  if (lastOutcome) merged.lastOutcome = lastOutcome;
  const waiting = [stored?.waiting, update.waiting].filter((w) => w !== undefined);
  const newestWaiting = waiting.sort((a, b) => b.atMs - a.atMs)[0];
  if (newestWaiting) merged.waiting = newestWaiting;
  // The probe goes with its busy period: the update's when its period ends no earlier than the stored one.
  const updateBusyWins =
    update.busyUntilMs !== undefined && update.busyUntilMs >= (stored?.busyUntilMs ?? update.busyUntilMs);
  const probeMessageId = updateBusyWins ? update.probeMessageId : stored?.probeMessageId;
  if (probeMessageId) merged.probeMessageId = probeMessageId;
  const busyStreak = nextBusyStreak(stored, update.lastOutcome);
  if (busyStreak !== undefined) merged.busyStreak = busyStreak;
  return merged;
}
