import { afterEach, describe, expect, it, vi } from 'vitest';
import { LEDGER_BUDGET_MS } from '../../lambda/ledgerAccess';
import { processBatch } from '../../lambda/processBatch';
import { lambdaContext, sqsEvent } from './factories';
import { BATCHED, DAILY, dropRecord, ledgerBatch, NOW, VIP } from './ledgerBatch';

const FAILED_503 = { verdict: 'transient', status: 503, message: 'down', attempts: 3 } as const;
const LEDGER_WARNING = 'trigger ledger unavailable; calling as without it';

describe('Function: processBatch() – when the ledger fails', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls every import as without a ledger when the read fails, with one warning', async () => {
    // Prepare: the ledger would say covered and busy, had it answered.
    const batch = ledgerBatch({ [VIP]: FAILED_503 }, [
      { importUuid: DAILY, triggeredAtMs: NOW, version: 1 },
      { importUuid: VIP, busyUntilMs: NOW + 60_000, version: 1 },
    ]);
    batch.ledger.fail(true);
    const daily = dropRecord(['daily/a.csv'], 60);
    const vip = dropRecord(['vip/a.csv'], 60);

    // Act
    const response = await batch.run(daily, vip);

    // Assess
    expect(batch.calledUuids()).toEqual([DAILY, VIP]);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: vip.messageId }]);
    expect(batch.delays()).toEqual({ [vip.messageId]: 30 });
    expect(batch.log.warn).toHaveBeenCalledTimes(2); // the ledger, and VIP not triggered
    expect(batch.log.warn).toHaveBeenCalledWith(LEDGER_WARNING, expect.anything());
    expect(batch.counted.LedgerUnavailable).toEqual([1]);
    expect(batch.ledger.counts).toEqual({ reads: 1, writes: 0 });
  });

  it('leaves the records as the calls decided when the writes fail, with one warning for the batch', async () => {
    // Prepare
    const batch = ledgerBatch({ [VIP]: FAILED_503 });
    const read = batch.ledger.read.bind(batch.ledger);
    batch.ledger.read = async (uuids) => {
      const entries = await read(uuids);
      batch.ledger.fail(true);
      return entries;
    };
    const daily = dropRecord(['daily/a.csv'], 60);
    const vip = dropRecord(['vip/a.csv'], 60);

    // Act
    const response = await batch.run(daily, vip);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: vip.messageId }]);
    const warnings = batch.log.warn.mock.calls.filter(([message]) => message === LEDGER_WARNING);
    expect(warnings).toHaveLength(1);
    expect(batch.counted.LedgerUnavailable).toEqual([1]);
    expect(batch.ledger.counts.writes).toBe(2);
  });

  it('with the ledger off, calls at once (no settle window) and acknowledges only what it triggered', async () => {
    // Prepare
    const batch = ledgerBatch({ [DAILY]: FAILED_503 });
    const { ledger: _off, ...deps } = batch.deps;
    const daily = dropRecord(['daily/a.csv'], 60);
    const settling = dropRecord(['batched/a.csv'], 1);

    // Act
    const response = await processBatch(sqsEvent(daily, settling), lambdaContext(), deps);

    // Assess
    expect(batch.calledUuids()).toEqual([DAILY, BATCHED]);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: daily.messageId }]);
    expect(batch.ledger.counts).toEqual({ reads: 0, writes: 0 });
    expect(batch.counted.LedgerUnavailable).toEqual([0]);
  });

  it('gives up on a ledger that does not answer within its budget, and calls as without it', async () => {
    // Prepare
    vi.useFakeTimers();
    const batch = ledgerBatch({}, [{ importUuid: DAILY, triggeredAtMs: NOW, version: 1 }]);
    batch.ledger.read = () => new Promise(() => undefined);
    batch.ledger.write = () => new Promise(() => undefined);
    const record = dropRecord(['daily/a.csv'], 60);

    // Act
    const pending = batch.run(record);
    await vi.advanceTimersByTimeAsync(LEDGER_BUDGET_MS);
    await vi.advanceTimersByTimeAsync(LEDGER_BUDGET_MS);
    const response = await pending;

    // Assess
    expect(batch.calledUuids()).toEqual([DAILY]);
    expect(response.batchItemFailures).toEqual([]);
    expect(batch.log.warn).toHaveBeenCalledWith(LEDGER_WARNING, {
      error: `TimeBudgetError: trigger ledger read took longer than ${LEDGER_BUDGET_MS} ms`,
    });
  });

  it('answers in time when the ledger write hangs', async () => {
    // Prepare
    vi.useFakeTimers();
    const batch = ledgerBatch();
    batch.ledger.write = () => new Promise(() => undefined);
    const record = dropRecord(['daily/a.csv'], 60);

    // Act
    const pending = batch.run(record);
    await vi.advanceTimersByTimeAsync(LEDGER_BUDGET_MS);
    const response = await pending;

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(batch.counted.LedgerUnavailable).toEqual([1]);
  });
});
