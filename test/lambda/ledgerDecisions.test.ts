import { describe, expect, it } from 'vitest';
import type { ImportTrigger, PlannedFile } from '../../lambda/coalesceByImport';
import { decideCalls } from '../../lambda/ledgerDecisions';

const UUID = 'aaaaaaaa-0000-4000-8000-000000000001';
const NOW = 1_000_000_000;
const settings = {
  coverageMarginSeconds: 1,
  maxSettleSeconds: 900,
  maxReceiveCount: 6,
  batchWindowSeconds: 0,
  requestTimeoutSeconds: 10,
};
const file = (messageId: string, landedAtMs: number | undefined): PlannedFile => ({
  key: `daily/${messageId}.csv`,
  messageId,
  landedAtMs,
});
const triggerOf = (files: PlannedFile[], settleSeconds?: number): ImportTrigger => ({
  uuid: UUID,
  prefixes: new Set(['daily/']),
  messageIds: new Set(files.map(({ messageId }) => messageId)),
  keys: files.map(({ key }) => key),
  files,
  ...(settleSeconds === undefined ? {} : { settleSeconds }),
});
const firstReceive = () => 1;

describe('Function: decideCalls()', () => {
  it('calls every import, settling or not, when there are no entries (ledger off or unreadable)', () => {
    // Prepare
    const trigger = triggerOf([file('a', NOW)], 60);

    // Act
    const [decision] = decideCalls([trigger], undefined, firstReceive, settings, NOW);

    // Assess
    expect(decision).toEqual({ trigger, covered: [], entry: undefined, action: { kind: 'call' } });
  });

  it('narrows the trigger to the uncovered files and the records behind them', () => {
    // Prepare
    const entries = new Map([[UUID, { importUuid: UUID, triggeredAtMs: NOW - 10_000, version: 1 }]]);
    const trigger = triggerOf([
      file('old', NOW - 60_000),
      file('new', NOW - 5000),
      file('old', NOW - 50_000),
    ]);

    // Act
    const [decision] = decideCalls([trigger], entries, firstReceive, settings, NOW);

    // Assess
    expect(decision?.action).toEqual({ kind: 'call' });
    expect([...(decision?.trigger.messageIds ?? [])]).toEqual(['new']);
    expect(decision?.trigger.keys).toEqual(['daily/new.csv']);
    expect(decision?.covered.map(({ landedAtMs }) => landedAtMs)).toEqual([NOW - 60_000, NOW - 50_000]);
  });

  it('settles an import the ledger has never seen on the batch’s own files', () => {
    // Act
    const [decision] = decideCalls(
      [triggerOf([file('a', NOW - 20_000)], 60)],
      new Map(),
      firstReceive,
      settings,
      NOW,
    );

    // Assess
    expect(decision?.action).toEqual({ kind: 'wait', reason: 'settle', delaySeconds: 40 });
  });

  it('calls a settling import at once when a file has no landing time (it cannot be settled on)', () => {
    // Prepare
    const trigger = triggerOf([file('a', NOW - 1000), file('b', undefined)], 60);

    // Act
    const [decision] = decideCalls([trigger], new Map(), firstReceive, settings, NOW);

    // Assess
    expect(decision?.action).toEqual({ kind: 'call' });
  });

  it('lets busy win over settling', () => {
    // Prepare
    const entries = new Map([[UUID, { importUuid: UUID, busyUntilMs: NOW + 5000, version: 1 }]]);

    // Act
    const [decision] = decideCalls([triggerOf([file('a', NOW)], 60)], entries, firstReceive, settings, NOW);

    // Assess
    expect(decision?.action).toMatchObject({ kind: 'wait', reason: 'busy' });
  });
});
