import { describe, expect, it } from 'vitest';
import { probeGraceSeconds } from '../../contract/redeliveryPolicy';
import type { LedgerEntry } from '../../contract/triggerLedger';
import { busyDelaysByRecord, isBusyAnswer, planBusyAnswers } from '../../lambda/busyAnswers';
import type { ImportTrigger } from '../../lambda/coalesceByImport';
import type { TriggeredImport } from '../../lambda/triggerImports';
import type { TriggerOutcome } from '../../lambda/triggerWithRetries';

const UUID = 'aaaaaaaa-0000-4000-8000-000000000001';
const NOW = 1_000_000;
const settings = {
  maxReceiveCount: 10,
  retryBaseDelaySeconds: 30,
  retryMaxDelaySeconds: 1800,
  batchWindowSeconds: 5,
  requestTimeoutSeconds: 10,
};
/** 20 s: a batching window, a request timeout and 5 s. */
const PROBE_GRACE_SECONDS = probeGraceSeconds(settings);
const BUSY: TriggerOutcome = { verdict: 'busy', status: 405, message: 'in progress', attempts: 1 };

/** An import whose records (by id) have these receive counts. */
function answered(receives: Record<string, number>, outcome: TriggerOutcome = BUSY) {
  const trigger: ImportTrigger = {
    uuid: UUID,
    prefixes: new Set(['daily/']),
    messageIds: new Set(Object.keys(receives)),
    keys: [],
    files: [],
  };
  const triggered: TriggeredImport[] = [{ trigger, outcome }];
  return { triggered, receivesOf: (id: string) => receives[id] ?? 1 };
}
const ledgerWith = (busyStreak?: number) =>
  new Map<string, LedgerEntry>([
    [UUID, { importUuid: UUID, version: 3, ...(busyStreak === undefined ? {} : { busyStreak }) }],
  ]);

