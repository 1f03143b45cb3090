import { describe, expect, it } from 'vitest';
import type { TriggerOutcome } from '../../lambda/triggerWithRetries';
import {
  DAILY,
  dropRecord,
  ledgerBatch,
  MAX_RECEIVE_COUNT,
  NOW,
  PROBE_GRACE_SECONDS,
  triggeredOutcome,
} from './ledgerBatch';

const outcome = (status: number, extra: Partial<TriggerOutcome> = {}): TriggerOutcome => ({
  verdict: status === 405 ? 'busy' : 'transient',
  status,
  message: 'already being processed',
  attempts: 1,
  ...extra,
});

describe('Function: processBatch() – one probe at a time while an import is busy', () => {
  it('does not call a busy import; its records wait until one probe grace after the busy period', async () => {
    // Prepare
    const busyUntilMs = NOW + 60_000;
    const batch = ledgerBatch({}, [{ importUuid: DAILY, busyUntilMs, version: 2 }]);
    const record = dropRecord(['daily/a.csv', 'daily/b.csv'], 5, 2);

    // Act
    const response = await batch.run(record);

    // Assess
    expect(batch.calledUuids()).toEqual([]);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
    expect(batch.delays()).toEqual({ [record.messageId]: 60 + PROBE_GRACE_SECONDS });
    expect(batch.counted.FilesWaitingOnBusyImport).toEqual([2]);
    expect(batch.ledger.entries.get(DAILY)?.waiting).toEqual({ files: 2, atMs: NOW });
  });

  it('calls a busy import when one of its records is on its last receive (waiting would dead-letter it)', async () => {
    // Prepare
    const batch = ledgerBatch({}, [{ importUuid: DAILY, busyUntilMs: NOW + 60_000, version: 2 }]);
    const waiting = dropRecord(['daily/a.csv'], 5, 1);
    const last = dropRecord(['daily/b.csv'], 5, MAX_RECEIVE_COUNT);

    // Act
    const response = await batch.run(waiting, last);

    // Assess
    expect(batch.calledUuids()).toEqual([DAILY]);
    expect(response.batchItemFailures).toEqual([]);
  });

  it('calls once the busy period is over', async () => {
    // Prepare
    const batch = ledgerBatch({}, [{ importUuid: DAILY, busyUntilMs: NOW, version: 2 }]);

    // Act
    await batch.run(dropRecord(['daily/a.csv'], 5));

    // Assess
    expect(batch.calledUuids()).toEqual([DAILY]);
  });

  it('lets the batch holding the probe call from a second before the busy period ends, and starts the next period', async () => {
    // Prepare: SQS handed the probe out 500 ms before the period ends, as the function's clock counts it.
    const probe = dropRecord(['daily/a.csv'], 5, 2);
    const batch = ledgerBatch({ [DAILY]: outcome(405) }, [
      {
        importUuid: DAILY,
        busyUntilMs: NOW + 500,
        probeMessageId: probe.messageId,
        busyStreak: 1,
        version: 2,
      },
    ]);

    // Act
    await batch.run(probe);

    // Assess: the second busy answer in a row: 60 s, with this record as the probe again.
    expect(batch.calledUuids()).toEqual([DAILY]);
    expect(batch.ledger.entries.get(DAILY)).toMatchObject({
      busyUntilMs: NOW + 60_000,
      busyStreak: 2,
      probeMessageId: probe.messageId,
    });
    expect(batch.delays()).toEqual({ [probe.messageId]: 60 });
  });

  it('records a 405 as busy until its probe, the record with the most receives left, comes back; the rest return a grace later', async () => {
    // Prepare: first receive (backoff 30 s) and third (120 s); the first busy answer makes 30 s.
    const batch = ledgerBatch({ [DAILY]: outcome(405) });
    const probe = dropRecord(['daily/a.csv'], 5, 1);
    const fresh = dropRecord(['daily/b.csv'], 5, 1);
    const older = dropRecord(['daily/c.csv'], 5, 3);

    // Act
    await batch.run(older, probe, fresh);

    // Assess
    const entry = batch.ledger.entries.get(DAILY);
    expect(entry?.busyUntilMs).toBe(NOW + 30_000);
    expect(entry?.busyStreak).toBe(1);
    expect(entry?.probeMessageId).toBe(probe.messageId);
    expect(batch.delays()).toEqual({
      [probe.messageId]: 30,
      [fresh.messageId]: 30 + PROBE_GRACE_SECONDS,
      [older.messageId]: 120,
    });
    expect(entry?.lastOutcome).toEqual({
      verdict: 'busy',
      status: '405',
      atMs: NOW,
      message: 'already being processed',
    });
    expect(entry?.waiting).toEqual({ files: 3, atMs: NOW });
  });

  it('doubles the busy period with each busy answer in a row and starts again after a success', async () => {
    // Prepare: three 405s in a row so far.
    const busy = ledgerBatch({ [DAILY]: outcome(405) }, [
      { importUuid: DAILY, busyUntilMs: NOW - 1, busyStreak: 3, version: 4 },
    ]);
    const succeeded = ledgerBatch({}, [{ importUuid: DAILY, busyStreak: 3, version: 4 }]);

    // Act
    await busy.run(dropRecord(['daily/a.csv'], 5, 1));
    await succeeded.run(dropRecord(['daily/a.csv'], 5, 1));

    // Assess: the fourth answer: 30 s * 2^3.
    expect(busy.ledger.entries.get(DAILY)).toMatchObject({ busyStreak: 4, busyUntilMs: NOW + 240_000 });
    expect(Object.values(busy.delays())).toEqual([240]);
    expect(succeeded.ledger.entries.get(DAILY)?.busyStreak).toBe(0);
  });

  it('re-reads the ledger once for a last receive refused busy and acknowledges it when another environment’s trigger covers it now', async () => {
    // Prepare: while this batch calls, another environment's trigger (sent 2 s ago) lands in the ledger and
    // ends a streak of three busy answers.
    const batch = ledgerBatch({}, [{ importUuid: DAILY, busyStreak: 3, version: 2 }]);
    batch.trigger.mockImplementationOnce(async () => {
      const triggered = { verdict: 'triggered', status: '200', atMs: NOW - 1000 } as const;
      batch.ledger.entries.set(DAILY, {
        importUuid: DAILY,
        triggeredAtMs: NOW - 2000,
        lastOutcome: triggered,
        busyStreak: 0,
        version: 3,
      });
      return outcome(405);
    });
    const last = dropRecord(['daily/a.csv'], 60, MAX_RECEIVE_COUNT);
    const uncovered = dropRecord(['daily/b.csv'], 1, MAX_RECEIVE_COUNT);
    const fresh = dropRecord(['daily/c.csv'], 1, 1);

    // Act
    const response = await batch.run(last, uncovered, fresh);

    // Assess: the busy period counts from the streak as read again (the first 405 after a success: 30 s).
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: uncovered.messageId },
      { itemIdentifier: fresh.messageId },
    ]);
    expect(batch.ledger.counts.reads).toBe(2);
    expect(batch.counted.FilesCovered).toEqual([1]);
    expect(batch.delays()[fresh.messageId]).toBe(30);
    expect(batch.ledger.entries.get(DAILY)).toMatchObject({ busyStreak: 1, busyUntilMs: NOW + 30_000 });
  });

  it('neither lengthens nor restarts a running busy period when a last receive had to call', async () => {
    // Prepare
    const busyUntilMs = NOW + 100_000;
    const batch = ledgerBatch({ [DAILY]: outcome(405) }, [
      { importUuid: DAILY, busyUntilMs, busyStreak: 2, version: 2 },
    ]);
    const waiting = dropRecord(['daily/a.csv'], 5, 1);

    // Act
    await batch.run(waiting, dropRecord(['daily/b.csv'], 5, MAX_RECEIVE_COUNT));

    // Assess
    expect(batch.ledger.entries.get(DAILY)).toMatchObject({ busyUntilMs, busyStreak: 2 });
    expect(batch.delays()[waiting.messageId]).toBe(100 + PROBE_GRACE_SECONDS);
  });

  it('does not read the ledger again when no last receive was refused busy', async () => {
    // Prepare
    const batch = ledgerBatch({ [DAILY]: outcome(405) });

    // Act
    await batch.run(dropRecord(['daily/a.csv'], 5, MAX_RECEIVE_COUNT - 1));

    // Assess
    expect(batch.ledger.counts.reads).toBe(1);
  });

  it('records a 429 with Retry-After as busy, and a 429 without it as not busy', async () => {
    // Prepare
    const withRetryAfter = ledgerBatch({ [DAILY]: outcome(429, { retryAfterSeconds: 120 }) });
    const without = ledgerBatch({ [DAILY]: outcome(429) });

    // Act
    await withRetryAfter.run(dropRecord(['daily/a.csv'], 5));
    await without.run(dropRecord(['daily/a.csv'], 5));

    // Assess
    expect(withRetryAfter.ledger.entries.get(DAILY)?.busyUntilMs).toBe(NOW + 120_000);
    expect(without.ledger.entries.get(DAILY)?.busyUntilMs).toBeUndefined();
  });

  it('records the send time of a successful trigger and the newest file it saw', async () => {
    // Prepare
    const batch = ledgerBatch({ [DAILY]: triggeredOutcome(NOW + 20) });

    // Act
    await batch.run(dropRecord(['daily/a.csv'], 30), dropRecord(['daily/b.csv'], 10));

    // Assess
    expect(batch.ledger.entries.get(DAILY)).toMatchObject({
      triggeredAtMs: NOW + 20,
      newestFileAtMs: NOW - 10_000,
      lastOutcome: { verdict: 'triggered', status: '200', atMs: NOW },
      waiting: { files: 0, atMs: NOW },
      version: 1,
    });
  });

  it('reads the ledger once per batch and writes each import at most once', async () => {
    // Prepare
    const batch = ledgerBatch();
    const records = Array.from({ length: 6 }, (_, index) =>
      dropRecord([`daily/${index}.csv`, `vip/${index}.csv`], 5),
    );

    // Act
    await batch.run(...records);

    // Assess
    expect(batch.ledger.counts).toEqual({ reads: 1, writes: 2 });
  });
});
