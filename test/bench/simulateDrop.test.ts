import { describe, expect, it, vi } from 'vitest';
import { dropFigures } from '../../bench/runsPerDrop/dropFigures';
import {
  type DropScenario,
  dropFiles,
  largestGapSeconds,
  notificationBody,
} from '../../bench/runsPerDrop/dropScenario';
import { FAST_SETTINGS } from '../../bench/runsPerDrop/scenarios';
import { simulateDrop } from '../../bench/runsPerDrop/simulateDrop';
import { seededRandom } from '../../bench/runsPerDrop/simulatedBlueshift';

const scenario = (overrides: Partial<DropScenario> = {}): DropScenario => ({
  name: 'test drop',
  files: 20,
  spanSeconds: 5,
  imports: 1,
  runSeconds: 1.5,
  seed: 3,
  settings: FAST_SETTINGS,
  ...overrides,
});

describe('Function: dropFiles()', () => {
  it('lands the first file at the start and the last at the end of the span, in order, notified after landing', () => {
    // Act
    const files = dropFiles(scenario({ files: 50, imports: 2 }), seededRandom(1));

    // Assess
    const landings = files.map(({ landedAtMs }) => landedAtMs);
    expect(landings).toEqual([...landings].sort((a, b) => a - b));
    expect((landings.at(-1) ?? 0) - (landings[0] ?? 0)).toBe(5_000);
    expect(files.every((file) => file.sentAtMs > file.landedAtMs)).toBe(true);
    expect(new Set(files.map(({ uuid }) => uuid)).size).toBe(2);
    expect(largestGapSeconds(files)).toBeGreaterThan(0);
  });

  it('writes each file as an S3 notification whose eventTime is its landing', () => {
    // Prepare
    const [file] = dropFiles(scenario({ files: 2 }), seededRandom(1));

    // Act
    const body = JSON.parse(notificationBody(file ?? { key: '', uuid: '', landedAtMs: 0, sentAtMs: 0 }));

    // Assess
    expect(Date.parse(body.Records[0].eventTime)).toBe(file?.landedAtMs);
    expect(body.Records[0].s3.object.key).toContain('part+00000.csv');
  });
});

describe('Function: simulateDrop()', () => {
  it('gives the same figures for the same scenario every time', async () => {
    // Act
    const first = dropFigures(await simulateDrop(scenario(), 'off'));
    const second = dropFigures(await simulateDrop(scenario(), 'off'));

    // Assess
    expect({ ...first, wallMs: 0 }).toEqual({ ...second, wallMs: 0 });
  });

  it('triggers a single file once, with the real handler, and leaves nothing behind', async () => {
    // Act
    const outcome = await simulateDrop(scenario({ files: 1, spanSeconds: 0 }), 'off');

    // Assess
    expect(outcome.runs).toHaveLength(1);
    expect(outcome.calls.map(({ status }) => status)).toEqual([200]);
    expect(outcome.deadLetteredAt.size).toBe(0);
    expect(outcome.leftInQueue).toBe(0);
    expect(outcome.runs[0]?.startedAtMs).toBeGreaterThan(outcome.files[0]?.landedAtMs ?? Number.NaN);
  });

  it('without the ledger, dead-letters files a later run covered (issue 9’s finding)', async () => {
    // Act
    const figures = dropFigures(await simulateDrop(scenario({ files: 100 }), 'off'));

    // Assess
    expect(figures.coveredInDlq).toBeGreaterThan(0);
    expect(figures.busyAnswersPerImport).toBeGreaterThan(figures.busyStepsPerImport);
    expect(figures.lost).toBe(0);
    expect(figures.leftInQueue).toBe(0);
  });

  it('with the ledger on, shares one ledger between environments and reads it once per batch (twice to recheck a last receive)', async () => {
    // Act
    const on = await simulateDrop(scenario({ files: 100 }), 'on');
    const off = await simulateDrop(scenario({ files: 100 }), 'off');

    // Assess
    expect(on.ledger.length).toBe(on.eventSource.invocations);
    expect(on.ledger.every((tally) => tally.reads === 1 || tally.reads === 2)).toBe(true);
    expect(off.ledger.every((tally) => tally.reads === 0 && tally.writes.size === 0)).toBe(true);
    expect(on.calls.length).toBeLessThan(off.calls.length / 5);
  });

  it('runs a 30-minute drop of 1,000 files on the virtual clock alone, in a bounded number of events', async () => {
    // Prepare
    const realTimers = vi.spyOn(globalThis, 'setTimeout');

    // Act
    const outcome = await simulateDrop(
      scenario({ files: 1_000, spanSeconds: 1_800, runSeconds: 600 }),
      'off',
    );

    // Assess: no real wait, and a few dozen events per file at most (about 23 today).
    expect(outcome.simulatedSeconds).toBeGreaterThan(1_800);
    expect(realTimers).not.toHaveBeenCalled();
    expect(outcome.actions).toBeLessThan(100_000);
    realTimers.mockRestore();
  });
});
