import type { StandInBehaviour } from '../blueshift/standInBehaviour';
import type { StandInFlags } from './parseSandboxArgs';

/** `--rate-limit`: one call admitted per 10 s, over all imports, enough to see a 429 with Retry-After. */
export const SANDBOX_RATE_LIMIT = { calls: 1, perSeconds: 10 } as const;

/** The stand-in's behaviour (local/blueshift, shared with the e2e and soak tests) the flags ask for. Pure. */
export function standInBehaviourOf(flags: StandInFlags): StandInBehaviour {
  return {
    ...(flags.runSeconds > 0 ? { runSeconds: flags.runSeconds } : {}),
    ...(flags.failShare > 0 ? { fail: { share: flags.failShare } } : {}),
    ...(flags.busy ? { busy: true } : {}),
    ...(flags.rateLimit ? { rateLimit: SANDBOX_RATE_LIMIT } : {}),
  };
}
