import { createImportRuns, type ImportRun } from './importRuns';

/** How the stand-in answers authorised triggers of known imports that no script covers. */
export interface StandInBehaviour {
  /** Each 200 starts an import run this long; a trigger during a run gets 405. @default 0 (never busy) */
  readonly runSeconds?: number;
  /** This share of calls (0 to 1) fails with `status`, drawn per call. @default - none */
  readonly fail?: { readonly share: number; readonly status?: number };
  /** Every call gets 405, as if the import were always being processed. @default false */
  readonly busy?: boolean;
  /**
   * At most `calls` admitted per `perSeconds` (a sliding window, over all imports); a call beyond gets 429 with
   * `Retry-After` in whole seconds until the window admits one again. @default - no limit
   */
  readonly rateLimit?: { readonly calls: number; readonly perSeconds: number };
}

/** A status to answer with, and the `Retry-After` header when there is one. */
export interface BehaviourAnswer {
  readonly status: number;
  readonly retryAfter?: string;
}

/** The behaviour with its state: the runs started and the calls the rate limit admitted. */
export interface StandInImports {
  answer(uuid: string): BehaviourAnswer;
  /** Every run started (each 200 this behaviour gave), oldest first. */
  readonly runs: readonly ImportRun[];
  /** Forgets runs and the rate limit's window. */
  reset(): void;
}

/** The default failure of the `fail` mode: Blueshift's "Service Unavailable - Try again later". */
export const DEFAULT_FAIL_STATUS = 503;

/**
 * Answers in this order: the rate limit (a real API refuses before it looks at the request), `busy`, the
 * `fail` share, then the import-run model (200 starting a run, or 405 during one). Clock and randomness are
 * injected, so the modes are tested without waiting.
 */
export function createStandInImports(
  behaviour: StandInBehaviour,
  {
    now = Date.now,
    random = Math.random,
  }: { readonly now?: () => number; readonly random?: () => number } = {},
): StandInImports {
  checkBehaviour(behaviour);
  let runs = createImportRuns(behaviour.runSeconds ?? 0);
  let admitted: number[] = [];

  const rateLimited = (atMs: number): BehaviourAnswer | undefined => {
    const limit = behaviour.rateLimit;
    if (!limit) return undefined;
    const windowMs = limit.perSeconds * 1000;
    admitted = admitted.filter((at) => at > atMs - windowMs);
    if (admitted.length < limit.calls) {
      admitted.push(atMs);
      return undefined;
    }
    const freesAtMs = (admitted[0] as number) + windowMs;
    return { status: 429, retryAfter: String(Math.max(1, Math.ceil((freesAtMs - atMs) / 1000))) };
  };

  return {
    answer(uuid) {
      const atMs = now();
      const limited = rateLimited(atMs);
      if (limited) return limited;
      if (behaviour.busy) return { status: 405 };
      if (behaviour.fail && random() < behaviour.fail.share) {
        return { status: behaviour.fail.status ?? DEFAULT_FAIL_STATUS };
      }
      return { status: runs.trigger(uuid, atMs).status };
    },
    get runs() {
      return runs.runs;
    },
    reset() {
      runs = createImportRuns(behaviour.runSeconds ?? 0);
      admitted = [];
    },
  };
}

function checkBehaviour(behaviour: StandInBehaviour): void {
  const problems: string[] = [];
  if (behaviour.runSeconds !== undefined && !(behaviour.runSeconds >= 0))
    problems.push('runSeconds must be 0 or more');
  if (behaviour.fail && !(behaviour.fail.share >= 0 && behaviour.fail.share <= 1))
    problems.push('fail.share must be between 0 and 1');
  const limit = behaviour.rateLimit;
  if (limit && !(Number.isInteger(limit.calls) && limit.calls >= 1 && limit.perSeconds > 0))
    problems.push('rateLimit needs a whole number of calls (1 or more) per a positive number of seconds');
  if (problems.length > 0) throw new Error(`Invalid stand-in behaviour: ${problems.join('; ')}`);
}
