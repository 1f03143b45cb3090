import { describe, expect, it } from 'vitest';
import { busySteps, dropFigures } from '../../bench/runsPerDrop/dropFigures';
import type { DroppedFile, DropScenario } from '../../bench/runsPerDrop/dropScenario';
import { DEFAULT_SETTINGS, FAST_SETTINGS } from '../../bench/runsPerDrop/scenarios';
import type { DropOutcome } from '../../bench/runsPerDrop/simulateDrop';

const UUID = 'import-1';
const SCENARIO: DropScenario = {
  name: 'three files',
  files: 3,
  spanSeconds: 20,
  imports: 1,
  runSeconds: 10,
  seed: 1,
  settings: FAST_SETTINGS,
};
const file = (landedAtMs: number): DroppedFile => ({
  key: `k${landedAtMs}`,
  uuid: UUID,
  landedAtMs,
  sentAtMs: landedAtMs,
});

/** An outcome of three files landing at 0, 10 and 20 s, with the runs, calls and dead letters given. */
function outcome(parts: Partial<DropOutcome>): DropOutcome {
  return {
    scenario: SCENARIO,
    mode: 'off',
    files: [file(0), file(10_000), file(20_000)],
    messageIds: ['m0', 'm1', 'm2'],
    runs: [],
    calls: [],
    deadLetteredAt: new Map(),
    leftInQueue: 0,
    eventSource: { invocations: 4, records: 3, failedRecords: 0, handlerErrors: 0, busiestConcurrency: 1 },
    ledger: [],
    simulatedSeconds: 30,
    actions: 10,
    wallMs: 1,
    ...parts,
  };
}
const run = (startedAtMs: number) => ({ uuid: UUID, startedAtMs, endsAtMs: startedAtMs + 10_000 });

describe('Function: dropFigures()', () => {
  it('counts a dead letter as covered when a run had started after its file landed before it moved', () => {
    // Prepare
    const deadLetteredAt = new Map([
      ['m0', 30_000],
      ['m1', 12_000],
      ['m2', 30_000],
    ]);
    const input = outcome({ runs: [run(1), run(15_000)], deadLetteredAt });

    // Act
    const figures = dropFigures(input);

    // Assess: m0 was covered at 1 ms (within FAST_SETTINGS' 1 s margin); m1 moved at 12 s, before the run
    // at 15 s covered it; m2 never was.
    expect(figures.deadLettered).toBe(3);
    expect(figures.coveredInDlq).toBe(1);
    expect(figures.coveredInDlqWithinMargin).toBe(1);
    expect(figures.coveredAfterDlq).toBe(1);
    expect(figures.lost).toBe(0);
  });

  it('tells a covered dead letter whose run started beyond the coverage margin from one within it', () => {
    // Prepare
    const input = outcome({ runs: [run(2_000)], deadLetteredAt: new Map([['m0', 5_000]]) });

    // Act
    const figures = dropFigures(input);

    // Assess
    expect(figures.coveredInDlq).toBe(1);
    expect(figures.coveredInDlqWithinMargin).toBe(0);
  });

  it('counts a file lost when it is neither covered nor dead-lettered', () => {
    // Prepare
    const input = outcome({ runs: [run(1), run(15_000)] });

    // Act
    const figures = dropFigures(input);

    // Assess
    expect(figures.lost).toBe(1);
    expect(figures.lastCoveredSeconds).toBeUndefined();
  });

  it('times the last file covered from the first landing', () => {
    // Prepare
    const input = outcome({ runs: [run(1), run(15_000), run(26_500)] });

    // Act
    const figures = dropFigures(input);

    // Assess
    expect(figures.lastCoveredSeconds).toBe(26.5);
    expect(figures.runs).toBe(3);
    expect(figures.runsLimit).toBe(Math.ceil(20 / 10) + 1);
  });

  it('compares the busiest import’s 405s with the backoff steps of its runs', () => {
    // Prepare
    const calls = [200, 405, 405, 405, 200].map((status, index) => ({ uuid: UUID, atMs: index, status }));
    const input = outcome({ runs: [run(0), run(20_000)], calls });

    // Act
    const figures = dropFigures(input);

    // Assess
    expect(figures.calls).toBe(5);
    expect(figures.busyAnswersPerImport).toBe(3);
    expect(figures.busyStepsPerImport).toBe(2 * busySteps(10, FAST_SETTINGS));
  });

  it('takes the most ledger reads of a batch and the most writes of one import in a batch', () => {
    // Prepare
    const ledger = [
      { reads: 1, writes: new Map([[UUID, 1]]) },
      { reads: 0, writes: new Map() },
      { reads: 2, writes: new Map([[UUID, 3]]) },
    ];

    // Act
    const figures = dropFigures(outcome({ ledger }));

    // Assess
    expect(figures.ledgerReads).toBe(3);
    expect(figures.ledgerWrites).toBe(4);
    expect(figures.ledgerReadsPerBatch).toBe(2);
    expect(figures.ledgerWritesPerImportPerBatch).toBe(3);
  });

  it('allows one run per import with a settle window', () => {
    // Prepare
    const input = outcome({ scenario: { ...SCENARIO, settleSeconds: 30 } });

    // Act
    const figures = dropFigures(input);

    // Assess
    expect(figures.runsLimit).toBe(1);
  });
});

describe('Function: busySteps()', () => {
  it('counts the probes of one record that fall within the busy time', () => {
    // Act / Assess: delays 30, 60, 120, 240, 480 s: probes at 0, 30, 90, 210 and 450 s fall within 10 minutes.
    expect(busySteps(600, DEFAULT_SETTINGS)).toBe(5);
    expect(busySteps(30, DEFAULT_SETTINGS)).toBe(1);
    expect(busySteps(31, DEFAULT_SETTINGS)).toBe(2);
  });

  it('stops at the last receive, which gets no delay', () => {
    // Act / Assess: delays 1 and 2 s, then the last receive.
    expect(busySteps(1_000, FAST_SETTINGS)).toBe(3);
  });
});
