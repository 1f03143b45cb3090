import { describe, expect, it } from 'vitest';
import { ledgerCostRows, type ScenarioFigures, scenarioRows } from '../../bench/runsPerDrop';
import type { DropFigures } from '../../bench/runsPerDrop/dropFigures';
import { FAST_SETTINGS } from '../../bench/runsPerDrop/scenarios';

const figures = (overrides: Partial<DropFigures> = {}): DropFigures => ({
  runs: 3,
  runsLimit: 4,
  calls: 10,
  busyAnswers: 6,
  busyAnswersPerImport: 6,
  busyStepsPerImport: 8,
  deadLettered: 0,
  coveredInDlq: 0,
  coveredInDlqWithinMargin: 0,
  coveredAfterDlq: 0,
  lost: 0,
  lastCoveredSeconds: 12,
  invocations: 20,
  ledgerReads: 20,
  ledgerWrites: 15,
  ledgerReadsPerBatch: 1,
  ledgerWritesPerImportPerBatch: 1,
  leftInQueue: 0,
  simulatedSeconds: 60,
  wallMs: 5,
  ...overrides,
});

const result = (on: Partial<DropFigures>, settleSeconds?: number): ScenarioFigures => ({
  scenario: {
    name: 'drop',
    files: 10,
    spanSeconds: 5,
    imports: 1,
    runSeconds: 1.5,
    seed: 1,
    settings: FAST_SETTINGS,
    ...(settleSeconds !== undefined ? { settleSeconds } : {}),
  },
  on: figures(on),
  off: figures({ runs: 6, coveredInDlq: 9, deadLettered: 9 }),
});

const verdicts = (scenario: ScenarioFigures) =>
  Object.fromEntries(scenarioRows(scenario).map((row) => [row.name.split(':')[0], row.target?.met]));

describe('Function: scenarioRows()', () => {
  it('shows ledger on as the value and ledger off as the peer', () => {
    // Act
    const [runs] = scenarioRows(result({}));

    // Assess
    expect(runs).toMatchObject({ value: 3, comparison: { name: 'ledger off', value: 6, ratio: 2 } });
  });

  it('meets the targets when the ledger-on figures are within them', () => {
    // Act / Assess
    expect(verdicts(result({}))).toMatchObject({
      'Import runs': true,
      '405s, busiest import': true,
      'Covered files dead-lettered': true,
      'Lost files': true,
    });
  });

  it('misses each target the ledger-on figures exceed', () => {
    // Act / Assess
    expect(verdicts(result({ runs: 5, busyAnswersPerImport: 9, coveredInDlq: 1, lost: 1 }))).toMatchObject({
      'Import runs': false,
      '405s, busiest import': false,
      'Covered files dead-lettered': false,
      'Lost files': false,
    });
  });

  it('asks for exactly one run with a settle window', () => {
    // Act / Assess
    expect(verdicts(result({ runs: 1, runsLimit: 1 }, 5))['Import runs']).toBe(true);
    expect(verdicts(result({ runs: 2, runsLimit: 1 }, 5))['Import runs']).toBe(false);
  });

  it('misses the lost-files target when messages were left in the queue', () => {
    // Act / Assess
    expect(verdicts(result({ leftInQueue: 1 }))['Lost files']).toBe(false);
  });
});

describe('Function: ledgerCostRows()', () => {
  it('takes the most reads and writes over every scenario and holds them to one', () => {
    // Act
    const [reads, writes] = ledgerCostRows([result({}), result({ ledgerWritesPerImportPerBatch: 2 })]);

    // Assess
    expect(reads).toMatchObject({ value: 1, target: { met: true } });
    expect(writes).toMatchObject({ value: 2, target: { met: false } });
  });
});
