import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Node, RootConstruct } from 'constructs';
import { CONFIG_FILE_CONTEXT_KEY, loadConfig } from './loadConfig';
import type { ResolvedAppConfig } from './schema';
import { ConfigError } from './validateConfig';

/** Where a local tool finds the config: the app directory's cdk.json plus what its command line adds. */
export interface SynthConfigSource {
  readonly cwd: string;
  /** `-c key=value` pairs, as `cdk synth -c` takes them (values stay strings, as the CDK CLI passes them). */
  readonly context: readonly string[];
  /** `--config path.json`: the same as `-c blueshiftImportTriggerFile=path.json`. */
  readonly configFile?: string;
}

/** The config `cdk synth` would use, the warnings it would print, and the context node it was read from. */
export interface ConfigAsSynthReads {
  readonly config: ResolvedAppConfig;
  readonly warnings: readonly string[];
  readonly node: Node;
}

/**
 * Reads the app config the way `cdk synth` would in `cwd`, through the app's own `loadConfig`: cdk.json's
 * `context`, then `-c` values over it, then `--config`. Used by `npm start` and `npm run ops -- resolve --local`,
 * so both accept and refuse exactly what synth does. (cdk.context.json and ~/.cdk.json hold lookups, not this
 * app's config.) Throws ConfigError.
 */
export function configAsSynthReads(source: SynthConfigSource): ConfigAsSynthReads {
  const root = new RootConstruct();
  for (const [key, value] of Object.entries(cdkJsonContext(source.cwd))) root.node.setContext(key, value);
  for (const pair of source.context) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new ConfigError([`-c ${pair}: expected key=value`]);
    root.node.setContext(pair.slice(0, at), pair.slice(at + 1));
  }
  if (source.configFile !== undefined) root.node.setContext(CONFIG_FILE_CONTEXT_KEY, source.configFile);
  const config = loadConfig(root.node, source.cwd);
  const warnings = root.node.metadata
    .filter((entry) => entry.type === 'aws:cdk:warning')
    .map((entry) => String(entry.data));
  return { config, warnings, node: root.node };
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
    throw new ConfigError([`${file} is not JSON`]);
  }
}
