import { describe, expect, it, vi } from 'vitest';
import type { LedgerEntry, LedgerStore } from '../../contract/triggerLedger';
import type { ImportTrigger, PlannedFile } from '../../lambda/coalesceByImport';
import {
  acknowledgeCoveredLastReceives,
  importsToRecheck,
  recheckLastReceives,
} from '../../lambda/recheckLastReceives';
import type { TriggeredImport } from '../../lambda/triggerImports';
import type { TriggerOutcome } from '../../lambda/triggerWithRetries';

const UUID = 'aaaaaaaa-0000-4000-8000-000000000001';
const settings = { maxReceiveCount: 5, coverageMarginSeconds: 1 };
const BUSY: TriggerOutcome = { verdict: 'busy', status: 405, message: 'in progress', attempts: 1 };
const receives: Record<string, number> = { last: 5, lastLate: 5, early: 2 };
const receivesOf = (id: string) => receives[id] ?? 1;

/** One import's call: files by record id, landed at the given ms. */
function answered(files: [string, number][], outcome: TriggerOutcome = BUSY): TriggeredImport[] {
  const planned: PlannedFile[] = files.map(([messageId, landedAtMs], index) => ({
    key: `daily/${messageId}-${index}.csv`,
    messageId,
    landedAtMs,
  }));
  const trigger: ImportTrigger = {
    uuid: UUID,
    prefixes: new Set(['daily/']),
    messageIds: new Set(files.map(([id]) => id)),
    keys: planned.map(({ key }) => key),
    files: planned,
  };
  return [{ trigger, outcome }];
}
const triggeredAt = (triggeredAtMs: number) =>
  new Map<string, LedgerEntry>([[UUID, { importUuid: UUID, triggeredAtMs, version: 5 }]]);

describe('Function: importsToRecheck()', () => {
  it('names the imports that answered busy to a record on its last receive, and no other', () => {
    // Act / Assess
    expect(importsToRecheck(answered([['last', 1]]), receivesOf, settings)).toEqual([UUID]);
    expect(importsToRecheck(answered([['early', 1]]), receivesOf, settings)).toEqual([]);
    const down: TriggerOutcome = { verdict: 'transient', status: 503, message: '', attempts: 3 };
    expect(importsToRecheck(answered([['last', 1]], down), receivesOf, settings)).toEqual([]);
  });
});

describe('Function: acknowledgeCoveredLastReceives()', () => {
  it('takes a last receive that a newer trigger covers off its import’s failure, and keeps the rest', () => {
    // Prepare: the other environment's trigger went out at 10 s.
    const triggered = answered([
      ['last', 5_000],
      ['lastLate', 9_500],
      ['early', 1_000],
    ]);

    // Act
    const rechecked = acknowledgeCoveredLastReceives(triggered, triggeredAt(10_000), receivesOf, settings);

    // Assess: lastLate landed within the margin of the trigger; early is not on its last receive.
    const [trigger] = rechecked.triggered.map((item) => item.trigger);
    expect([...(trigger?.messageIds ?? [])]).toEqual(['lastLate', 'early']);
    expect(trigger?.files.map(({ messageId }) => messageId)).toEqual(['lastLate', 'early']);
    expect(rechecked.covered.get(UUID)?.map(({ messageId }) => messageId)).toEqual(['last']);
  });

  it('keeps a last receive with one file the trigger does not cover', () => {
    // Act
    const rechecked = acknowledgeCoveredLastReceives(
      answered([
        ['last', 5_000],
        ['last', 12_000],
      ]),
      triggeredAt(10_000),
      receivesOf,
      settings,
    );

    // Assess
    expect([...(rechecked.triggered[0]?.trigger.messageIds ?? [])]).toEqual(['last']);
    expect(rechecked.covered.size).toBe(0);
  });
});

describe('Function: recheckLastReceives()', () => {
  const log = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });
  const store = (read: LedgerStore['read']): LedgerStore => ({ read: vi.fn(read), write: vi.fn() });

  it('reads the ledger again only for a last receive refused busy, and logs the covered files once per import', async () => {
    // Prepare
    const ledger = store(async () => triggeredAt(10_000));
    const batchLog = log();

    // Act
    const none = await recheckLastReceives(
      answered([['early', 1]]),
      ledger,
      receivesOf,
      settings,
      1000,
      batchLog,
    );
    const some = await recheckLastReceives(
      answered([['last', 1]]),
      ledger,
      receivesOf,
      settings,
      1000,
      batchLog,
    );

    // Assess
    expect(none.covered.size).toBe(0);
    expect(ledger.read).toHaveBeenCalledTimes(1);
    expect(ledger.read).toHaveBeenCalledWith([UUID]);
    expect(some.triggered[0]?.trigger.messageIds.size).toBe(0);
    expect(batchLog.info).toHaveBeenCalledWith(
      'last receives covered by the trigger at 1970-01-01T00:00:10.000Z',
      {
        importUuid: UUID,
        files: 1,
        sampleKeys: ['daily/last-0.csv'],
      },
    );
  });

  it('changes nothing when the re-read fails: the last receive moves to the dead-letter queue', async () => {
    // Prepare
    const ledger = store(async () => {
      throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
    });
    const batchLog = log();
    const triggered = answered([['last', 1]]);

    // Act
    const rechecked = await recheckLastReceives(triggered, ledger, receivesOf, settings, 1000, batchLog);

    // Assess
    expect(rechecked.triggered).toBe(triggered);
    expect(batchLog.warn).toHaveBeenCalledWith(
      'trigger ledger re-read failed; last receives move to the dead-letter queue',
      { error: 'ThrottlingException: slow down' },
    );
  });
});
