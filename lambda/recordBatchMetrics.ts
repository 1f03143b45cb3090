import { METRIC_NAMES, metricOutcome } from '../contract/metrics';
import type { BatchMetrics } from './batchMetrics';
import type { BatchPlan } from './coalesceByImport';
import type { RecordFailure } from './decideFailures';
import type { ImportDecision } from './ledgerDecisions';
import type { TriggeredImport } from './triggerImports';

/** Messages that can never trigger and test events: recorded as soon as the batch is planned. */
export function recordPlanMetrics(metrics: BatchMetrics, plan: BatchPlan): void {
  metrics.add(METRIC_NAMES.unreadableMessages, plan.untriggerable.length);
  metrics.add(METRIC_NAMES.testEvents, plan.testEvents.length);
}

/** What one batch did, as its metrics count it. */
export interface BatchFigures {
  readonly decisions: readonly ImportDecision[];
  readonly triggered: readonly TriggeredImport[];
  readonly failures: readonly RecordFailure[];
  /** The ledger could not be read or written. */
  readonly ledgerUnavailable: boolean;
  /** Files of last receives a newer trigger covered by the time their import answered busy. */
  readonly lateCovered?: number;
}

const filesWaiting = (decisions: readonly ImportDecision[], reason: 'busy' | 'settle') =>
  decisions.reduce(
    (sum, { trigger, action }) =>
      sum + (action.kind === 'wait' && action.reason === reason ? trigger.files.length : 0),
    0,
  );

/** Records the batch's metrics; counts are recorded as 0 too, so a quiet function still draws and alarms. */
export function recordBatchMetrics(metrics: BatchMetrics, figures: BatchFigures): void {
  const { decisions, triggered, failures } = figures;
  metrics.add(
    METRIC_NAMES.filesCovered,
    decisions.reduce((sum, { covered }) => sum + covered.length, figures.lateCovered ?? 0),
  );
  metrics.add(METRIC_NAMES.filesSettling, filesWaiting(decisions, 'settle'));
  metrics.add(METRIC_NAMES.filesWaitingBusy, filesWaiting(decisions, 'busy'));
  metrics.add(METRIC_NAMES.recordsFailed, failures.length);
  metrics.add(METRIC_NAMES.ledgerUnavailable, figures.ledgerUnavailable ? 1 : 0);
  for (const { trigger, outcome } of triggered) {
    metrics.trigger(trigger.uuid, metricOutcome(outcome.verdict));
    for (const latencyMs of outcome.latenciesMs ?? []) metrics.add(METRIC_NAMES.blueshiftLatency, latencyMs);
    if (outcome.verdict === 'triggered') metrics.add(METRIC_NAMES.filesPerTrigger, trigger.files.length);
  }
}
