import { describe, expect, it } from 'vitest';
import { isProbeDueAt, mergeLedgerEntry, PROBE_EARLY_MS } from '../../contract/ledgerMerge';
import { busyPeriodSeconds, MAX_REDELIVERY_DELAY_SECONDS } from '../../contract/redeliveryPolicy';
import { type LedgerEntry, type LedgerOutcome, toLedgerItem } from '../../contract/triggerLedger';

const UUID = 'aaaaaaaa-0000-4000-8000-000000000001';
const SETTINGS = { retryBaseDelaySeconds: 30, retryMaxDelaySeconds: 1800 };
const outcome = (verdict: LedgerOutcome['verdict'], atMs: number): LedgerOutcome => ({
  verdict,
  status: verdict === 'busy' ? '405' : verdict === 'triggered' ? '200' : '503',
  atMs,
});
const stored = (busyStreak: number | undefined, atMs = 1000): LedgerEntry => ({
  importUuid: UUID,
  lastOutcome: outcome('busy', atMs),
  ...(busyStreak === undefined ? {} : { busyStreak }),
  version: 2,
});

describe('Function: mergeLedgerEntry() – the busy streak', () => {
  it('starts the streak at 1 with the first busy answer', () => {
    // Act
    const merged = mergeLedgerEntry(UUID, undefined, { lastOutcome: outcome('busy', 1000) });

    // Assess
    expect(merged.busyStreak).toBe(1);
    expect(toLedgerItem(merged).busyStreak).toEqual({ N: '1' });
  });

  it('adds one for a newer busy answer', () => {
    // Act
    const merged = mergeLedgerEntry(UUID, stored(2), { lastOutcome: outcome('busy', 2000) });

    // Assess
    expect(merged.busyStreak).toBe(3);
  });

  it('resets the streak to 0 with a newer success', () => {
    // Act
    const merged = mergeLedgerEntry(UUID, stored(4), { lastOutcome: outcome('triggered', 2000) });

    // Assess
    expect(merged.busyStreak).toBe(0);
  });

  it.each(['transient', 'unauthorized', 'key-unavailable', 'deadline'] as const)(
    'leaves the streak alone for a newer %s outcome',
    (verdict) => {
      // Act
      const merged = mergeLedgerEntry(UUID, stored(2), { lastOutcome: outcome(verdict, 2000) });

      // Assess
      expect(merged.busyStreak).toBe(2);
    },
  );

  it('leaves the streak alone for an outcome no newer than the stored one, and for an update without one', () => {
    // Act
    const older = mergeLedgerEntry(UUID, stored(2, 5000), { lastOutcome: outcome('triggered', 4000) });
    const same = mergeLedgerEntry(UUID, stored(2, 5000), { lastOutcome: outcome('busy', 5000) });
    const none = mergeLedgerEntry(UUID, stored(2), { newestFileAtMs: 7000 });

    // Assess
    expect([older.busyStreak, same.busyStreak, none.busyStreak]).toEqual([2, 2, 2]);
  });

  it('adds nothing for a busy answer while the stored busy period still runs (another probe answered first)', () => {
    // Prepare: another environment's 405 made the import busy until 60 s.
    const running: LedgerEntry = { ...stored(3, 30_000), busyUntilMs: 60_000 };

    // Act
    const concurrent = mergeLedgerEntry(UUID, running, { lastOutcome: outcome('busy', 30_500) });
    const after = mergeLedgerEntry(UUID, running, { lastOutcome: outcome('busy', 60_500) });

    // Assess
    expect(concurrent.busyStreak).toBe(3);
    expect(after.busyStreak).toBe(4);
  });

  it('adds one for a busy answer less than a second before the stored busy period ends (its probe came early)', () => {
    // Prepare
    const running: LedgerEntry = { ...stored(3, 30_000), busyUntilMs: 60_000 };

    // Act
    const probe = mergeLedgerEntry(UUID, running, { lastOutcome: outcome('busy', 60_000 - PROBE_EARLY_MS) });
    const early = mergeLedgerEntry(UUID, running, {
      lastOutcome: outcome('busy', 60_000 - PROBE_EARLY_MS - 1),
    });

    // Assess
    expect(probe.busyStreak).toBe(4);
    expect(early.busyStreak).toBe(3);
  });

  it('counts from the re-read item when a conditional write lost and merges again', () => {
    // Prepare: this environment read streak 1; another wrote a busy answer first (streak 2).
    const update = { lastOutcome: outcome('busy', 3000) };
    const reread: LedgerEntry = { ...stored(2, 2000), version: 3 };

    // Act
    const merged = mergeLedgerEntry(UUID, reread, update);

    // Assess
    expect(merged).toMatchObject({ busyStreak: 3, version: 4 });
  });
});

