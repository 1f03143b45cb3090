import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { ImportMapping } from '../../contract/importMapping';
import type { LedgerStore } from '../../contract/triggerLedger';
import type { DeferMessages, NotDeferred } from '../../lambda/deferMessages';
import { createKeyMatcher } from '../../lambda/mapKeyToImport';
import { type BatchDeps, type BatchLog, processBatch } from '../../lambda/processBatch';
import { triggerWithRetries } from '../../lambda/triggerWithRetries';
import { createInMemoryLedger } from '../../local/inMemoryLedger';
import { type DropScenario, SIMULATED_BUCKET } from './dropScenario';
import type { SimulatedBlueshift } from './simulatedBlueshift';
import type { SimulatedQueue } from './simulatedQueue';
import type { VirtualClock } from './virtualClock';

/** Ledger off: the handler as deployed with `triggerLedger: false`. */
export type LedgerMode = 'off' | 'on';

/** What the simulation's handler did to the ledger in one invocation. */
export interface LedgerTally {
  reads: number;
  /** Writes per import UUID. */
  readonly writes: Map<string, number>;
}

export interface PipelineParts {
  readonly clock: VirtualClock;
  readonly queue: SimulatedQueue;
  readonly blueshift: SimulatedBlueshift;
  readonly imports: readonly ImportMapping[];
  readonly random: () => number;
  /** The handler's log lines; silent when absent (tracing a scenario passes one). */
  readonly log?: BatchLog;
}

const silentLog = { info: () => {}, warn: () => {}, error: () => {} };
/** One ChangeMessageVisibilityBatch round trip. */
const DEFER_LATENCY_MS = 15;

/** The handler's deferrer over the simulated queue: each entry as ChangeMessageVisibility would take it. */
export function simulatedDeferrer(clock: VirtualClock, queue: SimulatedQueue): DeferMessages {
  return async (deferrals) => {
    if (deferrals.length === 0) return [];
    await clock.sleep(DEFER_LATENCY_MS);
    const notDeferred: NotDeferred[] = [];
    for (const { messageId, receiptHandle, visibilityTimeoutSeconds } of deferrals) {
      try {
        queue.changeVisibility(receiptHandle, visibilityTimeoutSeconds);
      } catch (error) {
        notDeferred.push({ messageId, reason: (error as Error).name });
      }
    }
    return notDeferred;
  };
}

/** The shared ledger as one invocation sees it: every read and write counted into its tally. */
function countedLedger(ledger: LedgerStore, tally: LedgerTally): LedgerStore {
  return {
    read(uuids) {
      tally.reads += 1;
      return ledger.read(uuids);
    },
    write(uuid, update) {
      tally.writes.set(uuid, (tally.writes.get(uuid) ?? 0) + 1);
      return ledger.write(uuid, update);
    },
  };
}

/**
 * The real `processBatch` with its dependencies on the virtual clock: Blueshift is the simulated one, the API
 * key a constant, logs silent; with the ledger on, every environment shares one in-memory ledger (the
 * DynamoDB table's stand-in, strongly consistent as the function reads it). `tally` receives the
 * invocation's ledger reads and writes.
 */
export function createSimulatedPipeline(
  scenario: DropScenario,
  mode: LedgerMode,
  parts: PipelineParts,
): (
  event: SQSEvent,
  context: { getRemainingTimeInMillis(): number },
  tally: LedgerTally,
) => Promise<SQSBatchResponse> {
  const { clock, queue, blueshift, random } = parts;
  const { settings } = scenario;
  const apiKeys = { get: async () => 'simulated-key', refresh: async () => 'simulated-key' };
  const policy = {
    baseUrl: 'https://api.getblueshift.com',
    requestTimeoutMs: settings.requestTimeoutSeconds * 1000,
    attemptsPerInvocation: settings.attemptsPerInvocation,
  };
  const deps: BatchDeps = {
    settings: {
      bucketName: SIMULATED_BUCKET,
      maxConcurrentCalls: settings.maxConcurrentCalls,
      retryBaseDelaySeconds: settings.retryBaseDelaySeconds,
      retryMaxDelaySeconds: settings.retryMaxDelaySeconds,
      maxReceiveCount: settings.maxReceiveCount,
      coverageMarginSeconds: settings.coverageMarginSeconds,
      maxSettleSeconds: settings.maxSettleSeconds,
      batchWindowSeconds: settings.batchWindowSeconds,
      requestTimeoutSeconds: settings.requestTimeoutSeconds,
    },
    matchKey: createKeyMatcher(parts.imports),
    trigger: (uuid, deadlineMs) =>
      triggerWithRetries(uuid, deadlineMs, policy, {
        apiKeys,
        call: blueshift.call,
        onAttempt: () => {},
        now: clock.now,
        sleep: clock.sleep,
        random,
      }),
    deferMessages: simulatedDeferrer(clock, queue),
    log: parts.log ?? silentLog,
    now: clock.now,
  };
  const ledger = mode === 'on' ? createInMemoryLedger() : undefined;
  return (event, context, tally) =>
    processBatch(event, context, ledger ? { ...deps, ledger: countedLedger(ledger, tally) } : deps);
}
