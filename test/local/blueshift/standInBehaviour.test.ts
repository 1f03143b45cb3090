import { describe, expect, it } from 'vitest';
import { createStandInImports, type StandInBehaviour } from '../../../local/blueshift/standInBehaviour';
import { seededRandom } from '../../../local/seededRandom';

const UUID = '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f';
const OTHER = '7d9e1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e';

/** The behaviour on a clock the test moves. */
const withClock = (behaviour: StandInBehaviour, random?: () => number) => {
  const clock = { nowMs: 1_000_000 };
  const imports = createStandInImports(behaviour, { now: () => clock.nowMs, ...(random ? { random } : {}) });
  return { clock, imports };
};

describe('Function: createStandInImports()', () => {
  it('answers 200 to every call by default and records each as a run of no length', () => {
    // Prepare
    const { imports } = withClock({});

    // Act
    const statuses = [imports.answer(UUID), imports.answer(UUID)].map((answer) => answer.status);

    // Assess
    expect(statuses).toEqual([200, 200]);
    expect(imports.runs).toHaveLength(2);
  });

  it('starts a run of runSeconds with a 200 and answers 405 during it, then 200 again once it ended', () => {
    // Prepare
    const { clock, imports } = withClock({ runSeconds: 2 });

    // Act
    const first = imports.answer(UUID).status;
    clock.nowMs += 1_999;
    const during = imports.answer(UUID).status;
    const otherImport = imports.answer(OTHER).status;
    clock.nowMs += 1;
    const after = imports.answer(UUID).status;

    // Assess
    expect([first, during, otherImport, after]).toEqual([200, 405, 200, 200]);
    expect(imports.runs.map((run) => [run.uuid, run.endsAtMs - run.startedAtMs])).toEqual([
      [UUID, 2_000],
      [OTHER, 2_000],
      [UUID, 2_000],
    ]);
  });

  it('fails about the given share of calls with 503, and starts no run for them', () => {
    // Prepare
    const { imports } = withClock({ fail: { share: 0.3 } }, seededRandom(42));

    // Act
    const statuses = Array.from({ length: 1_000 }, () => imports.answer(UUID).status);

    // Assess
    const failed = statuses.filter((status) => status === 503).length;
    expect(failed).toBeGreaterThan(250);
    expect(failed).toBeLessThan(350);
    expect(statuses.filter((status) => status !== 503).every((status) => status === 200)).toBe(true);
    expect(imports.runs).toHaveLength(1_000 - failed);
  });

  it('fails with the status given', () => {
    // Prepare
    const { imports } = withClock({ fail: { share: 1, status: 500 } });

    // Act & Assess
    expect(imports.answer(UUID)).toEqual({ status: 500 });
  });

  it('answers 405 to every call when busy, whatever the time', () => {
    // Prepare
    const { clock, imports } = withClock({ busy: true });

    // Act
    const statuses = [imports.answer(UUID).status];
    clock.nowMs += 3_600_000;
    statuses.push(imports.answer(UUID).status);

    // Assess
    expect(statuses).toEqual([405, 405]);
    expect(imports.runs).toEqual([]);
  });

  it('rate-limits over all imports with 429 and a Retry-After that ends when the window admits a call', () => {
    // Prepare
    const { clock, imports } = withClock({ rateLimit: { calls: 2, perSeconds: 10 } });

    // Act
    const admitted = [imports.answer(UUID), imports.answer(OTHER)];
    clock.nowMs += 2_500;
    const limited = imports.answer(UUID);
    clock.nowMs += 7_500;
    const freed = imports.answer(UUID);

    // Assess
    expect(admitted.map((answer) => answer.status)).toEqual([200, 200]);
    expect(limited).toEqual({ status: 429, retryAfter: '8' });
    expect(freed.status).toBe(200);
  });

  it('forgets runs and the rate limit on reset', () => {
    // Prepare
    const { imports } = withClock({ runSeconds: 60, rateLimit: { calls: 1, perSeconds: 60 } });
    imports.answer(UUID);

    // Act
    imports.reset();

    // Assess
    expect(imports.runs).toEqual([]);
    expect(imports.answer(UUID).status).toBe(200);
  });

  it.each([
    [{ runSeconds: -1 }, /runSeconds/],
    [{ fail: { share: 1.5 } }, /fail.share/],
    [{ rateLimit: { calls: 0, perSeconds: 1 } }, /rateLimit/],
  ])('refuses %j with a clear error', (behaviour, message) => {
    // Act & Assess
    expect(() => createStandInImports(behaviour)).toThrow(message);
  });
});
