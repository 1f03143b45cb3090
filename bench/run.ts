import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchSettings } from './benchSettings';
import { callsPerBurst } from './callsPerBurst';
import { coldStart } from './coldStart';
import { endToEndLatency } from './endToEndLatency';
import type { ItemResult } from './itemResult';
import { machineInfo } from './machineInfo';
import { peakRss } from './peakRss';
import { perRecordCost } from './perRecordCost';
import { type BenchResults, formatReport, writeResults } from './report';
import { runTaskInChild } from './runInChild';
import { runsPerDrop } from './runsPerDrop';
import type { ShippedBundle } from './synthesizeBundle';

// `npm run bench`: every figure measured in this one run on this machine, printed as a table against its
// target and written to bench/results.json. Progress goes to stderr so stdout holds only the report.
// `npm run bench -- --only runsPerDrop` measures that one section and prints it; results.json stays as it is,
// since it holds only whole runs.

/** Sections that can run alone: they need neither the synthesized bundle nor moto. */
const STANDALONE: Record<string, () => Promise<ItemResult>> = { runsPerDrop };
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
if (onlyIndex >= 0 && (only === undefined || !(only in STANDALONE))) {
  throw new Error(`--only takes one of: ${Object.keys(STANDALONE).join(', ')}`);
}

const startedAt = Date.now();
const settings = benchSettings();
const here = import.meta.dirname;
const progress = (message: string) =>
  process.stderr.write(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0)} s] ${message}\n`);

if (only !== undefined) {
  progress(`${only} alone; bench/results.json is not written`);
  const item = await (STANDALONE[only] as () => Promise<ItemResult>)();
  console.log(formatReport(resultsOf([item])));
  process.exit(0);
}
const workDir = mkdtempSync(path.join(tmpdir(), 'blueshift-bench-'));

try {
  progress('synthesizing the stack for the bundle that `cdk synth` ships');
  // In a child: aws-cdk-lib stays out of this process, and esbuild's progress lines stay out of the report.
  const shipped = await runTaskInChild<ShippedBundle>(
    path.join(here, 'synthesizeBundle.ts'),
    'synthesizeBundle',
    path.join(workDir, 'synth'),
  );
  const items: ItemResult[] = [];
  progress('1: API calls per burst');
  items.push(await callsPerBurst(shipped, settings));
  progress('2: core cost per record');
  items.push(await perRecordCost(shipped, settings));
  progress('2: peak RSS');
  items.push(await peakRss(shipped, settings, workDir));
  progress('3: cold start');
  items.push(await coldStart(shipped, settings, workDir));
  progress('4: end-to-end latency on moto');
  items.push(await endToEndLatency(settings));
  progress('6: runs per drop, simulated with the ledger on and off');
  items.push(await runsPerDrop());

  const results = resultsOf(items);
  writeResults(path.join(here, 'results.json'), results);
  console.log(formatReport(results));
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

function resultsOf(items: readonly ItemResult[]): BenchResults {
  return {
    machine: machineInfo(),
    settings,
    startedAt: new Date(startedAt).toISOString(),
    wallSeconds: (Date.now() - startedAt) / 1000,
    figures: items.flatMap((item) => item.figures),
    notes: items.flatMap((item) => item.notes),
    details: items.map((item) => item.details),
  };
}
