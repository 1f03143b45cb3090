import { describe, expect, it } from 'vitest';
import { BATCHED, dropRecord, ledgerBatch, MAX_RECEIVE_COUNT, NOW, SETTLE_SECONDS } from './ledgerBatch';

describe('Function: processBatch() – the settle window', () => {
  it('waits, without a call, until no new file has landed for settleSeconds', async () => {
    // Prepare
    const batch = ledgerBatch();
    const older = dropRecord(['batched/1.csv'], 40);
    const newer = dropRecord(['batched/2.csv'], 10);

    // Act
    const response = await batch.run(older, newer);

    // Assess
    expect(batch.calledUuids()).toEqual([]);
    expect(response.batchItemFailures).toHaveLength(2);
    const wait = SETTLE_SECONDS - 10;
    expect(batch.delays()).toEqual({ [older.messageId]: wait, [newer.messageId]: wait });
    expect(batch.counted.FilesSettling).toEqual([2]);
    expect(batch.ledger.entries.get(BATCHED)).toMatchObject({
      newestFileAtMs: NOW - 10_000,
      waiting: { files: 2, atMs: NOW },
    });
  });

  it('counts the window from the newest file the ledger knows, when other batches saw a newer one', async () => {
    // Prepare
    const batch = ledgerBatch({}, [{ importUuid: BATCHED, newestFileAtMs: NOW - 2000, version: 4 }]);
    const record = dropRecord(['batched/1.csv'], 50);

    // Act
    await batch.run(record);

    // Assess
    expect(batch.calledUuids()).toEqual([]);
    expect(batch.delays()).toEqual({ [record.messageId]: SETTLE_SECONDS - 2 });
    expect(batch.ledger.entries.get(BATCHED)?.newestFileAtMs).toBe(NOW - 2000);
  });

  it('triggers once the window has passed', async () => {
    // Prepare
    const batch = ledgerBatch();

    // Act
    const response = await batch.run(dropRecord(['batched/1.csv'], SETTLE_SECONDS));

    // Assess
    expect(batch.calledUuids()).toEqual([BATCHED]);
    expect(response.batchItemFailures).toEqual([]);
  });

  it('triggers maxSettleSeconds after the oldest waiting file, though files keep landing', async () => {
    // Prepare
    const batch = ledgerBatch({}, [{ importUuid: BATCHED, newestFileAtMs: NOW - 1000, version: 9 }]);

    // Act
    await batch.run(dropRecord(['batched/1.csv'], 900), dropRecord(['batched/2.csv'], 1));

    // Assess
    expect(batch.calledUuids()).toEqual([BATCHED]);
  });

  it('waits at most until maxSettleSeconds after the oldest file', async () => {
    // Prepare
    const batch = ledgerBatch();
    const oldest = dropRecord(['batched/1.csv'], 895);

    // Act
    await batch.run(oldest, dropRecord(['batched/2.csv'], 1));

    // Assess
    expect(batch.delays()[oldest.messageId]).toBe(5);
  });

  it('triggers when a record has used half its receives, so its retries keep the other half', async () => {
    // Prepare
    const batch = ledgerBatch();
    const halfway = dropRecord(['batched/1.csv'], 5, MAX_RECEIVE_COUNT / 2);

    // Act
    await batch.run(dropRecord(['batched/2.csv'], 5), halfway);

    // Assess
    expect(batch.calledUuids()).toEqual([BATCHED]);
  });

  it('keeps waiting on a receive before the halfway one', async () => {
    // Prepare
    const batch = ledgerBatch();

    // Act
    await batch.run(dropRecord(['batched/1.csv'], 5, MAX_RECEIVE_COUNT / 2 - 1));

    // Assess
    expect(batch.calledUuids()).toEqual([]);
  });
});
