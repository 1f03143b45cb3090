import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RootConstruct } from 'constructs';
import { CONFIG_FILE_CONTEXT_KEY, loadConfig } from '../../lib/config/loadConfig';
import { type AppConfig, CONFIG_CONTEXT_KEY, type ResolvedAppConfig } from '../../lib/config/schema';
import { ConfigError } from '../../lib/config/validateConfig';

/** The app's configuration as `cdk synth` would read it from the same directory and flags. */
export interface SandboxConfig {
  /** As written (no defaults filled in), for the local deployment to synthesise. */
  readonly raw: Omit<AppConfig, 'apiBaseUrl'>;
  /** Validated, defaults applied. */
  readonly resolved: ResolvedAppConfig;
  /** What synth would warn about (example import UUIDs). */
  readonly warnings: readonly string[];
}

/**
 * Reads cdk.json's context, then `-c key=value` over it and `--config` as `blueshiftImportTriggerFile`, and
 * validates through the app's own `loadConfig`, so the sandbox accepts and refuses exactly what synth does.
 */
export function loadSandboxConfig(source: {
  readonly cwd: string;
  readonly context: readonly string[];
  readonly configFile?: string;
}): SandboxConfig {
  const root = new RootConstruct();
  for (const [key, value] of Object.entries(cdkJsonContext(source.cwd))) root.node.setContext(key, value);
  for (const pair of source.context) {
    const at = pair.indexOf('=');
    root.node.setContext(pair.slice(0, at), pair.slice(at + 1));
  }
  if (source.configFile !== undefined) root.node.setContext(CONFIG_FILE_CONTEXT_KEY, source.configFile);
  const resolved = loadConfig(root.node, source.cwd);
  const warnings = root.node.metadata
    .filter((entry) => entry.type === 'aws:cdk:warning')
    .map((entry) => String(entry.data));
  const file = root.node.tryGetContext(CONFIG_FILE_CONTEXT_KEY) as string | undefined;
  const written: unknown =
    file === undefined
      ? root.node.tryGetContext(CONFIG_CONTEXT_KEY)
      : readFileSync(resolve(source.cwd, file), 'utf8');
  const raw = (typeof written === 'string' ? JSON.parse(written) : written) as AppConfig;
  // The sandbox points the function at the stand-in (or --live at the configured API) itself.
  const { apiBaseUrl: _chosenBySandbox, $schema: _editorsOnly, ...rest } = raw;
  return { raw: rest, resolved, warnings };
}

function cdkJsonContext(cwd: string): Record<string, unknown> {
  const file = join(cwd, 'cdk.json');
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    return (JSON.parse(content) as { context?: Record<string, unknown> }).context ?? {};
  } catch {
    throw new ConfigError([`${file} is not JSON`]);
  }
}
