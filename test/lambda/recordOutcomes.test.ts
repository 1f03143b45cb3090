import { describe, expect, it } from 'vitest';
import type { BusyAnswer } from '../../lambda/busyAnswers';
import type { ImportTrigger } from '../../lambda/coalesceByImport';
import type { ImportDecision } from '../../lambda/ledgerDecisions';
import { ledgerUpdates } from '../../lambda/recordOutcomes';
import type { TriggerOutcome } from '../../lambda/triggerWithRetries';

const UUID = 'aaaaaaaa-0000-4000-8000-000000000001';
const times = { nowMs: 10_000, callsStartedAtMs: 9000 };
const trigger: ImportTrigger = {
  uuid: UUID,
  prefixes: new Set(['daily/']),
  messageIds: new Set(['m1']),
  keys: ['daily/a.csv'],
  files: [{ key: 'daily/a.csv', messageId: 'm1', landedAtMs: 5000 }],
};
const called: ImportDecision = { trigger, covered: [], entry: undefined, action: { kind: 'call' } };
const updateFor = (outcome: TriggerOutcome, busy: BusyAnswer[] = []) =>
  ledgerUpdates([called], [{ trigger, outcome }], busy, times).get(UUID);

describe('Function: ledgerUpdates()', () => {
  it('records a success without a send time as sent when the calls began (earlier covers less)', () => {
    // Act
    const update = updateFor({ verdict: 'triggered', status: 202, message: '', attempts: 1 });

    // Assess
    expect(update).toEqual({
      newestFileAtMs: 5000,
      triggeredAtMs: 9000,
      lastOutcome: { verdict: 'triggered', status: '202', atMs: 10_000 },
      waiting: { files: 0, atMs: 10_000 },
    });
  });

  it.each([
    [{ verdict: 'transient', noResponse: 'timeout', message: 'slow', attempts: 3 }, 'timeout'],
    [{ verdict: 'key-unavailable', message: 'secret empty', attempts: 0 }, 'none'],
    [{ verdict: 'deadline', message: 'no time left', attempts: 0 }, 'none'],
  ] as const)('records a call without an HTTP answer with status %j → %s', (outcome, status) => {
    // Act
    const update = updateFor(outcome);

    // Assess
    expect(update?.lastOutcome?.status).toBe(status);
    expect(update?.triggeredAtMs).toBeUndefined();
    expect(update?.waiting).toEqual({ files: 1, atMs: 10_000 });
  });

  it('records the busy period its busy answer planned: until the probe comes back', () => {
    // Prepare
    const busy: BusyAnswer = { uuid: UUID, busyUntilMs: 70_000, probeMessageId: 'm1', delays: new Map() };

    // Act
    const update = updateFor({ verdict: 'busy', status: 405, message: '', attempts: 1 }, [busy]);

    // Assess
    expect(update?.busyUntilMs).toBe(70_000);
    expect(update?.lastOutcome).toEqual({ verdict: 'busy', status: '405', atMs: 10_000 });
  });

  it('sets no busy period when the busy answer planned none (every failing record on its last receive)', () => {
    // Prepare
    const busy: BusyAnswer = { uuid: UUID, delays: new Map([['m1', 0]]) };

    // Act
    const update = updateFor({ verdict: 'busy', status: 405, message: '', attempts: 1 }, [busy]);

    // Assess
    expect(update?.busyUntilMs).toBeUndefined();
  });

  it('learns nothing from an import whose files were all covered, and leaves an older newest file alone', () => {
    // Prepare
    const covered: ImportDecision = { ...called, action: { kind: 'covered' } };
    const newerKnown: ImportDecision = {
      ...called,
      entry: { importUuid: UUID, newestFileAtMs: 6000, version: 1 },
    };

    // Act
    const none = ledgerUpdates([covered], [], [], times);
    const waitingOnly = ledgerUpdates(
      [{ ...newerKnown, action: { kind: 'wait', reason: 'settle', delaySeconds: 5 } }],
      [],
      [],
      times,
    );

    // Assess
    expect(none.size).toBe(0);
    expect(waitingOnly.get(UUID)).toEqual({ waiting: { files: 1, atMs: 10_000 } });
  });
});
