import type { ImportTrigger } from './coalesceByImport';
import { mapWithConcurrency } from './mapWithConcurrency';
import type { TriggerOutcome } from './triggerWithRetries';

/** Triggers one import by its UUID, giving up by `deadlineMs`. */
export type TriggerOne = (uuid: string, deadlineMs: number) => Promise<TriggerOutcome>;

/** An import of the batch and how its trigger ended. */
export interface TriggeredImport {
  readonly trigger: ImportTrigger;
  readonly outcome: TriggerOutcome;
}

/** Triggers each planned import, at most `maxConcurrentCalls` at a time, so a large batch cannot flood Blueshift. */
export function triggerImports(
  triggers: readonly ImportTrigger[],
  triggerOne: TriggerOne,
  deadlineMs: number,
  maxConcurrentCalls: number,
): Promise<TriggeredImport[]> {
  return mapWithConcurrency(triggers, maxConcurrentCalls, async (trigger) => ({
    trigger,
    outcome: await triggerOne(trigger.uuid, deadlineMs),
  }));
}
