/**
 * How Blueshift runs an S3 import, as far as triggering goes: a successful trigger starts a run that lasts a
 * while (an S3 import reads about a million users an hour), and a trigger during a run is refused with 405
 * ("usually the import is already being processed"). A run reads every file that landed before it started.
 * Pure and clock-injected, so the HTTP stand-in, the sandbox and the bench's simulated drops share it.
 */

/** One run of an import. */
export interface ImportRun {
  readonly uuid: string;
  readonly startedAtMs: number;
  readonly endsAtMs: number;
}

export interface ImportRuns {
  /** Answers a trigger at `atMs`: 200 starts a run, 405 while one is running. */
  trigger(uuid: string, atMs: number): { readonly status: 200 | 405; readonly run: ImportRun };
  /** The run in progress at `atMs`, if any. */
  runningAt(uuid: string, atMs: number): ImportRun | undefined;
  /** Every run started, oldest first. */
  readonly runs: readonly ImportRun[];
  /** Whether some run of `uuid` started after `landedAtMs`, so read a file that landed then. */
  readsFileLandedAt(uuid: string, landedAtMs: number): boolean;
}

/** Runs that each last `runSeconds` (0: a trigger never finds the import busy). */
export function createImportRuns(runSeconds: number): ImportRuns {
  const runs: ImportRun[] = [];
  const runningAt = (uuid: string, atMs: number) =>
    runs.findLast((run) => run.uuid === uuid && run.startedAtMs <= atMs && atMs < run.endsAtMs);
  return {
    runs,
    runningAt,
    trigger(uuid, atMs) {
      const running = runningAt(uuid, atMs);
      if (running) return { status: 405, run: running };
      const run = { uuid, startedAtMs: atMs, endsAtMs: atMs + runSeconds * 1000 };
      runs.push(run);
      return { status: 200, run };
    },
    readsFileLandedAt: (uuid, landedAtMs) =>
      runs.some((run) => run.uuid === uuid && run.startedAtMs > landedAtMs),
  };
}
