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
import type { ShippedBundle } from './synthesizeBundle';

// `npm run bench`: every figure measured in this one run on this machine, printed as a table against its
// target and written to bench/results.json. Progress goes to stderr so stdout holds only the report.

const startedAt = Date.now();
const settings = benchSettings();
const workDir = mkdtempSync(path.join(tmpdir(), 'blueshift-bench-'));
const here = import.meta.dirname;
const progress = (message: string) =>
  process.stderr.write(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0)} s] ${message}\n`);

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

  const results: BenchResults = {
    machine: machineInfo(),
    settings,
    startedAt: new Date(startedAt).toISOString(),
    wallSeconds: (Date.now() - startedAt) / 1000,
    figures: items.flatMap((item) => item.figures),
    notes: items.flatMap((item) => item.notes),
    details: items.map((item) => item.details),
  };
  writeResults(path.join(here, 'results.json'), results);
  console.log(formatReport(results));
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
