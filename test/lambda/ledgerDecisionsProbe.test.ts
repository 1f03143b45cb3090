import { describe, expect, it } from 'vitest';
import { probeGraceSeconds } from '../../contract/redeliveryPolicy';
import type { LedgerEntry } from '../../contract/triggerLedger';
import type { ImportTrigger } from '../../lambda/coalesceByImport';
import { decideCalls } from '../../lambda/ledgerDecisions';

const UUID = 'aaaaaaaa-0000-4000-8000-000000000001';
const NOW = 1_000_000_000;
const settings = {
  coverageMarginSeconds: 1,
  maxSettleSeconds: 900,
  maxReceiveCount: 6,
  batchWindowSeconds: 30,
  requestTimeoutSeconds: 10,
};
/** 45 s: the probe's batch may take a whole batching window, then its call a request timeout. */
const PROBE_GRACE_SECONDS = probeGraceSeconds(settings);
const triggerOf = (...messageIds: string[]): ImportTrigger => ({
  uuid: UUID,
  prefixes: new Set(['daily/']),
  messageIds: new Set(messageIds),
  keys: messageIds.map((id) => `daily/${id}.csv`),
  files: messageIds.map((id) => ({ key: `daily/${id}.csv`, messageId: id, landedAtMs: NOW - 60_000 })),
});
/** The busy period ended 3 s ago; its probe is message `probe`; the last call was the 405 that set it. */
const ended: LedgerEntry = {
  importUuid: UUID,
  busyUntilMs: NOW - 3000,
  probeMessageId: 'probe',
  lastOutcome: { verdict: 'busy', status: '405', atMs: NOW - 60_000 },
  version: 4,
};
const decide = (trigger: ImportTrigger, entry: LedgerEntry, nowMs = NOW, receives = 1, using = settings) =>
  decideCalls([trigger], new Map([[UUID, entry]]), () => receives, using, nowMs)[0]?.action;
/** The busy period ends 400 ms from now, with message `probe` as its probe. */
const ending: LedgerEntry = { ...ended, busyUntilMs: NOW + 400 };

describe('Function: decideCalls() – the probe calls alone', () => {
  it('lets the batch that holds the probe call once the busy period is over', () => {
    // Act / Assess
    expect(decide(triggerOf('fresh', 'probe'), ended)).toEqual({ kind: 'call' });
  });

  it('makes other batches wait until one probe grace after the busy period, while the probe has not answered', () => {
    // Act / Assess
    expect(decide(triggerOf('fresh'), ended)).toEqual({
      kind: 'wait',
      reason: 'busy',
      delaySeconds: PROBE_GRACE_SECONDS - 3,
    });
  });

  it('calls once the grace is over, or once any call was answered after the busy period', () => {
    // Prepare
    const answered: LedgerEntry = {
      ...ended,
      lastOutcome: { verdict: 'transient', status: '503', atMs: NOW - 1000 },
    };

    // Act / Assess
    expect(decide(triggerOf('fresh'), ended, NOW - 3000 + PROBE_GRACE_SECONDS * 1000)).toEqual({
      kind: 'call',
    });
    expect(decide(triggerOf('fresh'), answered)).toEqual({ kind: 'call' });
  });

  it('waits a longer grace under a longer batching window, as the probe’s batch may take it to arrive', () => {
    // Prepare
    const noWindow = { ...settings, batchWindowSeconds: 0 };

    // Act / Assess
    expect(PROBE_GRACE_SECONDS).toBe(45);
    expect(decide(triggerOf('fresh'), ended, NOW + 20_000)).toMatchObject({ kind: 'wait', delaySeconds: 22 });
    expect(decide(triggerOf('fresh'), ended, NOW + 20_000, 1, noWindow)).toEqual({ kind: 'call' });
  });

  it('lets the batch that holds the probe call when it comes less than a second before the busy period ends', () => {
    // Act / Assess
    expect(decide(triggerOf('probe'), ending)).toEqual({ kind: 'call' });
  });

  it('makes the probe wait when it comes more than a second early, and others wait while the import is busy', () => {
    // Prepare
    const early: LedgerEntry = { ...ended, busyUntilMs: NOW + 1500 };

    // Act / Assess
    expect(decide(triggerOf('probe'), early)).toEqual({
      kind: 'wait',
      reason: 'busy',
      delaySeconds: 2 + PROBE_GRACE_SECONDS,
    });
    expect(decide(triggerOf('fresh'), ending)).toMatchObject({ kind: 'wait', reason: 'busy' });
  });

  it('calls for a record on its last receive even in the probe’s grace', () => {
    // Act / Assess
    expect(decide(triggerOf('fresh'), ended, NOW, settings.maxReceiveCount)).toEqual({ kind: 'call' });
  });

  it('does not wait for a probe the ledger does not name', () => {
    // Prepare
    const { probeMessageId: _, ...unnamed } = ended;

    // Act / Assess
    expect(decide(triggerOf('fresh'), unnamed)).toEqual({ kind: 'call' });
  });
});
