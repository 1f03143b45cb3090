import { describe, expect, it } from 'vitest';
import type { StandInFlags } from '../../local/sandbox/parseSandboxArgs';
import { BUSY_DEFAULT_RUN_SECONDS, createStandInBehaviour } from '../../local/sandbox/standInBehaviour';

const UUID = '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f';
const flags = (overrides: Partial<StandInFlags> = {}): StandInFlags => ({
  failShare: 0,
  busy: false,
  rateLimit: false,
  runSeconds: 0,
  ...overrides,
});
const clock = (startMs = 1_000_000) => {
  let nowMs = startMs;
  return {
    now: () => nowMs,
    advance: (seconds: number) => {
      nowMs += seconds * 1000;
    },
  };
};

describe('Function: createStandInBehaviour()', () => {
  it('answers 200 to every trigger when runs end at once', () => {
    // Prepare
    const time = clock();
    const behaviour = createStandInBehaviour(flags(), [UUID], { now: time.now, random: () => 0 });

    // Act
    const answers = [behaviour.answer(UUID), behaviour.answer(UUID)];

    // Assess
    expect(answers).toEqual([{ status: 200 }, { status: 200 }]);
    expect(behaviour.runsStarted()).toHaveLength(2);
  });

  it('answers 405 during a run of --run-seconds and 200 once it ended', () => {
    // Prepare
    const time = clock();
    const behaviour = createStandInBehaviour(flags({ runSeconds: 60 }), [UUID], {
      now: time.now,
      random: () => 0,
    });

    // Act
    const first = behaviour.answer(UUID);
    time.advance(59);
    const during = behaviour.answer(UUID);
    time.advance(1);
    const after = behaviour.answer(UUID);

    // Assess
    expect([first, during, after]).toEqual([{ status: 200 }, { status: 405 }, { status: 200 }]);
    expect(behaviour.runsStarted()).toHaveLength(2);
  });

  it('starts every import busy with --busy, for the default run length without --run-seconds', () => {
    // Prepare
    const time = clock();
    const behaviour = createStandInBehaviour(flags({ busy: true }), [UUID], {
      now: time.now,
      random: () => 0,
    });

    // Act
    const during = behaviour.answer(UUID);
    time.advance(BUSY_DEFAULT_RUN_SECONDS);
    const after = behaviour.answer(UUID);

    // Assess
    expect([during, after]).toEqual([{ status: 405 }, { status: 200 }]);
    expect(behaviour.runsStarted()).toHaveLength(1);
  });

  it('answers the --fail share 500, by the injected randomness, without starting a run', () => {
    // Prepare
    const draws = [0.1, 0.5];
    const behaviour = createStandInBehaviour(flags({ failShare: 0.3 }), [UUID], {
      now: clock().now,
      random: () => draws.shift() ?? 1,
    });

    // Act
    const answers = [behaviour.answer(UUID), behaviour.answer(UUID)];

    // Assess
    expect(answers).toEqual([{ status: 500 }, { status: 200 }]);
    expect(behaviour.runsStarted()).toHaveLength(1);
  });

  it('answers every other trigger 429 with Retry-After under --rate-limit, the first one included', () => {
    // Prepare
    const behaviour = createStandInBehaviour(flags({ rateLimit: true }), [UUID], {
      now: clock().now,
      random: () => 1,
    });

    // Act
    const answers = [behaviour.answer(UUID), behaviour.answer(UUID), behaviour.answer(UUID)];

    // Assess
    expect(answers).toEqual([
      { status: 429, retryAfter: '1' },
      { status: 200 },
      { status: 429, retryAfter: '1' },
    ]);
  });
});
