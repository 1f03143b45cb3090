import type { ItemResult } from './itemResult';
import type { Figure } from './report';
import { type DropFigures, dropFigures } from './runsPerDrop/dropFigures';
import type { DropScenario } from './runsPerDrop/dropScenario';
import { RUNS_PER_DROP_SCENARIOS } from './runsPerDrop/scenarios';
import { simulateDrop } from './runsPerDrop/simulateDrop';

/** Issue 9, item 6: the figures of the trigger ledger. */
const ITEM = 6;

/** One scenario's figures with the ledger on and off. */
export interface ScenarioFigures {
  readonly scenario: DropScenario;
  readonly on: DropFigures;
  readonly off: DropFigures;
}

/** Simulates every scenario both ways (deterministic: one run each says all there is). */
export async function simulateScenarios(
  scenarios: readonly DropScenario[] = RUNS_PER_DROP_SCENARIOS,
): Promise<ScenarioFigures[]> {
  const results: ScenarioFigures[] = [];
  for (const scenario of scenarios) {
    // One after the other, so each drop's wall time is its own.
    const on = dropFigures(await simulateDrop(scenario, 'on'));
    const off = dropFigures(await simulateDrop(scenario, 'off'));
    results.push({ scenario, on, off });
  }
  return results;
}

type Measure = (figures: DropFigures) => number;

const row = (
  result: ScenarioFigures,
  name: string,
  unit: string,
  measure: Measure,
  target?: { readonly text: string; readonly met: boolean },
): Figure => {
  const on = measure(result.on);
  const off = measure(result.off);
  return {
    item: ITEM,
    name: `${name}: ${result.scenario.name}`,
    value: on,
    unit,
    comparison: { name: 'ledger off', value: off, ratio: off / on, ratioOf: 'off/on' },
    ...(target ? { target } : {}),
    runs: 'simulated once (deterministic)',
  };
};

/** The table rows of one scenario: ledger on as the value, ledger off as the peer. */
export function scenarioRows(result: ScenarioFigures): Figure[] {
  const { on } = result;
  const settled = result.scenario.settleSeconds !== undefined;
  const never = Number.POSITIVE_INFINITY;
  return [
    row(result, 'Import runs', 'runs', (f) => f.runs, {
      text: settled ? '= 1 per import (settle window)' : `≤ ${on.runsLimit} (ceil(span / run) + 1)`,
      met: settled ? on.runs === on.runsLimit : on.runs <= on.runsLimit,
    }),
    row(result, 'Blueshift calls', 'calls', (f) => f.calls),
    row(result, '405s, busiest import', '405s', (f) => f.busyAnswersPerImport, {
      text: `≤ ${on.busyStepsPerImport} (backoff steps while busy)`,
      met: on.busyAnswersPerImport <= on.busyStepsPerImport,
    }),
    row(result, 'Covered files dead-lettered', 'files', (f) => f.coveredInDlq, {
      text: '= 0',
      met: on.coveredInDlq === 0,
    }),
    row(result, 'Files dead-lettered (covered or not)', 'files', (f) => f.deadLettered),
    row(result, 'Lost files', 'files', (f) => f.lost, {
      text: '= 0',
      met: on.lost === 0 && on.leftInQueue === 0,
    }),
    row(result, 'Last file covered after', 's', (f) => f.lastCoveredSeconds ?? never),
  ];
}

/** The ledger's cost over every scenario: reads per batch and writes per import per batch, at most. */
export function ledgerCostRows(results: readonly ScenarioFigures[]): Figure[] {
  const most = (measure: Measure) => results.reduce((top, result) => Math.max(top, measure(result.on)), 0);
  const reads = most((f) => f.ledgerReadsPerBatch);
  const writes = most((f) => f.ledgerWritesPerImportPerBatch);
  const runs = `most of ${results.length} simulated drops`;
  return [
    {
      item: ITEM,
      name: 'Ledger reads per batch',
      value: reads,
      unit: 'reads',
      target: { text: '≤ 1', met: reads <= 1 },
      runs,
    },
    {
      item: ITEM,
      name: 'Ledger writes per import per batch',
      value: writes,
      unit: 'writes',
      target: { text: '≤ 1 (one per trigger outcome)', met: writes <= 1 },
      runs,
    },
  ];
}

const describe = (label: string, figures: DropFigures) =>
  `${label} ${figures.runs} runs, ${figures.calls} calls, ${figures.busyAnswers} 405s, ` +
  `${figures.deadLettered} dead-lettered (${figures.coveredInDlq} covered then, ` +
  `${figures.coveredInDlqWithinMargin} of them within the coverage margin; ${figures.coveredAfterDlq} covered later), ` +
  `${figures.lost} lost, ` +
  `${figures.invocations} invocations, ledger ${figures.ledgerReads} reads / ${figures.ledgerWrites} writes, ` +
  `${figures.simulatedSeconds.toFixed(0)} s simulated in ${figures.wallMs.toFixed(0)} ms`;

/** Item 6: runs per drop, simulated on a virtual clock with the real processBatch, ledger on and off. */
export async function runsPerDrop(): Promise<ItemResult> {
  const results = await simulateScenarios();
  return {
    figures: [...results.flatMap(scenarioRows), ...ledgerCostRows(results)],
    notes: results.map(
      (result) =>
        `Runs per drop, ${result.scenario.name}: ${describe('ledger on', result.on)}; ${describe('off', result.off)}.`,
    ),
    details: { scenarios: results },
  };
}
