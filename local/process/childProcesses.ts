import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Children not yet ended; killed when this process exits, so a run that fails before stopping them leaks none. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Spawns a child that cannot outlive this process. Vitest ends its workers with SIGTERM, which skips 'exit'
 * handlers; where `setpriv` exists it asks the kernel to kill the child when this process dies however it
 * dies, and execs the command, so the PID (and any IPC channel) stays the command's own.
 */
export function spawnTied(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  // By its full path: a child's own environment (a function's) may have no PATH to look it up in.
  const setpriv = findOnPath('setpriv');
  const [executable, ...rest] = setpriv
    ? [setpriv, '--pdeathsig', 'SIGKILL', command, ...args]
    : [command, ...args];
  const child = spawn(executable as string, rest, options);
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const leftover of running) leftover.kill('SIGKILL');
    });
  }
  return child;
}

/** Whether the child has not exited yet. */
export const isAlive = (child: ChildProcess): boolean =>
  child.pid !== undefined && child.exitCode === null && child.signalCode === null;

/** Ends the child by its PID (`signal`, then SIGKILL after `graceMs`) and waits for it to exit. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (!isAlive(child)) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  const escalation = signal === 'SIGKILL' ? undefined : setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    await exited;
  } finally {
    clearTimeout(escalation);
  }
}

/** The full path of an executable of that name on this process's PATH, if there is one. */
export function findOnPath(command: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((folder) => join(folder, command))
    .find((file) => {
      try {
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}
