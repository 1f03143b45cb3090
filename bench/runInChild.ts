import { fork } from 'node:child_process';
import path from 'node:path';

/** What a bench child sends back, once. */
export type ChildReply<T> =
  | { readonly ok: true; readonly result: T }
  | { readonly ok: false; readonly error: string };

export interface ChildOptions {
  /** The child's whole environment. @default - the parent's */
  readonly env?: NodeJS.ProcessEnv;
  /** Run under tsx, for TypeScript; off for the plain-JS children that time `node` alone. @default true */
  readonly tsx?: boolean;
  /** Extra node flags, e.g. `--expose-gc`. */
  readonly nodeFlags?: readonly string[];
  /** Killed after this long. @default 120000 */
  readonly timeoutMs?: number;
}

const STDERR_TAIL_CHARS = 4_000;
const TSX_FLAGS = ['--import', 'tsx'];

/**
 * Runs a script in a fresh `node` process and resolves with the one reply it sends over IPC.
 * The child's stdout is discarded: the handler logs a line per import, as it does in Lambda, and the table
 * must stay readable. Its stderr is kept for the error message if it fails.
 */
export function runInChild<T>(
  script: string,
  args: readonly string[],
  options: ChildOptions = {},
): Promise<T> {
  const { tsx = true, nodeFlags = [], timeoutMs = 120_000 } = options;
  return new Promise((resolve, reject) => {
    const child = fork(script, args, {
      env: options.env ?? process.env,
      execArgv: [...(tsx ? TSX_FLAGS : []), ...nodeFlags],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let reply: ChildReply<T> | undefined;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_CHARS);
    });
    child.once('message', (message) => {
      reply = message as ChildReply<T>;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const name = path.basename(script);
      if (reply?.ok) resolve(reply.result);
      else if (reply) reject(new Error(`${name} ${args.join(' ')} failed: ${reply.error}\n${stderr}`));
      else
        reject(new Error(`${name} ${args.join(' ')} exited (${signal ?? code}) without a result\n${stderr}`));
    });
  });
}

/** Runs an exported async function of a bench TypeScript module in a fresh tsx child. */
export function runTaskInChild<T>(
  modulePath: string,
  exportName: string,
  input: unknown,
  options: Omit<ChildOptions, 'tsx'> = {},
): Promise<T> {
  const entry = path.join(import.meta.dirname, 'childTask.ts');
  return runInChild<T>(entry, [modulePath, exportName, JSON.stringify(input)], { ...options, tsx: true });
}