describe('Function: mergeLedgerEntry() – the probe', () => {
  const busy = (busyUntilMs: number, probeMessageId: string): LedgerEntry => ({
    importUuid: UUID,
    busyUntilMs,
    probeMessageId,
    version: 1,
  });

  it('keeps the probe of the busy period that ends last, and round-trips it', () => {
    // Act
    const later = mergeLedgerEntry(UUID, busy(5000, 'm-old'), { busyUntilMs: 6000, probeMessageId: 'm-new' });
    const earlier = mergeLedgerEntry(UUID, busy(5000, 'm-old'), {
      busyUntilMs: 4000,
      probeMessageId: 'm-new',
    });
    const noBusy = mergeLedgerEntry(UUID, busy(5000, 'm-old'), { newestFileAtMs: 1 });

    // Assess
    expect([later.probeMessageId, earlier.probeMessageId, noBusy.probeMessageId]).toEqual([
      'm-new',
      'm-old',
      'm-old',
    ]);
    expect(toLedgerItem(later).probeMessageId).toEqual({ S: 'm-new' });
  });
});

describe('Function: isProbeDueAt()', () => {
  it('is due from PROBE_EARLY_MS before the busy period ends, and always without a busy period', () => {
    // Prepare
    const entry = { busyUntilMs: 60_000 };

    // Act / Assess
    expect(isProbeDueAt(entry, 60_000 - PROBE_EARLY_MS - 1)).toBe(false);
    expect(isProbeDueAt(entry, 60_000 - PROBE_EARLY_MS)).toBe(true);
    expect(isProbeDueAt(entry, 70_000)).toBe(true);
    expect(isProbeDueAt({}, 0)).toBe(true);
  });
});

describe('Function: busyPeriodSeconds()', () => {
  it('is one retry base delay for the first busy answer and doubles with each one after', () => {
    // Act / Assess
    expect([1, 2, 3, 4, 5].map((streak) => busyPeriodSeconds(streak, SETTINGS))).toEqual([
      30, 60, 120, 240, 480,
    ]);
  });

  it('never exceeds retryMaxDelaySeconds, however long the streak', () => {
    // Act / Assess
    expect(busyPeriodSeconds(7, SETTINGS)).toBe(1800);
    expect(busyPeriodSeconds(500, SETTINGS)).toBe(1800);
    expect(busyPeriodSeconds(40, { retryBaseDelaySeconds: 30, retryMaxDelaySeconds: 10 ** 9 })).toBe(
      MAX_REDELIVERY_DELAY_SECONDS,
    );
  });

  it('is at least a 429’s Retry-After (capped the same way), and only that without a streak', () => {
    // Act / Assess
    expect(busyPeriodSeconds(1, SETTINGS, 90)).toBe(90);
    expect(busyPeriodSeconds(3, SETTINGS, 90)).toBe(120);
    expect(busyPeriodSeconds(0, SETTINGS, 45)).toBe(45);
    expect(busyPeriodSeconds(1, SETTINGS, 7200)).toBe(1800);
  });
});
