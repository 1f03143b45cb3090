import { describe, expect, it } from 'vitest';
import { createSimulatedBlueshift, seededRandom } from '../../bench/runsPerDrop/simulatedBlueshift';
import { createVirtualClock, type VirtualClock } from '../../bench/runsPerDrop/virtualClock';

/** Runs `work` on the virtual clock to its end. */
async function onClock<T>(clock: VirtualClock, work: () => Promise<T>): Promise<T> {
  const result = work();
  await clock.run();
  return result;
}

const request = (uuid: string) => ({
  baseUrl: 'https://api.getblueshift.com',
  apiKey: 'key',
  uuid,
  timeoutMs: 1_000,
});

describe('Function: createSimulatedBlueshift()', () => {
  it('starts a run on 200, answers 405 during it and starts another once it has ended', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const blueshift = createSimulatedBlueshift(clock, { runSeconds: 10, latencyMs: 200 }, () => 0.5);
    const statuses: number[] = [];
    const callAt = (atMs: number) =>
      clock.at(atMs, () => {
        void blueshift.call(request('import-1')).then((response) => {
          if (response.kind === 'response') statuses.push(response.status);
        });
      });
    callAt(0);
    callAt(5_000);
    callAt(10_100);

    // Act
    await clock.run();

    // Assess
    expect(statuses).toEqual([200, 405, 200]);
    expect(blueshift.runs.runs.map(({ startedAtMs }) => startedAtMs)).toEqual([100, 10_200]);
    expect(blueshift.calls.map(({ atMs, status }) => ({ atMs, status }))).toEqual([
      { atMs: 100, status: 200 },
      { atMs: 5_100, status: 405 },
      { atMs: 10_200, status: 200 },
    ]);
  });

  it('keeps each import’s runs apart', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const blueshift = createSimulatedBlueshift(clock, { runSeconds: 10, latencyMs: 0 }, () => 0.5);

    // Act
    const answers = await onClock(clock, () =>
      Promise.all([blueshift.call(request('import-1')), blueshift.call(request('import-2'))]),
    );

    // Assess
    expect(answers.map((answer) => (answer.kind === 'response' ? answer.status : answer.kind))).toEqual([
      200, 200,
    ]);
  });

  it('answers 503 for the share of calls the seeded faults pick, without starting a run', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const blueshift = createSimulatedBlueshift(
      clock,
      { runSeconds: 0, latencyMs: 0, transientShare: 0.3 },
      seededRandom(42),
    );

    // Act
    await onClock(clock, async () => {
      for (let call = 0; call < 1_000; call++) await blueshift.call(request('import-1'));
    });

    // Assess
    const faults = blueshift.calls.filter(({ status }) => status === 503).length;
    expect(faults).toBeGreaterThan(250);
    expect(faults).toBeLessThan(350);
    expect(blueshift.runs.runs).toHaveLength(1_000 - faults);
  });
});

describe('Function: seededRandom()', () => {
  it('repeats its sequence for a seed and stays within [0, 1)', () => {
    // Prepare
    const first = seededRandom(7);
    const second = seededRandom(7);

    // Act
    const a = Array.from({ length: 100 }, first);
    const b = Array.from({ length: 100 }, second);

    // Assess
    expect(a).toEqual(b);
    expect(a.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(a).size).toBe(100);
  });
});
