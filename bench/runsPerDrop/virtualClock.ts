import { MinHeap } from './minHeap';

/**
 * A virtual clock for discrete-event simulation: actions run in time order (ties in the order scheduled),
 * and between two actions every promise chain they started settles, so async code that waits only on
 * `sleep` sees time pass exactly as scheduled and a drop of hours runs in milliseconds.
 */
export interface VirtualClock {
  now(): number;
  /** Resolves once the clock reaches `now() + ms`. */
  sleep(ms: number): Promise<void>;
  /** Runs `action` when the clock reaches `atMs` (at once, in order, when that is not later than now). */
  at(atMs: number, action: () => void): void;
  /** Runs every scheduled action, oldest first, until none is left; throws past `maxActions` (a runaway loop). */
  run(maxActions?: number): Promise<void>;
  /** Runs the actions scheduled up to `atMs`, then sets the clock to `atMs` (later ones stay scheduled). */
  runUntil(atMs: number): Promise<void>;
  /** Actions run so far. */
  readonly actions: number;
}

interface Scheduled {
  readonly atMs: number;
  readonly order: number;
  readonly action: () => void;
}

const earlier = (a: Scheduled, b: Scheduled) => a.atMs < b.atMs || (a.atMs === b.atMs && a.order < b.order);

// A macrotask runs only once the microtask queue is empty, chained microtasks included.
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createVirtualClock(startMs: number): VirtualClock {
  const agenda = new MinHeap<Scheduled>(earlier);
  let nowMs = startMs;
  let order = 0;
  let actions = 0;
  const at = (atMs: number, action: () => void) => {
    agenda.push({ atMs: Math.max(atMs, nowMs), order: order++, action });
  };
  const runActions = async (untilMs: number, maxActions: number) => {
    await settle();
    for (let next = agenda.peek(); next && next.atMs <= untilMs; next = agenda.peek()) {
      agenda.pop();
      if (++actions > maxActions) throw new Error(`simulation ran more than ${maxActions} actions`);
      nowMs = next.atMs;
      next.action();
      await settle();
    }
  };
  return {
    now: () => nowMs,
    sleep: (ms) => new Promise<void>((resolve) => at(nowMs + Math.max(0, ms), resolve)),
    at,
    get actions() {
      return actions;
    },
    run: (maxActions = 5_000_000) => runActions(Number.POSITIVE_INFINITY, maxActions),
    async runUntil(atMs) {
      await runActions(atMs, Number.POSITIVE_INFINITY);
      nowMs = Math.max(nowMs, atMs);
    },
  };
}
