import type { LedgerEntry } from '../../../contract/triggerLedger';
import { formatTable } from './formatTable';
import { formatDuration, formatRelative, formatTime } from './formatTime';
import type { OldestMessageAge } from './readOldestMessageAge';
import type { QueueDepths } from './readQueueDepths';

/** Everything `status` read, ready to print. */
export interface StatusReport {
  readonly stackName: string;
  readonly nowMs: number;
  readonly ingest: { readonly url: string; readonly depths: QueueDepths };
  readonly deadLetter: { readonly url: string; readonly depths: QueueDepths };
  /** The ingest queue's; undefined when CloudWatch has no recent datapoint. */
  readonly oldest: OldestMessageAge | undefined;
  readonly ledger:
    | { readonly kind: 'off' }
    | { readonly kind: 'on'; readonly tableName: string; readonly entries: readonly LedgerEntry[] };
}

/** Longest outcome message shown in the table; the ledger keeps up to 300 characters. */
const MESSAGE_CHARS = 60;

/** The report as lines: a queue table, the oldest message's age, and a table of imports from the ledger. */
export function formatStatus(report: StatusReport): string[] {
  const { nowMs } = report;
  const queueRow = (name: string, { url, depths }: StatusReport['ingest']) => [
    name,
    String(depths.visible),
    String(depths.inFlight),
    String(depths.delayed),
    url,
  ];
  const lines = [
    `Stack ${report.stackName} at ${new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    '',
    ...formatTable(
      ['QUEUE', 'VISIBLE', 'IN FLIGHT', 'DELAYED', 'URL'],
      [queueRow('ingest', report.ingest), queueRow('dead-letter', report.deadLetter)],
    ),
    '',
    `Oldest ingest message: ${oldestAge(report.oldest, nowMs)}`,
  ];
  const deadLetters = report.deadLetter.depths.visible + report.deadLetter.depths.inFlight;
  if (deadLetters > 0) {
    lines.push(
      `${deadLetters} message(s) in the dead-letter queue: see them with 'npm run ops -- redrive --dry-run'`,
    );
  }
  lines.push('', ...ledgerLines(report.ledger, nowMs));
  return lines;
}

function oldestAge(oldest: OldestMessageAge | undefined, nowMs: number): string {
  if (!oldest) {
    return 'unknown (no CloudWatch datapoint in the last 15 min; SQS reports one only while messages wait)';
  }
  return `${formatDuration(oldest.ageSeconds)} (CloudWatch, minute of ${formatTime(oldest.atMs, nowMs)})`;
}

function ledgerLines(ledger: StatusReport['ledger'], nowMs: number): string[] {
  if (ledger.kind === 'off') {
    return ['Trigger ledger: off (the stack has no TriggerLedgerTableName output): no per-import history.'];
  }
  const heading = `Imports (trigger ledger ${ledger.tableName}):`;
  if (ledger.entries.length === 0) return [heading, '  none yet: no file has reached the function'];
  const rows = ledger.entries.map((entry) => [
    entry.importUuid,
    entry.triggeredAtMs === undefined ? 'never' : formatTime(entry.triggeredAtMs, nowMs),
    lastOutcome(entry, nowMs),
    entry.busyUntilMs !== undefined && entry.busyUntilMs > nowMs ? formatTime(entry.busyUntilMs, nowMs) : '-',
    entry.waiting && entry.waiting.files > 0
      ? `${entry.waiting.files} (${formatRelative(entry.waiting.atMs, nowMs)})`
      : '-',
  ]);
  return [
    heading,
    ...formatTable(['IMPORT', 'LAST TRIGGER', 'LAST OUTCOME', 'BUSY UNTIL', 'FILES WAITING'], rows),
  ];
}

function lastOutcome({ lastOutcome: outcome }: LedgerEntry, nowMs: number): string {
  if (!outcome) return '-';
  const flat = (outcome.message ?? '').replace(/\s+/g, ' ').trim();
  const message = flat.length > MESSAGE_CHARS ? `${flat.slice(0, MESSAGE_CHARS)}…` : flat;
  const head = `${outcome.verdict} ${outcome.status}, ${formatTime(outcome.atMs, nowMs)}`;
  return message ? `${head}: ${message}` : head;
}
