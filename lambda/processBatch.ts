import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { HandlerSettings } from '../contract/handlerSettings';
import type { LedgerStore } from '../contract/triggerLedger';
import { type BatchMetrics, noMetrics } from './batchMetrics';
import { busyDelaysByRecord, planBusyAnswers } from './busyAnswers';
import { coalesceByImport } from './coalesceByImport';
import { decideFailures, type ImportWait, type RecordFailure, receiveCountOf } from './decideFailures';
import type { DeferMessages } from './deferMessages';
import { LEDGER_BUDGET_MS, readLedger, writeLedger } from './ledgerAccess';
import { decideCalls, type ImportDecision } from './ledgerDecisions';
import { type BatchLog, logDecisions, logLastReceives, logPlan, logTriggered } from './logBatch';
import { LOG_MESSAGES } from './logMessages';
import type { KeyMatch } from './mapKeyToImport';
import { recheckLastReceives } from './recheckLastReceives';
import { recordBatchMetrics, recordPlanMetrics } from './recordBatchMetrics';
import { ledgerUpdates } from './recordOutcomes';
import { respond } from './respond';
import { type TriggerOne, triggerImports } from './triggerImports';

export type { BatchLog } from './logBatch';

export interface BatchDeps {
  readonly settings: Pick<
    HandlerSettings,
    | 'bucketName'
    | 'maxConcurrentCalls'
    | 'retryBaseDelaySeconds'
    | 'retryMaxDelaySeconds'
    | 'maxReceiveCount'
    | 'coverageMarginSeconds'
    | 'maxSettleSeconds'
    | 'batchWindowSeconds'
    | 'requestTimeoutSeconds'
  >;
  readonly matchKey: (key: string) => KeyMatch;
  readonly trigger: TriggerOne;
  readonly deferMessages: DeferMessages;
  readonly log: BatchLog;
  /** The trigger ledger; absent: off, every import is called. */
  readonly ledger?: LedgerStore;
  readonly metrics?: BatchMetrics;
  readonly now?: () => number;
}

/** Time kept back from the Lambda timeout to defer failed records and return. */
const reserveMs = (remainingMs: number) => Math.min(5000, Math.floor(remainingMs / 4));
const LEDGER_UNAVAILABLE = 'trigger ledger unavailable; calling as without it';
const errorText = (error: unknown) => `${(error as Error).name}: ${(error as Error).message}`;

/**
 * Plan -> read ledger -> decide calls -> trigger -> (recheck last receives) -> plan busy answers -> decide
 * failures -> write ledger -> defer -> respond: calls
 * each distinct import of the batch at most once, skips files an earlier trigger covered, and answers with the
 * records to retry. Never throws for a failed record or the ledger: a throw would retry the whole batch.
 */
export async function processBatch(
  event: SQSEvent,
  context: { getRemainingTimeInMillis(): number },
  deps: BatchDeps,
): Promise<SQSBatchResponse> {
  const { log, settings, ledger, metrics = noMetrics, now = Date.now } = deps;
  const remainingMs = context.getRemainingTimeInMillis();
  const reserve = reserveMs(remainingMs);
  const deadlineMs = now() + remainingMs - reserve;
  // Ledger calls keep to their budget and leave half the reserve for deferring and answering.
  const ledgerBudgetMs = () => Math.min(LEDGER_BUDGET_MS, deadlineMs + reserve / 2 - now());
  let ledgerUnavailable = false;
  const onLedgerError = (error: unknown) => {
    if (!ledgerUnavailable) log.warn(LEDGER_UNAVAILABLE, { error: errorText(error) });
    ledgerUnavailable = true;
  };

  const plan = coalesceByImport(event.Records, { matchKey: deps.matchKey, bucketName: settings.bucketName });
  logPlan(plan, settings.bucketName, log);
  recordPlanMetrics(metrics, plan);
  const read = ledger && (await readLedger(ledger, [...plan.triggers.keys()], ledgerBudgetMs()));
  if (read && 'error' in read) onLedgerError(read.error);
  const entries = read && 'entries' in read ? read.entries : undefined;
  const receives = new Map(event.Records.map((record) => [record.messageId, receiveCountOf(record)]));
  const receivesOf = (messageId: string) => receives.get(messageId) ?? 1;
  const decisions = decideCalls([...plan.triggers.values()], entries, receivesOf, settings, now());
  logDecisions(decisions, log);
  const callsStartedAtMs = now();
  const calls = decisions.flatMap(({ trigger, action }) => (action.kind === 'call' ? [trigger] : []));
  const answered = await triggerImports(calls, deps.trigger, deadlineMs, settings.maxConcurrentCalls);
  logTriggered(answered, log);
  const { triggered, covered, fresh } =
    ledger && entries
      ? await recheckLastReceives(answered, ledger, receivesOf, settings, ledgerBudgetMs(), log)
      : { triggered: answered, covered: new Map(), fresh: undefined };
  const answeredAtMs = now();
  const known = entries && fresh ? new Map([...entries, ...fresh]) : entries;
  const busy = known ? planBusyAnswers(triggered, known, receivesOf, settings, answeredAtMs) : [];
  const failures = decideFailures(
    event.Records,
    plan.untriggerable,
    triggered,
    settings,
    waitsOf(decisions),
    busyDelaysByRecord(busy),
  );
  if (ledger && entries) {
    const updates = ledgerUpdates(decisions, triggered, busy, { nowMs: answeredAtMs, callsStartedAtMs });
    for (const error of await writeLedger(ledger, updates, ledgerBudgetMs())) onLedgerError(error);
  }
  await defer(failures, deps.deferMessages, log);
  const lateCovered = [...covered.values()].reduce((sum, files) => sum + files.length, 0);
  recordBatchMetrics(metrics, { decisions, triggered, failures, ledgerUnavailable, lateCovered });

  log.info(LOG_MESSAGES.batchDone, {
    records: event.Records.length,
    imports: decisions.length,
    calls: calls.length,
    failedRecords: failures.length,
    ignoredFiles: plan.ignored.length,
  });
  return respond(failures);
}

const waitsOf = (decisions: readonly ImportDecision[]): ImportWait[] =>
  decisions.flatMap(({ trigger, action }) =>
    action.kind === 'wait' ? [{ trigger, delaySeconds: action.delaySeconds }] : [],
  );

async function defer(failures: readonly RecordFailure[], deferMessages: DeferMessages, log: BatchLog) {
  logLastReceives(failures, log);
  const notDeferred = await deferMessages(
    failures.map(({ record, delaySeconds }) => ({
      messageId: record.messageId,
      receiptHandle: record.receiptHandle,
      eventSourceARN: record.eventSourceARN,
      visibilityTimeoutSeconds: delaySeconds,
    })),
  );
  if (notDeferred.length > 0) {
    log.warn('could not set retry delay; the queue default visibility applies', {
      messageIds: notDeferred.map(({ messageId }) => messageId),
      reasons: [...new Set(notDeferred.map(({ reason }) => reason))],
    });
  }
}
