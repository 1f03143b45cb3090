import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Node } from 'constructs';
import { warnOnExampleUuids } from './exampleUuids';
import { CONFIG_CONTEXT_KEY, type ResolvedAppConfig } from './schema';
import { ConfigError, validateAppConfig } from './validateConfig';

/** The context key that names a config file (`-c blueshiftImportTriggerFile=config/prod.json`). */
export const CONFIG_FILE_CONTEXT_KEY = 'blueshiftImportTriggerFile';

/** A config file's text; a missing or unreadable file is a ConfigError. Relative paths are from the app directory. */
function readConfigFile(file: unknown, cwd: string): string {
  if (typeof file !== 'string' || file.length === 0) {
    throw new ConfigError([`${CONFIG_FILE_CONTEXT_KEY}: must be the path of a JSON config file`]);
  }
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError([`${CONFIG_FILE_CONTEXT_KEY}: cannot read ${file} (${reason})`]);
  }
}

/**
 * Reads and validates the app's configuration from CDK context: the `blueshiftImportTrigger` object (or its JSON
 * text, as given with `-c`), or the JSON file `blueshiftImportTriggerFile` names; never both. Adds a synth warning
 * on `node` while the example import UUIDs are configured.
 */
export function loadConfig(node: Node, cwd: string = process.cwd()): ResolvedAppConfig {
  const inline = node.tryGetContext(CONFIG_CONTEXT_KEY);
  const file = node.tryGetContext(CONFIG_FILE_CONTEXT_KEY);
  if (inline !== undefined && file !== undefined) {
    throw new ConfigError([
      `${CONFIG_FILE_CONTEXT_KEY}: give either ${CONFIG_FILE_CONTEXT_KEY} or ${CONFIG_CONTEXT_KEY}, not both ` +
        `(to use a config file, remove "${CONFIG_CONTEXT_KEY}" from the context in cdk.json)`,
    ]);
  }
  const config =
    file === undefined ? validateAppConfig(inline) : validateAppConfig(readConfigFile(file, cwd));
  warnOnExampleUuids(node, config.imports);
  return config;
}
