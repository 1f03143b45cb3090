/** When a file landed and whether a trigger covered it: the rule that lets a record go without a call. */
import type { LedgerEntry } from './triggerLedger';

/**
 * When a file landed, as an upper bound AWS set: the S3 event time, or the message's `SentTimestamp` when
 * that is earlier or the event time is missing or unreadable. `undefined` when neither is usable: such a
 * file is never covered.
 */
export function fileLandedAtMs(eventTime: string | undefined, sentTimestamp: string | undefined) {
  // Runs for every file of a batch: no arrays on purpose.
  const event = eventTime ? Date.parse(eventTime) : Number.NaN;
  const sent = sentTimestamp ? Number(sentTimestamp) : Number.NaN;
  const eventValid = Number.isFinite(event) && event > 0;
  const sentValid = Number.isFinite(sent) && sent > 0;
  if (eventValid && sentValid) return Math.min(event, sent);
  return eventValid ? event : sentValid ? sent : undefined;
}

/** A file is covered when a trigger succeeded with a request sent at least the margin after it landed. */
export function isCovered(
  landedAtMs: number | undefined,
  entry: Pick<LedgerEntry, 'triggeredAtMs'> | undefined,
  coverageMarginSeconds: number,
): boolean {
  if (landedAtMs === undefined || entry?.triggeredAtMs === undefined) return false;
  return entry.triggeredAtMs >= landedAtMs + coverageMarginSeconds * 1000;
}
