/**
 * The function's CloudWatch metrics, in one place: the handler emits them (Powertools Metrics, Embedded Metric
 * Format) and the stack alarms on them and draws them, so both name them from here. Every metric carries the
 * `service` dimension (Powertools' default: `POWERTOOLS_SERVICE_NAME`, one value per deployment).
 */
import type { OutcomeVerdict } from './redeliveryPolicy';

export const METRICS_NAMESPACE = 'BlueshiftImportTrigger';

/** Dimension names besides Powertools' `service`. */
export const DIMENSIONS = {
  outcome: 'Outcome',
  importUuid: 'ImportUuid',
} as const;

export const METRIC_NAMES = {
  /** Count, by `Outcome` (one set) and by `ImportUuid` + `Outcome` (another set): one per import trigger outcome. */
  triggers: 'ImportTriggers',
  /** Count: files acknowledged without a call because an earlier trigger covered them. */
  filesCovered: 'FilesCovered',
  /** Count: files that wait for their import's settle window. */
  filesSettling: 'FilesSettling',
  /** Count: files that wait, without a call, because their import is busy. */
  filesWaitingBusy: 'FilesWaitingOnBusyImport',
  /** Count: records reported as failed to the event source. */
  recordsFailed: 'RecordsFailed',
  /** Count: messages that are neither S3 nor EventBridge S3 events, or name another bucket. */
  unreadableMessages: 'UnreadableMessages',
  /** Count: S3 test events acknowledged. */
  testEvents: 'TestEvents',
  /** Milliseconds: one Blueshift call, request to answer. */
  blueshiftLatency: 'BlueshiftLatency',
  /** Count: files behind one successful trigger. */
  filesPerTrigger: 'FilesPerTrigger',
  /** Count: batches that could not read or write the trigger ledger and fell back to calling. */
  ledgerUnavailable: 'LedgerUnavailable',
} as const;

/** The `Outcome` dimension's values: what an operator acts on, coarser than the verdicts. */
export type MetricOutcome = 'triggered' | 'transient' | 'busy' | 'permanent' | 'key-unavailable';

/** Maps a trigger's verdict to its metric outcome. */
export function metricOutcome(verdict: OutcomeVerdict): MetricOutcome {
  switch (verdict) {
    case 'triggered':
    case 'busy':
    case 'key-unavailable':
      return verdict;
    case 'unauthorized':
    case 'rejected':
      return 'permanent';
    case 'transient':
    case 'deadline':
      return 'transient';
  }
}