describe('Function: planBusyAnswers()', () => {
  it('brings the record with the most receives left back first, when the busy period ends, and the rest a grace later', () => {
    // Prepare
    const { triggered, receivesOf } = answered({ m1: 2, m2: 1, m3: 1 });

    // Act
    const [answer] = planBusyAnswers(triggered, ledgerWith(), receivesOf, settings, NOW);

    // Assess: first busy answer, 30 s; m2 is the first of the records with one receive used.
    expect(answer?.probeMessageId).toBe('m2');
    expect(answer?.busyUntilMs).toBe(NOW + 30_000);
    expect(Object.fromEntries(answer?.delays ?? [])).toEqual({
      m1: 60, // its own backoff (second receive) is longer than the probe's return plus the grace
      m2: 30,
      m3: 30 + PROBE_GRACE_SECONDS,
    });
  });

  it('doubles the busy period with the import’s busy streak, so waiting records do not burn a receive every base delay', () => {
    // Prepare: four busy answers so far; this is the fifth.
    const { triggered, receivesOf } = answered({ m1: 1, m2: 1 });

    // Act
    const [answer] = planBusyAnswers(triggered, ledgerWith(4), receivesOf, settings, NOW);

    // Assess
    expect(answer?.busyUntilMs).toBe(NOW + 480_000);
    expect(Object.fromEntries(answer?.delays ?? [])).toEqual({ m1: 480, m2: 480 + PROBE_GRACE_SECONDS });
  });

  it('keeps the probe’s own backoff when it is longer than the busy period', () => {
    // Prepare: every record has used six receives (backoff 960 s); the streak starts.
    const { triggered, receivesOf } = answered({ m1: 6 });

    // Act
    const [answer] = planBusyAnswers(triggered, ledgerWith(0), receivesOf, settings, NOW);

    // Assess
    expect(answer?.busyUntilMs).toBe(NOW + 960_000);
  });

  it('gives last receives no delay and no probe; with only last receives there is no busy period', () => {
    // Prepare
    const mixed = answered({ last: 10, m1: 3 });
    const onlyLast = answered({ last: 10 });

    // Act
    const [withProbe] = planBusyAnswers(mixed.triggered, ledgerWith(), mixed.receivesOf, settings, NOW);
    const [without] = planBusyAnswers(onlyLast.triggered, ledgerWith(), onlyLast.receivesOf, settings, NOW);

    // Assess
    expect(withProbe?.probeMessageId).toBe('m1');
    expect(withProbe?.delays.get('last')).toBe(0);
    expect(without).toEqual({ uuid: UUID, delays: new Map([['last', 0]]) });
  });

  it('plans no probe when the import was called during a known busy period (a last receive had to): the rest wait for the probe out there', () => {
    // Prepare: busy for another 100 s, streak 3.
    const { triggered, receivesOf } = answered({ last: 10, m1: 1, m2: 5 });
    const entries = new Map<string, LedgerEntry>([
      [UUID, { importUuid: UUID, busyUntilMs: NOW + 100_000, busyStreak: 3, version: 3 }],
    ]);

    // Act
    const [answer] = planBusyAnswers(triggered, entries, receivesOf, settings, NOW);

    // Assess: m2's own backoff (fifth receive, 480 s) is longer than the wait.
    expect(answer?.busyUntilMs).toBeUndefined();
    expect(answer?.probeMessageId).toBeUndefined();
    expect(Object.fromEntries(answer?.delays ?? [])).toEqual({
      last: 0,
      m1: 100 + PROBE_GRACE_SECONDS,
      m2: 480,
    });
  });

  it('starts the next busy period when the probe itself called less than a second before its period ended', () => {
    // Prepare: the period ends in 500 ms; m1 is its probe; streak 1.
    const { triggered, receivesOf } = answered({ m1: 1, m2: 1 });
    const entries = new Map<string, LedgerEntry>([
      [UUID, { importUuid: UUID, busyUntilMs: NOW + 500, probeMessageId: 'm1', busyStreak: 1, version: 3 }],
    ]);

    // Act
    const [answer] = planBusyAnswers(triggered, entries, receivesOf, settings, NOW);

    // Assess: the second busy answer: 60 s.
    expect(answer?.busyUntilMs).toBe(NOW + 60_000);
    expect(answer?.probeMessageId).toBe('m1');
    expect(Object.fromEntries(answer?.delays ?? [])).toEqual({ m1: 60, m2: 60 + PROBE_GRACE_SECONDS });
  });

  it('waits at least a 429’s Retry-After without counting it in the streak', () => {
    // Prepare
    const { triggered, receivesOf } = answered(
      { m1: 1 },
      { verdict: 'transient', status: 429, message: 'slow down', attempts: 1, retryAfterSeconds: 200 },
    );

    // Act
    const [fromNoStreak] = planBusyAnswers(triggered, ledgerWith(), receivesOf, settings, NOW);
    const [fromStreak] = planBusyAnswers(triggered, ledgerWith(4), receivesOf, settings, NOW);

    // Assess: streak 4 means 240 s (a 429 leaves it at 4).
    expect(fromNoStreak?.busyUntilMs).toBe(NOW + 200_000);
    expect(fromStreak?.busyUntilMs).toBe(NOW + 240_000);
  });

  it('plans nothing for imports that did not answer busy', () => {
    // Prepare
    const ok = answered({ m1: 1 }, { verdict: 'triggered', status: 200, message: '', attempts: 1 });
    const down = answered({ m1: 1 }, { verdict: 'transient', status: 503, message: '', attempts: 3 });
    const slow = answered({ m1: 1 }, { verdict: 'transient', status: 429, message: '', attempts: 3 });

    // Act / Assess
    for (const { triggered, receivesOf } of [ok, down, slow]) {
      expect(planBusyAnswers(triggered, ledgerWith(), receivesOf, settings, NOW)).toEqual([]);
    }
  });
});

describe('Function: isBusyAnswer()', () => {
  it('takes a 405 and a 429 with Retry-After as busy, not a 429 without it', () => {
    // Act / Assess
    expect(isBusyAnswer(BUSY)).toBe(true);
    expect(isBusyAnswer({ ...BUSY, verdict: 'transient', status: 429, retryAfterSeconds: 5 })).toBe(true);
    expect(isBusyAnswer({ ...BUSY, verdict: 'transient', status: 429 })).toBe(false);
  });
});

describe('Function: busyDelaysByRecord()', () => {
  it('gives a record behind two busy imports the longer delay', () => {
    // Act
    const delays = busyDelaysByRecord([
      { uuid: 'a', delays: new Map([['m1', 40]]) },
      {
        uuid: 'b',
        delays: new Map([
          ['m1', 70],
          ['m2', 0],
        ]),
      },
    ]);

    // Assess
    expect(Object.fromEntries(delays)).toEqual({ m1: 70, m2: 0 });
  });
});
