import { describe, expect, it } from 'vitest';
import { isAlive, spawnTied, stopChild } from '../../../local/process/childProcesses';

/** A Node.js child that ignores SIGTERM, as a stuck process would. */
const stubbornChild = () =>
  spawnTied(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], {
    stdio: 'ignore',
    env: {},
  });

describe('Function: stopChild()', () => {
  it('kills a child that ignores SIGTERM once the grace period is over, and waits for its exit', async () => {
    // Prepare
    const child = stubbornChild();
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Act
    await stopChild(child, 'SIGTERM', 200);

    // Assess
    expect(isAlive(child)).toBe(false);
    expect(child.signalCode).toBe('SIGKILL');
  });

  it('returns at once for a child that has already exited', async () => {
    // Prepare
    const child = stubbornChild();
    await stopChild(child, 'SIGKILL', 0);

    // Act & Assess
    await expect(stopChild(child, 'SIGTERM', 200)).resolves.toBeUndefined();
  });
});
