import { describe, expect, it } from 'vitest';
import { createStandInImports } from '../../local/blueshift/standInBehaviour';
import { parseSandboxArgs } from '../../local/sandbox/parseSandboxArgs';
import { SANDBOX_RATE_LIMIT, standInBehaviourOf } from '../../local/sandbox/standInBehaviourOf';

const behaviourFor = (argv: string[]) => {
  const parsed = parseSandboxArgs(argv);
  if (parsed.kind !== 'run') throw new Error('expected run');
  return standInBehaviourOf(parsed.args.standIn);
};

describe('Function: standInBehaviourOf()', () => {
  it('asks nothing of the stand-in without flags: every trigger gets 200', () => {
    // Act + Assess
    expect(behaviourFor([])).toEqual({});
  });

  it('maps each flag onto the shared stand-in behaviour', () => {
    // Act
    const behaviour = behaviourFor(['--run-seconds', '20', '--fail', '30%', '--busy', '--rate-limit']);

    // Assess
    expect(behaviour).toEqual({
      runSeconds: 20,
      fail: { share: 0.3 },
      busy: true,
      rateLimit: SANDBOX_RATE_LIMIT,
    });
  });

  it('gives 405 during a --run-seconds run when the shared model answers', () => {
    // Prepare
    let nowMs = 0;
    const imports = createStandInImports(behaviourFor(['--run-seconds', '20']), { now: () => nowMs });

    // Act
    const first = imports.answer('u');
    nowMs = 19_000;
    const during = imports.answer('u');
    nowMs = 20_000;
    const after = imports.answer('u');

    // Assess
    expect([first.status, during.status, after.status]).toEqual([200, 405, 200]);
  });
});
