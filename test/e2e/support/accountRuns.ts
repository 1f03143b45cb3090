import type { RecordedCall } from '../../../local/blueshift/blueshiftStandIn';
import type { ImportRun } from '../../../local/blueshift/importRuns';
import type { Drop } from '../faults/dropSchedule';

/** Issue 9's figures for one drop of one import. */
export interface RunsPerDrop {
  readonly files: number;
  /** First to last drop, in seconds. */
  readonly spanSeconds: number;
  /** Import runs started (each a 200). */
  readonly runs: number;
  readonly calls: number;
  /** Calls answered 405: the import was already being processed. */
  readonly busyAnswers: number;
  /** Files some run read (it started after they landed) that are in the dead-letter queue anyway. */
  readonly coveredInDeadLetters: readonly string[];
  /** Files no run read and not in the dead-letter queue. */
  readonly lost: readonly string[];
}

const uuidOf = (call: RecordedCall) => (call.body as { uuid?: unknown } | null)?.uuid;

/**
 * Accounts a drop against the stand-in's import runs: a file is covered when a run of its import started
 * after it was dropped (`droppedAt` is taken before the upload, so the run surely reads it).
 */
export function accountRuns(input: {
  readonly uuid: string;
  readonly drops: readonly Drop[];
  readonly calls: readonly RecordedCall[];
  readonly runs: readonly ImportRun[];
  readonly deadLetterKeys: readonly string[];
}): RunsPerDrop {
  const drops = input.drops.filter((drop) => drop.uuid === input.uuid);
  const runs = input.runs.filter((run) => run.uuid === input.uuid);
  const calls = input.calls.filter((call) => uuidOf(call) === input.uuid);
  const deadLettered = new Set(input.deadLetterKeys);
  const covered = (drop: Drop) => runs.some((run) => run.startedAtMs >= drop.droppedAt);
  const times = drops.map((drop) => drop.droppedAt);
  return {
    files: drops.length,
    spanSeconds: drops.length === 0 ? 0 : (Math.max(...times) - Math.min(...times)) / 1000,
    runs: runs.length,
    calls: calls.length,
    busyAnswers: calls.filter((call) => call.response === 405).length,
    coveredInDeadLetters: drops
      .filter((drop) => covered(drop) && deadLettered.has(drop.key))
      .map((drop) => drop.key),
    lost: drops.filter((drop) => !covered(drop) && !deadLettered.has(drop.key)).map((drop) => drop.key),
  };
}
