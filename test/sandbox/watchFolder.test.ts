import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTLE_MS, watchFolder } from '../../local/sandbox/watchFolder';

let root: string;
let watcher: { close(): void } | undefined;

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await sleep(50);
}

describe('Function: watchFolder()', () => {
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'sandbox-watch-'));
  });
  afterEach(() => {
    watcher?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the folder and reports a file in a new subfolder once, under its /-separated key', async () => {
    // Prepare
    const folder = path.join(root, 'drops');
    const keys: string[] = [];
    watcher = watchFolder(folder, (key) => keys.push(key));

    // Act
    mkdirSync(path.join(folder, 'customers', 'daily'), { recursive: true });
    writeFileSync(path.join(folder, 'customers', 'daily', 'a.csv'), 'email\n');
    await until(() => keys.length > 0);
    await sleep(SETTLE_MS * 3);

    // Assess
    expect(keys).toEqual(['customers/daily/a.csv']);
  });

  it('waits until a file stops growing, and ignores editor scratch files', async () => {
    // Prepare
    const keys: string[] = [];
    watcher = watchFolder(root, (key) => keys.push(key));
    const file = path.join(root, 'big.csv');

    // Act: written in pieces, closer together than the settle time.
    writeFileSync(file, 'email\n');
    writeFileSync(path.join(root, '.big.csv.swp'), 'x');
    writeFileSync(path.join(root, 'notes.txt~'), 'x');
    for (let piece = 0; piece < 4; piece++) {
      await sleep(SETTLE_MS / 3);
      appendFileSync(file, `a${piece}@example.com\n`);
    }
    const whileWriting = [...keys];
    await until(() => keys.length > 0);
    await sleep(SETTLE_MS * 3);

    // Assess
    expect(whileWriting).toEqual([]);
    expect(keys).toEqual(['big.csv']);
  });
});
