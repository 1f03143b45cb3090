import type { PlannedResponse } from '../blueshift/blueshiftStandIn';
import { createImportRuns, type ImportRun } from '../blueshift/importRuns';
import type { StandInFlags } from './parseSandboxArgs';

/** How long the run in progress at start lasts with `--busy` and no `--run-seconds`. */
export const BUSY_DEFAULT_RUN_SECONDS = 30;

/** The stand-in's answers as the flags ask, over the shared import-run model. */
export interface StandInBehaviour {
  /** The answer to an authorised trigger of `uuid` now. */
  answer(uuid: string): PlannedResponse;
  /** Runs started by a 200 (not the ones `--busy` found running). */
  readonly runsStarted: () => readonly ImportRun[];
}

/**
 * In order: `--rate-limit` answers every other trigger 429 (Retry-After 1); `--fail` answers its share 500;
 * then the import-run model: 405 while a run is in progress, else 200 and a run starts. With `--busy` every
 * configured import has a run in progress from the start. Clock and randomness injected; pure otherwise.
 */
export function createStandInBehaviour(
  flags: StandInFlags,
  uuids: readonly string[],
  deps: { readonly now: () => number; readonly random: () => number },
): StandInBehaviour {
  const runSeconds = flags.busy && flags.runSeconds === 0 ? BUSY_DEFAULT_RUN_SECONDS : flags.runSeconds;
  const runs = createImportRuns(runSeconds);
  const startedAt = deps.now();
  if (flags.busy) for (const uuid of uuids) runs.trigger(uuid, startedAt);
  const preexisting = runs.runs.length;
  let triggers = 0;
  return {
    answer(uuid) {
      triggers++;
      if (flags.rateLimit && triggers % 2 === 1) return { status: 429, retryAfter: '1' };
      if (flags.failShare > 0 && deps.random() < flags.failShare) return { status: 500 };
      return { status: runs.trigger(uuid, deps.now()).status };
    },
    runsStarted: () => runs.runs.slice(preexisting),
  };
}
