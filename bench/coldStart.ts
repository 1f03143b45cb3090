import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IMPORTS_FILE } from '../contract/importMapping';
import type { BenchSettings } from './benchSettings';
import { buildColdStartBundles } from './coldStartBundles';
import type { ItemResult } from './itemResult';
import { lambdaEnvironment } from './lambdaEnvironment';
import { formatNumber } from './report';
import { runInChild } from './runInChild';
import { median, rotate } from './stats';
import type { ShippedBundle } from './synthesizeBundle';

const IMPORT_PROBE = path.join(import.meta.dirname, 'children', 'importTime.mjs');
/** The shipped handler must load within this factor of the success path's SDK clients alone. */
const TARGET_RATIO = 1.1;

interface ImportProbe {
  readonly importMs: number;
}

/** Median of per-round differences `a − b`: paired by round, so drift on a shared machine cancels. */
const pairedDifference = (a: readonly number[], b: readonly number[]) =>
  median(a.map((value, round) => value - (b[round] as number)));

/**
 * Item 3: time to import the shipped bundle (module scope builds the Secrets Manager and DynamoDB clients, the
 * logger and the metrics) in fresh `node` processes, against those two SDK clients alone and an empty module
 * bundled the same way; plus variants that price the lazy SQS import and
 * Powertools (Logger and Metrics). Variants take turns each round.
 */
export async function coldStart(
  shipped: ShippedBundle,
  settings: BenchSettings,
  workDir: string,
): Promise<ItemResult> {
  const built = await buildColdStartBundles(
    path.join(workDir, 'cold-start'),
    path.join(path.dirname(shipped.bundlePath), IMPORTS_FILE),
  );
  const bundle = (name: string) => built.get(name) as { bundlePath: string; bytes: number };
  const timed: Record<string, string> = {
    shipped: shipped.bundlePath,
    'sdk-floor': bundle('sdk-floor').bundlePath,
    empty: bundle('empty').bundlePath,
    'sqs-static': bundle('handler-sqs-static').bundlePath,
    'sqs-inlined': bundle('handler-sqs-inlined').bundlePath,
    'eager-sqs': bundle('handler-eager-sqs').bundlePath,
    'no-powertools': bundle('handler-no-powertools').bundlePath,
  };
  const env = lambdaEnvironment(shipped.environment);
  const samples = new Map<string, number[]>(Object.keys(timed).map((name) => [name, []]));
  // One untimed round first, so every bundle is in the page cache before any is timed.
  const warmupRounds = settings.warmup > 0 ? 1 : 0;
  for (let round = -warmupRounds; round < settings.coldRuns; round++) {
    for (const name of rotate(Object.keys(timed), round + warmupRounds)) {
      const url = pathToFileURL(timed[name] as string).href;
      const probe = await runInChild<ImportProbe>(IMPORT_PROBE, [url], { tsx: false, env });
      if (round < 0) continue;
      samples.get(name)?.push(probe.importMs);
    }
  }

  const ms = (name: string) => samples.get(name) as number[];
  const m = (name: string) => median(ms(name));
  const runs = `median of ${settings.coldRuns} fresh node`;
  const ratio = m('shipped') / m('sdk-floor');
  const variantRow = (name: string, label: string) => ({
    item: 3,
    name: label,
    value: m(name),
    unit: 'ms',
    comparison: {
      name: 'shipped',
      value: m('shipped'),
      ratio: m(name) / m('shipped'),
      ratioOf: 'variant/shipped',
    },
    runs,
  });
  const differences = Object.fromEntries(
    ['sdk-floor', 'sqs-static', 'sqs-inlined', 'eager-sqs', 'no-powertools'].map((name) => [
      name,
      pairedDifference(ms(name), ms('shipped')),
    ]),
  );
  const kib = (bytes: number) => bytes / 1024;
  const rebuiltMatches = bundle('handler-rebuilt').bytes === shipped.bundleBytes;
  return {
    figures: [
      {
        item: 3,
        name: 'Cold start: import shipped bundle, build clients',
        value: m('shipped'),
        unit: 'ms',
        comparison: { name: 'SDK floor', value: m('sdk-floor'), ratio, ratioOf: 'bundle/floor' },
        target: { text: `≤ ${TARGET_RATIO.toFixed(2)}× SDK floor`, met: ratio <= TARGET_RATIO },
        runs,
      },
      {
        item: 3,
        name: 'Cold start: shipped bundle vs empty module',
        value: m('shipped'),
        unit: 'ms',
        comparison: {
          name: 'empty',
          value: m('empty'),
          ratio: m('shipped') / m('empty'),
          ratioOf: 'bundle/empty',
        },
        runs,
      },
      {
        item: 3,
        name: 'Bundle size (index.mjs and its chunks, minified)',
        value: kib(shipped.bundleBytes),
        unit: 'KiB',
        comparison: {
          name: 'SDK floor',
          value: kib(bundle('sdk-floor').bytes),
          ratio: shipped.bundleBytes / bundle('sdk-floor').bytes,
          ratioOf: 'bundle/floor',
        },
        runs: 'one synth',
      },
      variantRow('sqs-static', 'Cold start as one file, SQS client imported at load (plain)'),
      variantRow('sqs-inlined', 'Cold start as one file, SQS client imported lazily'),
      variantRow('eager-sqs', 'Cold start with the SQS client built eagerly'),
      variantRow('no-powertools', 'Cold start without Powertools Logger and Metrics'),
    ],
    notes: [
      `Cold start, paired per-round differences vs shipped (ms, negative = faster): ${Object.entries(
        differences,
      )
        .map(([name, difference]) => `${name} ${difference >= 0 ? '+' : ''}${formatNumber(difference)}`)
        .join(', ')}.`,
      `Bundle rebuilt here with lambdaBundleOptions.ts is ${rebuiltMatches ? 'byte-for-byte the same size as' : 'NOT the same size as'} ` +
        `the synthesized asset (${shipped.bundleBytes} bytes).`,
    ],
    details: {
      samplesMs: Object.fromEntries(samples),
      pairedDifferencesMs: differences,
      bundleBytes: Object.fromEntries([...built.values()].map((b) => [b.name, b.bytes])),
      shippedBytes: shipped.bundleBytes,
    },
  };
}
