import type { Node } from 'constructs';
import { CONFIG_CONTEXT_KEY, type ResolvedConfig } from './schema';
import { validateConfig } from './validateConfig';

/** Reads and validates the app's configuration from CDK context (an object, or JSON text given with `-c`). */
export function loadConfig(node: Node): ResolvedConfig {
  return validateConfig(node.tryGetContext(CONFIG_CONTEXT_KEY));
}
