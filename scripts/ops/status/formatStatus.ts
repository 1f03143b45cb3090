import type { ImportMapping } from '../../../contract/importMapping';
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
  /** The deployed import mappings, to name each import's prefixes; undefined when the template has none. */
  readonly imports?: readonly ImportMapping[];
  /** The ingest queue's; undefined when CloudWatch has no recent datapoint. */
  readonly oldest: OldestMessageAge | undefined;
  /** Why CloudWatch could not be read (a missing permission, say); the rest of the status still shows. */
  readonly oldestUnreadable?: string;
  readonly ledger:
    | { readonly kind: 'off' }
    | { readonly kind: 'unreadable'; readonly tableName: string; readonly reason: string }
    | { readonly kind: 'on'; readonly tableName: string; readonly entries: readonly LedgerEntry[] };
}

/** Longest outcome message shown in the table; the ledger keeps up to 300 characters. */
const MESSAGE_CHARS = 60;

/**
 * The report as lines: a queue table, the oldest message's age, and a table of the imports (the deployed ones
 * and any the ledger knows) with what the ledger says of each.
 */
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
    `Oldest ingest message: ${oldestAge(report, nowMs)}`,
  ];
  const deadLetters = report.deadLetter.depths.visible + report.deadLetter.depths.inFlight;
  if (deadLetters > 0) {
    lines.push(
      `${deadLetters} message(s) in the dead-letter queue: see them with 'npm run ops -- redrive --dry-run'`,
    );
  }
  lines.push('', ...ledgerLines(report, nowMs));
  return lines;
}

function oldestAge({ oldest, oldestUnreadable }: StatusReport, nowMs: number): string {
  if (oldestUnreadable) return `unknown (CloudWatch unreadable: ${oldestUnreadable})`;
  if (!oldest) {
    return 'unknown (no CloudWatch datapoint in the last 15 min; SQS reports one only while messages wait)';
  }
  return `${formatDuration(oldest.ageSeconds)} (CloudWatch, minute of ${formatTime(oldest.atMs, nowMs)})`;
}

function ledgerLines(report: StatusReport, nowMs: number): string[] {
  const { ledger, imports } = report;
  if (ledger.kind === 'off') {
    return ['Trigger ledger: off (the stack has no TriggerLedgerTableName output): no per-import history.'];
  }
  if (ledger.kind === 'unreadable') {
    return [`Trigger ledger ${ledger.tableName}: unreadable (${ledger.reason}): no per-import history.`];
  }
  const heading = `Imports (trigger ledger ${ledger.tableName}):`;
  const entries = new Map(ledger.entries.map((entry) => [entry.importUuid, entry]));
  const prefixes = new Map<string, string[]>();
  for (const mapping of imports ?? []) {
    prefixes.set(mapping.uuid, [...(prefixes.get(mapping.uuid) ?? []), mapping.prefix]);
  }
  // Deployed imports first, in config order (one never triggered shows too), then any the config no longer has.
  const uuids = [...new Set([...prefixes.keys(), ...entries.keys()])];
  if (uuids.length === 0) return [heading, '  none yet: no file has reached the function'];
  const rows = uuids.map((uuid) => {
    const entry = entries.get(uuid);
    return [
      uuid,
      ...(imports ? [prefixes.get(uuid)?.join(', ') ?? '(not deployed)'] : []),
      entry?.triggeredAtMs === undefined ? 'never' : formatTime(entry.triggeredAtMs, nowMs),
      entry ? lastOutcome(entry, nowMs) : '-',
      entry?.busyUntilMs !== undefined && entry.busyUntilMs > nowMs
        ? formatTime(entry.busyUntilMs, nowMs)
        : '-',
      entry?.waiting && entry.waiting.files > 0
        ? `${entry.waiting.files} (${formatRelative(entry.waiting.atMs, nowMs)})`
        : '-',
    ];
  });
  const headers = ['IMPORT', ...(imports ? ['PREFIX'] : []), 'LAST TRIGGER', 'LAST OUTCOME', 'BUSY UNTIL'];
  return [heading, ...formatTable([...headers, 'FILES WAITING'], rows)];
}

function lastOutcome({ lastOutcome: outcome }: LedgerEntry, nowMs: number): string {
  if (!outcome) return '-';
  const flat = (outcome.message ?? '').replace(/\s+/g, ' ').trim();
  const message = flat.length > MESSAGE_CHARS ? `${flat.slice(0, MESSAGE_CHARS)}…` : flat;
  const head = `${outcome.verdict} ${outcome.status}, ${formatTime(outcome.atMs, nowMs)}`;
  return message ? `${head}: ${message}` : head;
}
