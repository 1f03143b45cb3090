import { redeliveryDelaySeconds } from '../../contract/redeliveryPolicy';
import type { SimulationSettings } from './dropScenario';
import type { DropOutcome } from './simulateDrop';

/** The figures issue 9 asks of one simulated drop. */
export interface DropFigures {
  readonly runs: number;
  /** ceil(drop span / run time) + 1 (or 1 with a settle window): the most runs the drop should cost. */
  readonly runsLimit: number;
  readonly calls: number;
  readonly busyAnswers: number;
  /** The most 405s any one import got. */
  readonly busyAnswersPerImport: number;
  /** For that import: backoff steps that elapse while it is busy (one probe each). */
  readonly busyStepsPerImport: number;
  readonly deadLettered: number;
  /** Dead-lettered although a run had started after the file landed (covered when it moved). */
  readonly coveredInDlq: number;
  /** Of those, files whose covering run started within the coverage margin of their landing (the ledger,
   * allowing for clock skew, cannot count them covered). */
  readonly coveredInDlqWithinMargin: number;
  /** Dead-lettered while not yet covered, then covered by a later run (its data is in Blueshift). */
  readonly coveredAfterDlq: number;
  /** Neither covered nor in the DLQ at the end. */
  readonly lost: number;
  /** From the first landing until a run had started after every file landed; undefined if one never did. */
  readonly lastCoveredSeconds: number | undefined;
  readonly invocations: number;
  readonly ledgerReads: number;
  readonly ledgerWrites: number;
  /** The most ledger reads of one invocation. */
  readonly ledgerReadsPerBatch: number;
  /** The most ledger writes one invocation made for one import. */
  readonly ledgerWritesPerImportPerBatch: number;
  readonly leftInQueue: number;
  readonly simulatedSeconds: number;
  readonly wallMs: number;
}

/**
 * Probes one record makes while an import is busy for `busySeconds`: it calls at 0 and after each of its
 * redelivery delays, as long as the run has not ended.
 */
export function busySteps(busySeconds: number, settings: SimulationSettings): number {
  let steps = 0;
  let elapsed = 0;
  for (let receive = 1; receive <= settings.maxReceiveCount && elapsed < busySeconds; receive++) {
    steps += 1;
    elapsed += redeliveryDelaySeconds(receive, settings);
    if (redeliveryDelaySeconds(receive, settings) === 0) break;
  }
  return steps;
}

export function dropFigures(outcome: DropOutcome): DropFigures {
  const { scenario, files, runs, calls } = outcome;
  const startMs = files[0]?.landedAtMs ?? 0;
  const endMs = files.at(-1)?.landedAtMs ?? startMs;
  const coveredAt = files.map(
    (file) => runs.find((run) => run.uuid === file.uuid && run.startedAtMs > file.landedAtMs)?.startedAtMs,
  );
  let coveredInDlq = 0;
  let coveredInDlqWithinMargin = 0;
  let coveredAfterDlq = 0;
  const marginMs = scenario.settings.coverageMarginSeconds * 1000;
  let lost = 0;
  for (const [index, messageId] of outcome.messageIds.entries()) {
    const deadAt = outcome.deadLetteredAt.get(messageId);
    const covered = coveredAt[index];
    if (deadAt === undefined && covered === undefined) lost += 1;
    if (deadAt === undefined || covered === undefined) continue;
    if (covered > deadAt) coveredAfterDlq += 1;
    else coveredInDlq += 1;
    if (covered <= deadAt && covered < (files[index]?.landedAtMs ?? 0) + marginMs)
      coveredInDlqWithinMargin += 1;
  }
  const uuids = [...new Set(files.map((file) => file.uuid))];
  const perImport = uuids.map((uuid) => ({
    busy: calls.filter((call) => call.uuid === uuid && call.status === 405).length,
    steps: runs.filter((run) => run.uuid === uuid).length * busySteps(scenario.runSeconds, scenario.settings),
  }));
  const worst = perImport.reduce(
    (most, entry) => (entry.busy - entry.steps > most.busy - most.steps ? entry : most),
    perImport[0] ?? { busy: 0, steps: 0 },
  );
  const spanSeconds = (endMs - startMs) / 1000;
  const writes = outcome.ledger.flatMap((tally) => [...tally.writes.values()]);
  return {
    runs: runs.length,
    runsLimit:
      uuids.length *
      (scenario.settleSeconds !== undefined ? 1 : Math.ceil(spanSeconds / scenario.runSeconds) + 1),
    calls: calls.length,
    busyAnswers: calls.filter((call) => call.status === 405).length,
    busyAnswersPerImport: worst.busy,
    busyStepsPerImport: worst.steps,
    deadLettered: outcome.deadLetteredAt.size,
    coveredInDlq,
    coveredInDlqWithinMargin,
    coveredAfterDlq,
    lost,
    lastCoveredSeconds: coveredAt.some((at) => at === undefined)
      ? undefined
      : ((coveredAt as number[]).reduce((latest, at) => Math.max(latest, at), startMs) - startMs) / 1000,
    invocations: outcome.eventSource.invocations,
    ledgerReads: outcome.ledger.reduce((sum, tally) => sum + tally.reads, 0),
    ledgerWrites: writes.reduce((sum, count) => sum + count, 0),
    ledgerReadsPerBatch: outcome.ledger.reduce((most, tally) => Math.max(most, tally.reads), 0),
    ledgerWritesPerImportPerBatch: writes.reduce((most, count) => Math.max(most, count), 0),
    leftInQueue: outcome.leftInQueue,
    simulatedSeconds: outcome.simulatedSeconds,
    wallMs: outcome.wallMs,
  };
}
