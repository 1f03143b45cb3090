import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { AssetManifestArtifact } from 'aws-cdk-lib/cx-api';
import { CONFIG_CONTEXT_KEY } from '../../lib/config/schema';
import { TriggerImportStack } from '../../lib/TriggerImportStack';
import type { StackTemplate } from './findStackResources';

/** The app's stack as `cdk synth` writes it: the template and where its assets were bundled. */
export interface SynthesizedAssembly {
  readonly stackName: string;
  readonly template: StackTemplate;
  /** The cloud assembly directory (a fresh temporary directory; remove it when done). */
  readonly directory: string;
  /** Folder of each file asset, by asset hash, as the stack's asset manifest lists them. */
  readonly assetFolders: ReadonlyMap<string, string>;
}

/**
 * Synthesises the real stack from a raw configuration in CDK context into a temporary directory, bundling the
 * function with esbuild as `cdk synth` does. Takes a few seconds.
 */
export function synthesizeLocalStack(
  stackName: string,
  rawConfig: Record<string, unknown>,
): SynthesizedAssembly {
  const directory = mkdtempSync(path.join(tmpdir(), 'blueshift-e2e-'));
  const app = new App({ outdir: directory, context: { [CONFIG_CONTEXT_KEY]: rawConfig } });
  const stack = new TriggerImportStack(app, stackName, { stackName });
  const artifact = app.synth().getStackArtifact(stack.artifactId);
  const assetFolders = new Map<string, string>();
  for (const dependency of artifact.dependencies) {
    if (!AssetManifestArtifact.isAssetManifestArtifact(dependency)) continue;
    for (const [hash, asset] of Object.entries(dependency.contents.files ?? {})) {
      if (asset.source.path) assetFolders.set(hash, path.resolve(directory, asset.source.path));
    }
  }
  return { stackName, template: artifact.template as StackTemplate, directory, assetFolders };
}
