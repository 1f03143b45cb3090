import { type FSWatcher, mkdirSync, readdirSync, statSync, watch } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** How long a file's size and modification time must stay put before it counts as written. */
export const SETTLE_MS = 300;

/** Editor and system leftovers that are not drops. */
const isScratch = (name: string) => /(^|\/)\.|~$|\.swp$|\.tmp$|\.part$/.test(name);

/**
 * Watches a folder (created if missing) and calls `onFile` with each file's S3 key (its path under the folder,
 * `/`-separated) once a write has finished: when its size and mtime stayed the same for SETTLE_MS.
 */
export function watchFolder(folder: string, onFile: (key: string, path: string) => void): { close(): void } {
  mkdirSync(folder, { recursive: true });
  const pending = new Map<string, { timer: NodeJS.Timeout; seen?: string }>();
  const check = (name: string) => {
    const path = join(folder, name);
    let stamp: string;
    try {
      const stats = statSync(path);
      if (stats.isDirectory()) return void scanDirectory(name);
      if (!stats.isFile()) return void pending.delete(name);
      stamp = `${stats.size}:${stats.mtimeMs}`;
    } catch {
      return void pending.delete(name); // removed again
    }
    const entry = pending.get(name);
    if (entry?.seen === stamp) {
      pending.delete(name);
      onFile(relative(folder, path).split(sep).join('/'), path);
      return;
    }
    pending.set(name, { timer: setTimeout(() => check(name), SETTLE_MS), seen: stamp });
  };
  const schedule = (name: string) => {
    if (isScratch(name)) return;
    const entry = pending.get(name);
    if (entry) clearTimeout(entry.timer);
    pending.set(name, { timer: setTimeout(() => check(name), SETTLE_MS) });
  };
  // Files written into a new folder before the watcher has added it are found by reading the folder.
  const scanDirectory = (name: string) => {
    pending.delete(name);
    for (const entry of readdirSync(join(folder, name), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) schedule(relative(folder, join(entry.parentPath, entry.name)));
    }
  };
  const watcher: FSWatcher = watch(folder, { recursive: true }, (_event, name) => {
    if (name) schedule(name);
  });
  return {
    close: () => {
      watcher.close();
      for (const { timer } of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
