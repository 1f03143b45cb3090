import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configAsSynthReads, type SynthConfigSource } from '../../lib/config/configAsSynthReads';
import { CONFIG_FILE_CONTEXT_KEY } from '../../lib/config/loadConfig';
import { type AppConfig, CONFIG_CONTEXT_KEY, type ResolvedAppConfig } from '../../lib/config/schema';

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
export function loadSandboxConfig(source: SynthConfigSource): SandboxConfig {
  const { config: resolved, warnings, node } = configAsSynthReads(source);
  const file = node.tryGetContext(CONFIG_FILE_CONTEXT_KEY) as string | undefined;
  const written: unknown =
    file === undefined
      ? node.tryGetContext(CONFIG_CONTEXT_KEY)
      : readFileSync(resolve(source.cwd, file), 'utf8');
  const raw = (typeof written === 'string' ? JSON.parse(written) : written) as AppConfig;
  // The sandbox points the function at the stand-in (or --live at the configured API) itself.
  const { apiBaseUrl: _chosenBySandbox, $schema: _editorsOnly, ...rest } = raw;
  return { raw: rest, resolved, warnings };
}
