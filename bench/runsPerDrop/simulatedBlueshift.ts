import type { TriggerRequest, TriggerResponse } from '../../lambda/blueshiftClient';
import { createImportRuns, type ImportRuns } from '../../local/blueshift/importRuns';
import type { VirtualClock } from './virtualClock';

/** One trigger request as Blueshift saw it. */
export interface SimulatedCall {
  readonly uuid: string;
  readonly atMs: number;
  readonly status: number;
}

export interface BlueshiftSettings {
  readonly runSeconds: number;
  /** Round trip of one call; the request reaches Blueshift halfway. */
  readonly latencyMs: number;
  /** Share of calls answered 503 (a transient fault), decided by `random`. @default 0 */
  readonly transientShare?: number;
}

export interface SimulatedBlueshift {
  readonly runs: ImportRuns;
  readonly calls: readonly SimulatedCall[];
  /** The trigger endpoint as `triggerWithRetries` calls it. */
  call(request: TriggerRequest): Promise<TriggerResponse>;
}

/** Blueshift's trigger endpoint over the shared import-run model, on the virtual clock. */
export function createSimulatedBlueshift(
  clock: VirtualClock,
  settings: BlueshiftSettings,
  random: () => number,
): SimulatedBlueshift {
  const runs = createImportRuns(settings.runSeconds);
  const calls: SimulatedCall[] = [];
  const half = settings.latencyMs / 2;
  return {
    runs,
    calls,
    async call({ uuid }) {
      await clock.sleep(half);
      const transient = random() < (settings.transientShare ?? 0);
      const status = transient ? 503 : runs.trigger(uuid, clock.now()).status;
      calls.push({ uuid, atMs: clock.now(), status });
      await clock.sleep(half);
      const message =
        status === 200
          ? 'import triggered'
          : status === 405
            ? 'import is already being processed'
            : 'unavailable';
      return { kind: 'response', status, message };
    },
  };
}

/** A seeded generator of numbers in [0, 1) (mulberry32), so every run of a scenario is the same. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
