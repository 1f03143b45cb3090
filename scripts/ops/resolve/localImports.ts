import type { ImportMapping } from '../../../contract/importMapping';
import { configAsSynthReads, type SynthConfigSource } from '../../../lib/config/configAsSynthReads';

/** Where `--local` finds the config: the app directory's cdk.json plus what the command line adds. */
export type LocalConfigSource = SynthConfigSource;

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
  const { config, warnings } = configAsSynthReads(source);
  return { imports: config.imports, warnings };
}
