import type { BlueshiftStandIn, PlannedResponse } from '../../../local/blueshift/blueshiftStandIn';
import { mixSeed, seededRandom } from '../../../local/seededRandom';

/** The failures the stand-in plays: throttling with and without Retry-After, outages, silence, resets. */
export const FAULTS = {
  '429': { status: 429 },
  '429 Retry-After: 1': { status: 429, retryAfter: '1' },
  '500': { status: 500 },
  '502': { status: 502 },
  '503': { status: 503 },
  '504': { status: 504 },
  'no response': { kind: 'hang' },
  'connection reset': { kind: 'reset' },
} as const satisfies Record<string, PlannedResponse>;

const FAULT_NAMES = Object.keys(FAULTS) as (keyof typeof FAULTS)[];

/** A time when Blueshift is down; a run may move it while it goes. */
export interface OutageWindow {
  from: number;
  until: number;
}

/** How one import misbehaves. */
export interface ImportFaults {
  /** Its first calls answer 405 (Blueshift's "already being processed"). */
  readonly busyCalls: number;
  /** Chance that a later call fails, with a fault drawn evenly from FAULTS. */
  readonly faultProbability: number;
  /** While the clock is in [from, until) (ms since the epoch, read at each call), every call answers 503. */
  readonly outage?: OutageWindow;
}

/**
 * The stand-in's plan for one import. Outside an outage, the answer to call `attempt` depends only on the
 * seed and the attempt, so a run's fault sequence per import is the same whatever the timing.
 * `undefined` means the default 200.
 */
export function faultPlan(
  seed: number,
  faults: ImportFaults,
  now: () => number = Date.now,
): (attempt: number) => PlannedResponse | undefined {
  return (attempt) => {
    const time = now();
    if (faults.outage && time >= faults.outage.from && time < faults.outage.until) return FAULTS['503'];
    if (attempt < faults.busyCalls) return { status: 405 };
    const random = seededRandom(mixSeed(seed, attempt));
    if (random() >= faults.faultProbability) return undefined;
    return FAULTS[FAULT_NAMES[Math.floor(random() * FAULT_NAMES.length)] as keyof typeof FAULTS];
  };
}

/** Scripts every import with its own seeded faults (busy calls and fault rate drawn from the ranges) and the shared outage. */
export function scriptFaults(
  standIn: BlueshiftStandIn,
  imports: readonly { readonly uuid: string }[],
  random: () => number,
  settings: {
    readonly seed: number;
    readonly maxBusyCalls: number;
    readonly faultProbability: readonly [number, number];
    readonly outage: OutageWindow;
  },
): void {
  const [low, high] = settings.faultProbability;
  for (const [index, { uuid }] of imports.entries()) {
    const faults = {
      busyCalls: Math.floor(random() * (settings.maxBusyCalls + 1)),
      faultProbability: low + random() * (high - low),
      outage: settings.outage,
    };
    standIn.script(uuid, faultPlan(mixSeed(settings.seed, index), faults));
  }
}
