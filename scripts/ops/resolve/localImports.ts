import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RootConstruct } from 'constructs';
import type { ImportMapping } from '../../../contract/importMapping';
import { CONFIG_FILE_CONTEXT_KEY, loadConfig } from '../../../lib/config/loadConfig';
import { OpsError } from '../errors';

/** Where `--local` finds the config: the app directory's cdk.json plus what the command line adds. */
export interface LocalConfigSource {
  readonly cwd: string;
  /** `-c key=value` pairs, as `cdk synth -c` takes them (values stay strings, as the CDK CLI passes them). */
  readonly context: readonly string[];
  /** `--config path.json`: the same as `-c blueshiftImportTriggerFile=path.json`. */
  readonly configFile?: string;
}

/** What `--local` found: the mappings, and the warnings synth would print about them. */
export interface LocalImports {
  readonly imports: readonly ImportMapping[];
  readonly warnings: readonly string[];
}

/**
 * The import mappings `cdk synth` would deploy, read by the app's own `loadConfig` from the same context: cdk.json's
 * `context`, then `-c` values over it. (cdk.context.json and ~/.cdk.json hold lookups, not this app's config.)
 */
export function localImports(source: LocalConfigSource): LocalImports {
  const root = new RootConstruct();
  for (const [key, value] of Object.entries(cdkJsonContext(source.cwd))) root.node.setContext(key, value);
  for (const pair of source.context) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new OpsError(`-c ${pair}: expected key=value`);
    root.node.setContext(pair.slice(0, at), pair.slice(at + 1));
  }
  if (source.configFile !== undefined) root.node.setContext(CONFIG_FILE_CONTEXT_KEY, source.configFile);
  const config = loadConfig(root.node, source.cwd);
  const warnings = root.node.metadata
    .filter((entry) => entry.type === 'aws:cdk:warning')
    .map((entry) => String(entry.data));
  return { imports: config.imports, warnings };
}

function cdkJsonContext(cwd: string): Record<string, unknown> {
  const file = join(cwd, 'cdk.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    return (JSON.parse(text) as { context?: Record<string, unknown> }).context ?? {};
  } catch {
    throw new OpsError(`${file} is not JSON`);
  }
}
