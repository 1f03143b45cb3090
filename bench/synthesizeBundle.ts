import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { ENV } from '../contract/handlerSettings';
import { IMPORTS_FILE } from '../contract/importMapping';
import { CONFIG_CONTEXT_KEY } from '../lib/config/schema';
import { PACKAGE_ROOT } from '../lib/lambdaBundling';
import { TriggerImportStack } from '../lib/TriggerImportStack';
import { bundleBytes } from './bundleBytes';
import { BENCH_BUCKET_NAME } from './s3SqsRecords';

/** Stands in for the secret ARN that CloudFormation resolves the template's `Ref` to at deploy time. */
export const BENCH_SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:BenchApiKey-AbCdEf';

/** Deploy-time values of the variables that hold references in the template. */
/** The ledger table's name as the bench's DynamoDB stand-in answers it (any name works there). */
export const BENCH_LEDGER_TABLE = 'BenchImportTrigger-ledger';

const DEPLOY_TIME_VALUES: Readonly<Record<string, string>> = {
  [ENV.secretId]: BENCH_SECRET_ARN,
  [ENV.bucketName]: BENCH_BUCKET_NAME,
  [ENV.ledgerTableName]: BENCH_LEDGER_TABLE,
};

/** The handler bundle that `cdk synth` ships, and the environment the template gives it. */
export interface ShippedBundle {
  /** `index.mjs` inside the function's asset directory. */
  readonly bundlePath: string;
  /** The import mapping shipped beside it. */
  readonly importsPath: string;
  readonly bundleBytes: number;
  /** The function's environment variables, deploy-time references replaced by plausible values. */
  readonly environment: Readonly<Record<string, string>>;
  readonly assemblyDirectory: string;
}

/** Synthesises the app's stack from cdk.json's configuration into `outdir`, bundling as `cdk synth` does. */
export function synthesizeBundle(outdir: string): ShippedBundle {
  const cdkJson = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'cdk.json'), 'utf8'));
  const app = new App({ outdir, context: { [CONFIG_CONTEXT_KEY]: cdkJson.context[CONFIG_CONTEXT_KEY] } });
  const stack = new TriggerImportStack(app, 'BenchImportTrigger');
  const assembly = app.synth();
  const template = assembly.getStackByName(stack.stackName).template;
  // Found through the construct, so a renamed logical ID does not break the bench.
  const logicalId = stack.getLogicalId(stack.trigger.function.node.defaultChild as CfnElement);
  const properties = template.Resources[logicalId].Properties;
  const assetHash = String(properties.Code.S3Key).replace(/\.zip$/, '');
  const assetDirectory = path.join(assembly.directory, `asset.${assetHash}`);
  const bundlePath = path.join(assetDirectory, 'index.mjs');
  const variables: Record<string, unknown> = properties.Environment.Variables;
  const environment = Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [name, deployTimeValue(name, value)]),
  );
  return {
    bundlePath,
    importsPath: path.join(assetDirectory, IMPORTS_FILE),
    bundleBytes: bundleBytes(bundlePath),
    environment,
    assemblyDirectory: assembly.directory,
  };
}

/** A template value as the deployed function sees it; only the secret, bucket and table references need resolving. */
function deployTimeValue(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  const resolved = DEPLOY_TIME_VALUES[name];
  if (resolved !== undefined) return resolved;
  throw new Error(
    `environment variable ${name} holds an intrinsic the bench cannot resolve: ${JSON.stringify(value)}`,
  );
}
