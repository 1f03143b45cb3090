import { formatTable } from '../report';
import { ledgerCostRows, scenarioRows } from '../runsPerDrop';
import { dropFigures } from './dropFigures';
import { RUNS_PER_DROP_SCENARIOS } from './scenarios';
import { simulateDrop } from './simulateDrop';

const results = [];
for (const scenario of RUNS_PER_DROP_SCENARIOS) {
  const off = dropFigures(await simulateDrop(scenario, 'off'));
  results.push({ scenario, on: off, off });
}
console.log(formatTable([...results.flatMap(scenarioRows), ...ledgerCostRows(results)]));
