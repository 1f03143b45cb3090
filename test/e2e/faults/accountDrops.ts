import type { RecordedCall } from '../../../local/blueshift/blueshiftStandIn';
import type { Drop } from './dropSchedule';

/** What became of every dropped file. */
export interface Accounting {
  readonly files: number;
  readonly imports: number;
  readonly calls: number;
  /** Calls answered with anything but a 2xx, or not answered at all. */
  readonly faultedCalls: number;
  readonly faultRate: number;
  /** Imports whose last 2xx came after their last drop: every file they had was read. */
  readonly importsTriggeredAfterLastDrop: number;
  /** Files whose import got a 2xx after the file was dropped. */
  readonly filesTriggered: number;
  /** Files found in the dead-letter queue. */
  readonly filesDeadLettered: number;
  /** Files neither triggered after their drop nor in the dead-letter queue: the product promised this is empty. */
  readonly lost: readonly string[];
  /** Dead-lettered files whose import did not fail `maxReceiveCount` times after their drop: unexplained. */
  readonly deadLetteredWithoutCause: readonly string[];
}

const uuidOf = (call: RecordedCall) => (call.body as { uuid?: unknown } | null)?.uuid;
const succeeded = (call: RecordedCall) =>
  typeof call.response === 'number' && call.response >= 200 && call.response < 300;

/**
 * Accounts for every drop against the calls Blueshift saw and the keys in the dead-letter queue. A 2xx
 * trigger after a file's drop covers it, since an import reads every file under its prefix.
 */
export function accountDrops(input: {
  readonly drops: readonly Drop[];
  readonly calls: readonly RecordedCall[];
  readonly deadLetterKeys: readonly string[];
  readonly maxReceiveCount: number;
}): Accounting {
  const { drops, calls, maxReceiveCount } = input;
  const deadLettered = new Set(input.deadLetterKeys);
  const callsOf = (uuid: string) => calls.filter((call) => uuidOf(call) === uuid);
  const lastSuccess = new Map<string, number>();
  for (const call of calls.filter(succeeded)) {
    const uuid = String(uuidOf(call));
    lastSuccess.set(uuid, Math.max(lastSuccess.get(uuid) ?? 0, call.at));
  }
  const triggered = (drop: Drop) => (lastSuccess.get(drop.uuid) ?? -1) >= drop.droppedAt;
  const failuresAfter = (drop: Drop) =>
    callsOf(drop.uuid).filter((call) => !succeeded(call) && call.at >= drop.droppedAt).length;

  const lastDrop = new Map<string, number>();
  for (const drop of drops) lastDrop.set(drop.uuid, Math.max(lastDrop.get(drop.uuid) ?? 0, drop.droppedAt));
  const faultedCalls = calls.filter((call) => !succeeded(call)).length;
  const inDeadLetters = drops.filter((drop) => deadLettered.has(drop.key));
  return {
    files: drops.length,
    imports: lastDrop.size,
    calls: calls.length,
    faultedCalls,
    faultRate: calls.length === 0 ? 0 : faultedCalls / calls.length,
    importsTriggeredAfterLastDrop: [...lastDrop].filter(([uuid, at]) => (lastSuccess.get(uuid) ?? -1) >= at)
      .length,
    filesTriggered: drops.filter(triggered).length,
    filesDeadLettered: inDeadLetters.length,
    lost: drops.filter((drop) => !triggered(drop) && !deadLettered.has(drop.key)).map((drop) => drop.key),
    deadLetteredWithoutCause: inDeadLetters
      .filter((drop) => failuresAfter(drop) < maxReceiveCount)
      .map((drop) => drop.key),
  };
}
