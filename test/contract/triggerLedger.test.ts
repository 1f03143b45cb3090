import { describe, expect, it } from 'vitest';
import { fileLandedAtMs, isCovered, parseEventTimeMs } from '../../contract/coverage';
import { mergeLedgerEntry } from '../../contract/ledgerMerge';
import { fromLedgerItem, type LedgerEntry, toLedgerItem } from '../../contract/triggerLedger';

const UUID = 'aaaaaaaa-0000-4000-8000-000000000001';
const EVENT = '2026-11-30T12:00:00.000Z';
const EVENT_MS = Date.parse(EVENT);

describe('Function: fileLandedAtMs()', () => {
  it.each([
    ['the event time when SQS received it later', EVENT, String(EVENT_MS + 3000), EVENT_MS],
    ['SentTimestamp when it is earlier', EVENT, String(EVENT_MS - 3000), EVENT_MS - 3000],
    ['SentTimestamp when the event time is missing', undefined, String(EVENT_MS), EVENT_MS],
    ['SentTimestamp when the event time is unreadable', 'noon', String(EVENT_MS), EVENT_MS],
    ['the event time when SentTimestamp is unreadable', EVENT, 'soon', EVENT_MS],
    ['nothing when neither can be read', 'noon', '', undefined],
    ['nothing for times at or before the epoch', '1970-01-01T00:00:00Z', '0', undefined],
  ])('takes %s', (_, eventTime, sentTimestamp, expected) => {
    // Act / Assess
    expect(fileLandedAtMs(eventTime, sentTimestamp)).toBe(expected);
  });
});

describe('Function: isCovered()', () => {
  it('covers a file only when the trigger was sent at least the margin after it landed', () => {
    // Act / Assess
    expect(isCovered(1000, { triggeredAtMs: 2000 }, 1)).toBe(true);
    expect(isCovered(1000, { triggeredAtMs: 1999 }, 1)).toBe(false);
    expect(isCovered(1000, { triggeredAtMs: 1000 }, 0)).toBe(true);
  });

  it('never covers a file without a landing time or an import never triggered', () => {
    // Act / Assess
    expect(isCovered(undefined, { triggeredAtMs: 2000 }, 0)).toBe(false);
    expect(isCovered(1000, {}, 0)).toBe(false);
    expect(isCovered(1000, undefined, 0)).toBe(false);
  });
});

describe('Function: mergeLedgerEntry()', () => {
  it('moves no time backwards, keeps the newest outcome and bumps the version', () => {
    // Prepare
    const stored: LedgerEntry = {
      importUuid: UUID,
      triggeredAtMs: 5000,
      busyUntilMs: 9000,
      lastOutcome: { verdict: 'busy', status: '405', atMs: 8000 },
      version: 4,
    };

    // Act
    const merged = mergeLedgerEntry(UUID, stored, {
      triggeredAtMs: 4000,
      busyUntilMs: 10_000,
      lastOutcome: { verdict: 'triggered', status: '200', atMs: 7000 },
    });

    // Assess
    expect(merged).toEqual({ ...stored, busyUntilMs: 10_000, version: 5 });
  });
});

describe('Function: toLedgerItem() / fromLedgerItem()', () => {
  it('round-trips a full entry, cutting a long message', () => {
    // Prepare
    const entry: LedgerEntry = {
      importUuid: UUID,
      triggeredAtMs: 1,
      busyUntilMs: 2,
      newestFileAtMs: 3,
      lastOutcome: { verdict: 'rejected', status: '404', atMs: 4, message: 'x'.repeat(400) },
      waiting: { files: 5, atMs: 6 },
      busyStreak: 3,
      probeMessageId: 'a-message-id',
      version: 7,
    };

    // Act
    const read = fromLedgerItem(toLedgerItem(entry));

    // Assess
    expect(read).toEqual({ ...entry, lastOutcome: { ...entry.lastOutcome, message: 'x'.repeat(300) } });
  });

  it('reads unreadable attributes as missing and an item without its key as none', () => {
    // Act / Assess
    expect(fromLedgerItem({ importUuid: { S: UUID }, triggeredAt: { N: 'soon' } })).toEqual({
      importUuid: UUID,
      version: 0,
    });
    expect(fromLedgerItem({ triggeredAt: { N: '1' } })).toBeUndefined();
  });
});

describe('Function: parseEventTimeMs()', () => {
  it.each([
    '2026-12-01T10:00:00.000Z',
    '2026-01-28T23:59:59.999Z',
    '1970-01-01T00:00:00.001Z',
    '2026-02-29T12:00:00.000Z',
    '2024-02-29T12:00:00.000Z',
    '2026-04-31T00:00:00.000Z',
    '2026-12-01T10:00:00Z',
    '2026-12-01T10:00:00.000+01:00',
    '2026-13-01T10:00:00.000Z',
    '2026-12-01T24:00:00.000Z',
    '2026-12-01T1a:00:00.000Z',
    'not a time at all, 24 ch',
  ])('reads %s exactly as Date.parse does', (text) => {
    // Assess
    expect(parseEventTimeMs(text)).toEqual(Date.parse(text));
  });
});
