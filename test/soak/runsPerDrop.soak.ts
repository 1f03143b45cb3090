import { beforeAll, describe, expect, it } from 'vitest';
import { formatTable } from '../../bench/report';
import { type ScenarioFigures, scenarioRows, simulateScenarios } from '../../bench/runsPerDrop';
import type { DropScenario } from '../../bench/runsPerDrop/dropScenario';
import { DEFAULT_SETTINGS, FAST_SETTINGS } from '../../bench/runsPerDrop/scenarios';

/** A whole number from the environment, or the default. */
const fromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
};

const seed = fromEnv('SOAK_SEED', 7_919);
const files = fromEnv('SOAK_FILES', 5_000);
const imports = fromEnv('SOAK_IMPORTS', 5);

/**
 * Issue 9's runs-per-drop figures at soak size, on the bench's simulation (virtual clock, the real
 * processBatch): a long drop over several imports with faults, and the stand-in's short drops over many
 * seeds, each with the ledger on and off. The moto soak (faultInjection.soak.ts) proves nothing is lost;
 * this one measures how many runs, calls and dead letters a drop costs.
 */
const SCENARIOS: DropScenario[] = [
  {
    name: `${files.toLocaleString('en-US')} files, ${imports} imports, 2 h, 10 min runs, 10 % 503s`,
    files,
    spanSeconds: 7_200,
    imports,
    runSeconds: 600,
    transientShare: 0.1,
    seed,
    settings: DEFAULT_SETTINGS,
  },
  ...Array.from({ length: 10 }, (_, index) => ({
    name: `stand-in, seed ${seed + index}: 100 files in 5 s, 1.5 s runs`,
    files: 100,
    spanSeconds: 5,
    imports: 1,
    runSeconds: 1.5,
    seed: seed + index,
    settings: FAST_SETTINGS,
  })),
  {
    name: `${files.toLocaleString('en-US')} files in 2 min, 10 min runs, settleSeconds 60`,
    files,
    spanSeconds: 120,
    imports: 1,
    runSeconds: 600,
    settleSeconds: 60,
    seed,
    settings: DEFAULT_SETTINGS,
  },
];

let results: ScenarioFigures[];

describe('Soak: runs per drop with the trigger ledger on and off', () => {
  beforeAll(async () => {
    results = await simulateScenarios(SCENARIOS);
    console.log(
      `\nRuns per drop (seed ${seed}; value: ledger on, peer: ledger off)\n${formatTable(results.flatMap(scenarioRows))}`,
    );
  });

  it('dead-letters no covered file and loses none, with the ledger on', () => {
    // Assess
    for (const { scenario, on } of results) {
      expect({
        scenario: scenario.name,
        coveredInDlq: on.coveredInDlq,
        lost: on.lost,
        left: on.leftInQueue,
      }).toEqual({
        scenario: scenario.name,
        coveredInDlq: 0,
        lost: 0,
        left: 0,
      });
    }
  });

  it('starts no more runs than the drop needs: ceil(span / run) + 1, or one with a settle window', () => {
    // Assess
    for (const { scenario, on } of results) {
      expect({ scenario: scenario.name, runs: on.runs }).toEqual({
        scenario: scenario.name,
        runs: scenario.settleSeconds === undefined ? Math.min(on.runs, on.runsLimit) : on.runsLimit,
      });
    }
  });

  it('answers each import at most one 405 per backoff step while it is busy', () => {
    // Assess
    for (const { scenario, on } of results) {
      expect({ scenario: scenario.name, busy: on.busyAnswersPerImport }).toEqual({
        scenario: scenario.name,
        busy: Math.min(on.busyAnswersPerImport, on.busyStepsPerImport),
      });
    }
  });

  it('costs at most one ledger read per batch and one write per import per batch', () => {
    // Assess
    for (const { on } of results) {
      expect(on.ledgerReadsPerBatch).toBeLessThanOrEqual(1);
      expect(on.ledgerWritesPerImportPerBatch).toBeLessThanOrEqual(1);
    }
  });

  it('loses nothing with the ledger off either (today’s behaviour, the peer)', () => {
    // Assess
    for (const { off } of results) expect(off.lost).toBe(0);
  });
});
