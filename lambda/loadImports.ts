import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IMPORTS_FILE, type ImportMapping, parseImports } from '../contract/importMapping';

/**
 * Reads the import mappings shipped beside the handler: from `LAMBDA_TASK_ROOT`, which Lambda sets to the
 * function's code directory, else from `moduleDir`. Throws naming the file, so a broken asset fails the cold start.
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 */
export function loadImports(
  env: Readonly<Record<string, string | undefined>>,
  moduleDir: string,
): readonly ImportMapping[] {
  const file = path.join(env.LAMBDA_TASK_ROOT || moduleDir, IMPORTS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the import mappings at ${file} (${(error as Error).message})`);
  }
  try {
    return parseImports(text);
  } catch (error) {
    throw new Error(`${(error as Error).message} (${file})`);
  }
}
