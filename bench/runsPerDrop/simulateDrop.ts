import { queueVisibilityTimeoutSeconds } from '../../contract/redeliveryPolicy';
import type { BatchLog } from '../../lambda/processBatch';
import type { ImportRun } from '../../local/blueshift/importRuns';
import {
  type DroppedFile,
  type DropScenario,
  dropFiles,
  notificationBody,
  scenarioImports,
} from './dropScenario';
import { createSimulatedBlueshift, type SimulatedCall, seededRandom } from './simulatedBlueshift';
import { type EventSourceCounts, startEventSource } from './simulatedEventSource';
import { createSimulatedPipeline, type LedgerMode, type LedgerTally } from './simulatedPipeline';
import { createSimulatedQueue } from './simulatedQueue';
import { createVirtualClock } from './virtualClock';

/** Everything one simulated drop left behind, for the figures. */
export interface DropOutcome {
  readonly scenario: DropScenario;
  readonly mode: LedgerMode;
  readonly files: readonly DroppedFile[];
  /** The message id that carried each file, in file order. */
  readonly messageIds: readonly string[];
  readonly runs: readonly ImportRun[];
  readonly calls: readonly SimulatedCall[];
  /** When each dead-lettered message moved to the DLQ, by message id. */
  readonly deadLetteredAt: ReadonlyMap<string, number>;
  /** Messages still in the ingest queue when nothing was left to happen (should be none). */
  readonly leftInQueue: number;
  readonly eventSource: EventSourceCounts;
  /** One tally per invocation. */
  readonly ledger: readonly LedgerTally[];
  /** Simulated time from the first landing to the last action. */
  readonly simulatedSeconds: number;
  /** Scheduled actions the virtual clock ran. */
  readonly actions: number;
  readonly wallMs: number;
}

/** Simulates one drop from the first landing until the queue is empty and nothing is scheduled. */
export async function simulateDrop(
  asked: DropScenario,
  mode: LedgerMode,
  options: { readonly log?: BatchLog } = {},
): Promise<DropOutcome> {
  const wallStart = performance.now();
  // Without the ledger a settle window is a config error: the peer is the same drop triggered at once.
  const { settleSeconds, ...unsettled } = asked;
  const scenario = mode === 'off' ? unsettled : asked;
  const random = seededRandom(scenario.seed);
  const files = dropFiles(scenario, random);
  const startMs = files[0]?.landedAtMs ?? 0;
  const clock = createVirtualClock(startMs);
  const { settings } = scenario;
  const queue = createSimulatedQueue(clock, {
    visibilityTimeoutSeconds: queueVisibilityTimeoutSeconds(
      settings.functionTimeoutSeconds,
      settings.batchWindowSeconds,
    ),
    maxReceiveCount: settings.maxReceiveCount,
  });
  const blueshift = createSimulatedBlueshift(
    clock,
    {
      runSeconds: scenario.runSeconds,
      latencyMs: settings.callLatencyMs,
      ...(scenario.transientShare !== undefined ? { transientShare: scenario.transientShare } : {}),
    },
    seededRandom(scenario.seed + 1),
  );
  const pipeline = createSimulatedPipeline(scenario, mode, {
    clock,
    queue,
    blueshift,
    imports: scenarioImports(scenario),
    random: seededRandom(scenario.seed + 2),
    ...(options.log ? { log: options.log } : {}),
  });
  const ledger: LedgerTally[] = [];
  const eventSource = startEventSource(clock, queue, settings, (event, context) => {
    const tally: LedgerTally = { reads: 0, writes: new Map() };
    ledger.push(tally);
    return pipeline(event, context, tally);
  });
  const messageIds: string[] = [];
  for (const [index, file] of files.entries()) {
    clock.at(file.sentAtMs, () => {
      messageIds[index] = queue.send(notificationBody(file));
    });
  }
  await clock.run();
  return {
    scenario,
    mode,
    files,
    messageIds,
    runs: blueshift.runs.runs,
    calls: blueshift.calls,
    deadLetteredAt: new Map(
      queue.deadLetters.map((dead) => [dead.messageId, dead.deadLetteredAtMs ?? clock.now()]),
    ),
    leftInQueue: queue.messages.size,
    eventSource,
    ledger,
    simulatedSeconds: (clock.now() - startMs) / 1000,
    actions: clock.actions,
    wallMs: performance.now() - wallStart,
  };
}
