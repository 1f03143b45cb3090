import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { IMPORTS_FILE } from '../contract/importMapping';
import { HANDLER_ENTRY, PACKAGE_ROOT } from '../lib/lambdaBundling';
import { bundleBytes } from './bundleBytes';
import { LAMBDA_BUNDLE_OPTIONS } from './lambdaBundleOptions';

/** A module bundled for the cold-start comparison. */
export interface ColdStartBundle {
  readonly name: string;
  readonly bundlePath: string;
  readonly bytes: number;
}

/** Replaces Powertools Logger and Metrics with a few lines each that print the same JSON, to price the libraries' load. */
const powertoolsStub: Plugin = {
  name: 'powertools-stub',
  setup(build) {
    build.onResolve({ filter: /^@aws-lambda-powertools\/(logger|metrics)$/ }, (args) => ({
      path: args.path.endsWith('logger') ? 'logger' : 'metrics',
      namespace: 'powertools-stub',
    }));
    build.onLoad({ filter: /^logger$/, namespace: 'powertools-stub' }, () => ({
      loader: 'js',
      contents: `const line = (level, message, extra) =>
  process.stdout.write(JSON.stringify({ level, message, timestamp: new Date().toISOString(), ...Object.assign({}, ...extra) }) + '\\n');
export class Logger {
  addContext() {}
  info(message, ...extra) { line('INFO', message, extra); }
  warn(message, ...extra) { line('WARN', message, extra); }
  error(message, ...extra) { line('ERROR', message, extra); }
}`,
    }));
    build.onLoad({ filter: /^metrics$/, namespace: 'powertools-stub' }, () => ({
      loader: 'js',
      contents: `export const MetricUnit = { Count: 'Count', Milliseconds: 'Milliseconds' };
export class Metrics {
  constructor(options = {}) { this.options = options; this.values = {}; this.dimensions = {}; }
  addMetric(name, unit, value) { (this.values[name] ??= []).push(value); if (this.single) this.publishStoredMetrics(); return this; }
  addDimensions(dimensions) { Object.assign(this.dimensions, dimensions); return this; }
  singleMetric() { const metrics = new Metrics(this.options); metrics.single = true; return metrics; }
  publishStoredMetrics() {
    process.stdout.write(JSON.stringify({ _aws: { Timestamp: Date.now() }, ...this.dimensions, ...this.values }) + '\\n');
    this.values = {};
  }
}`,
    }));
  },
};

interface Variant {
  readonly name: string;
  /** Module text to bundle (resolved from the repo root), or the handler entry. */
  readonly source?: string;
  readonly plugins?: Plugin[];
  /** Build as a single file, without the shipped chunk for the lazily imported SQS client. */
  readonly singleFile?: boolean;
}

const VARIANTS: readonly Variant[] = [
  { name: 'handler-rebuilt' },
  {
    // The floor: the AWS clients the success path uses (Secrets Manager for the key, DynamoDB for the
    // trigger ledger), imported and constructed.
    name: 'sdk-floor',
    source: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
export const clients = [new SecretsManagerClient({}), new DynamoDBClient({})];`,
  },
  { name: 'empty', source: '' },
  // The plain single-file bundle: the SQS client imported at load (what the handler did before the split).
  {
    name: 'handler-sqs-static',
    source: `import '@aws-sdk/client-sqs';
export { handler } from './lambda/index.ts';`,
    singleFile: true,
  },
  // One file, the SQS client imported lazily: parsed at load, run only on the first failure.
  { name: 'handler-sqs-inlined', singleFile: true },
  {
    name: 'handler-eager-sqs',
    // What the handler would cost with the SQS client built at module scope like the Secrets Manager one.
    source: `import { SQSClient } from '@aws-sdk/client-sqs';
export { handler } from './lambda/index.ts';
export const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });`,
  },
  { name: 'handler-no-powertools', plugins: [powertoolsStub] },
];

/**
 * Bundles the comparison modules with the shipped handler's esbuild options into `outdir`:
 * the handler rebuilt (its size must match the synthesized asset), the success path's SDK clients alone
 * (the SDK floor), an empty module, and handler variants: SQS built eagerly, Powertools Logger and Metrics replaced.
 */
export async function buildColdStartBundles(
  outdir: string,
  importsFile: string,
): Promise<Map<string, ColdStartBundle>> {
  const bundles = new Map<string, ColdStartBundle>();
  for (const variant of VARIANTS) {
    const bundlePath = path.join(outdir, variant.name, 'index.mjs');
    mkdirSync(path.dirname(bundlePath), { recursive: true });
    const {
      splitting: _split,
      chunkNames: _chunks,
      entryNames: _names,
      ...singleFileOptions
    } = LAMBDA_BUNDLE_OPTIONS;
    await build({
      ...(variant.singleFile
        ? { ...singleFileOptions, outfile: bundlePath }
        : { ...LAMBDA_BUNDLE_OPTIONS, entryNames: 'index', outdir: path.dirname(bundlePath) }),
      ...(variant.source === undefined
        ? { entryPoints: [HANDLER_ENTRY] }
        : {
            stdin: {
              contents: variant.source,
              resolveDir: PACKAGE_ROOT,
              sourcefile: `${variant.name}.ts`,
              loader: 'ts',
            },
          }),
      plugins: variant.plugins ?? [],
    });
    // A handler reads its mappings beside itself, as in the shipped asset.
    copyFileSync(importsFile, path.join(path.dirname(bundlePath), IMPORTS_FILE));
    bundles.set(variant.name, { name: variant.name, bundlePath, bytes: bundleBytes(bundlePath) });
  }
  return bundles;
}
