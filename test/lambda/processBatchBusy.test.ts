import { describe, expect, it } from 'vitest';
import { PROBE_GRACE_SECONDS } from '../../contract/redeliveryPolicy';
import type { TriggerOutcome } from '../../lambda/triggerWithRetries';
import { DAILY, dropRecord, ledgerBatch, MAX_RECEIVE_COUNT, NOW, triggeredOutcome } from './ledgerBatch';

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

  it('records a 405 as busy until the smallest delay its records got', async () => {
    // Prepare: first receive waits 30 s, third 120 s.
    const batch = ledgerBatch({ [DAILY]: outcome(405) });

    // Act
    await batch.run(dropRecord(['daily/a.csv'], 5, 1), dropRecord(['daily/b.csv'], 5, 3));

    // Assess
    const entry = batch.ledger.entries.get(DAILY);
    expect(entry?.busyUntilMs).toBe(NOW + 30_000);
    expect(entry?.lastOutcome).toEqual({
      verdict: 'busy',
      status: '405',
      atMs: NOW,
      message: 'already being processed',
    });
    expect(entry?.waiting).toEqual({ files: 2, atMs: NOW });
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
