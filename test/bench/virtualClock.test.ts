import { describe, expect, it, vi } from 'vitest';
import { createVirtualClock } from '../../bench/runsPerDrop/virtualClock';

describe('Function: createVirtualClock()', () => {
  it('runs actions in time order, ties in the order they were scheduled', async () => {
    // Prepare
    const clock = createVirtualClock(1_000);
    const seen: string[] = [];
    clock.at(3_000, () => seen.push(`c@${clock.now()}`));
    clock.at(2_000, () => seen.push(`a@${clock.now()}`));
    clock.at(2_000, () => seen.push(`b@${clock.now()}`));

    // Act
    await clock.run();

    // Assess
    expect(seen).toEqual(['a@2000', 'b@2000', 'c@3000']);
  });

  it('resolves a sleep when the clock reaches its end, without waiting for real', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const woke: number[] = [];
    const sleeper = (async () => {
      await clock.sleep(3_600_000);
      woke.push(clock.now());
      await clock.sleep(500);
      woke.push(clock.now());
    })();
    const realTimers = vi.spyOn(globalThis, 'setTimeout');

    // Act
    await clock.run();
    await sleeper;

    // Assess: two scheduled wake-ups and no real timer.
    expect(woke).toEqual([3_600_000, 3_600_500]);
    expect(clock.actions).toBe(2);
    expect(realTimers).not.toHaveBeenCalled();
    realTimers.mockRestore();
  });

  it('lets every promise chain an action started settle before time moves on', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const times: number[] = [];
    clock.at(10, () => {
      void (async () => {
        for (let step = 0; step < 50; step++) await Promise.resolve();
        times.push(clock.now());
      })();
    });
    clock.at(20, () => times.push(clock.now()));

    // Act
    await clock.run();

    // Assess
    expect(times).toEqual([10, 20]);
  });

  it('runs an action scheduled in the past at once, never moving time backwards', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const times: number[] = [];
    clock.at(50, () => clock.at(10, () => times.push(clock.now())));

    // Act
    await clock.run();

    // Assess
    expect(times).toEqual([50]);
  });

  it('refuses to run past the action limit (a runaway simulation)', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const again = () => clock.at(clock.now() + 1, again);
    again();

    // Act
    const running = clock.run(100);

    // Assess
    await expect(running).rejects.toThrow('more than 100 actions');
  });
});
