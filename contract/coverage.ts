/** When a file landed and whether a trigger covered it: the rule that lets a record go without a call. */
import type { LedgerEntry } from './triggerLedger';

/**
 * When a file landed, as an upper bound AWS set: the S3 event time, or the message's `SentTimestamp` when
 * that is earlier or the event time is missing or unreadable. `undefined` when neither is usable: such a
 * file is never covered.
 */
export function fileLandedAtMs(eventTime: string | undefined, sentTimestamp: string | undefined) {
  // Runs for every file of a batch: no arrays on purpose.
  const event = eventTime ? parseEventTimeMs(eventTime) : Number.NaN;
  const sent = sentTimestamp ? Number(sentTimestamp) : Number.NaN;
  const eventValid = Number.isFinite(event) && event > 0;
  const sentValid = Number.isFinite(sent) && sent > 0;
  if (eventValid && sentValid) return Math.min(event, sent);
  return eventValid ? event : sentValid ? sent : undefined;
}

/** The number the digits of `text` from `from` to `to` (exclusive) spell, or NaN if one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let at = from; at < to; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * An event time in ms. S3 writes `1970-01-01T00:00:00.000Z` (UTC, milliseconds); that exact shape is read by
 * hand, a fraction of `Date.parse`'s cost for each file of a full batch. Anything else (EventBridge's `…:00Z`, an
 * offset, a day past the 28th, where months differ) goes to `Date.parse`, so the two always agree.
 */
export function parseEventTimeMs(text: string): number {
  const shaped =
    text.length === 24 &&
    text[4] === '-' &&
    text[7] === '-' &&
    text[10] === 'T' &&
    text[13] === ':' &&
    text[16] === ':' &&
    text[19] === '.' &&
    text[23] === 'Z';
  if (!shaped) return Date.parse(text);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  const hour = digitsAt(text, 11, 13);
  const minute = digitsAt(text, 14, 16);
  const second = digitsAt(text, 17, 19);
  const fits =
    month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour <= 23 && minute <= 59 && second <= 59;
  if (!fits) return Date.parse(text);
  const ms = Date.UTC(digitsAt(text, 0, 4), month - 1, day, hour, minute, second, digitsAt(text, 20, 23));
  return Number.isNaN(ms) ? Date.parse(text) : ms;
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
