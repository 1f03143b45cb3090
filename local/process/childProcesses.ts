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
  const [executable, ...rest] = onPath('setpriv')
    ? ['setpriv', '--pdeathsig', 'SIGKILL', command, ...args]
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

/** Whether an executable of that name is on PATH. */
export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => {
    try {
      accessSync(join(folder, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
