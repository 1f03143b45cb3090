import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { ENV } from '../lib/config/environment';
import { CONFIG_CONTEXT_KEY } from '../lib/config/schema';
import { TriggerImportStack } from '../lib/TriggerImportStack';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** Stands in for the secret ARN that CloudFormation resolves the template's `Ref` to at deploy time. */
export const BENCH_SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:BenchApiKey-AbCdEf';

/** The handler bundle that `cdk synth` ships, and the environment the template gives it. */
export interface ShippedBundle {
  /** `index.mjs` inside the function's asset directory. */
  readonly bundlePath: string;
  readonly bundleBytes: number;
  /** The function's environment variables, deploy-time references replaced by plausible values. */
  readonly environment: Readonly<Record<string, string>>;
  readonly assemblyDirectory: string;
}

/** Synthesises the app's stack from cdk.json's configuration into `outdir`, bundling as `cdk synth` does. */
export function synthesizeBundle(outdir: string): ShippedBundle {
  const cdkJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8'));
  const app = new App({ outdir, context: { [CONFIG_CONTEXT_KEY]: cdkJson.context[CONFIG_CONTEXT_KEY] } });
  const stack = new TriggerImportStack(app, 'BenchImportTrigger');
  const assembly = app.synth();
  const template = assembly.getStackByName(stack.stackName).template;
  // Found through the construct, so a renamed logical ID does not break the bench.
  const logicalId = stack.getLogicalId(stack.trigger.function.node.defaultChild as CfnElement);
  const properties = template.Resources[logicalId].Properties;
  const assetHash = String(properties.Code.S3Key).replace(/\.zip$/, '');
  const bundlePath = path.join(assembly.directory, `asset.${assetHash}`, 'index.mjs');
  const variables: Record<string, unknown> = properties.Environment.Variables;
  const environment = Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [name, deployTimeValue(name, value)]),
  );
  return {
    bundlePath,
    bundleBytes: statSync(bundlePath).size,
    environment,
    assemblyDirectory: assembly.directory,
  };
}

/** A template value as the deployed function sees it; only the secret reference needs resolving. */
function deployTimeValue(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (name === ENV.secretId) return BENCH_SECRET_ARN;
  throw new Error(
    `environment variable ${name} holds an intrinsic the bench cannot resolve: ${JSON.stringify(value)}`,
  );
}
