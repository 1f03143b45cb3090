import { LOG_MESSAGES } from '../../lambda/logMessages';
import type { KeyMatch } from '../../lambda/mapKeyToImport';
import { parseNotification } from '../../lambda/parseNotification';
import type { FunctionLogLine } from './functionLogs';

/** One message of a batch, as the event source handed it over. */
export interface BatchRecord {
  readonly messageId: string;
  readonly receiveCount: number;
  readonly body: string;
}

/** What a batch did: its records, which stayed in the queue, and the function's lines (none: unknown). */
export interface BatchView {
  readonly records: readonly BatchRecord[];
  readonly kept: readonly string[];
  readonly outcome: 'returned' | 'threw' | 'timed-out';
  readonly lines: readonly FunctionLogLine[];
}

/** One file's fate in a batch, for the summary. */
export interface FileEvent {
  readonly key: string;
  readonly messageId: string;
  readonly outcome: 'triggered' | 'covered' | 'busy' | 'settling' | 'failed' | 'ignored' | 'unknown';
  /** Its message is on its last receive and stays: it moves to the dead-letter queue. */
  readonly toDeadLetters: boolean;
}

export interface FormattedBatch {
  readonly lines: readonly string[];
  readonly files: readonly FileEvent[];
  /** Imports the batch triggered (2xx). */
  readonly triggers: number;
}

export interface FormatContext {
  readonly matchKey: (key: string) => KeyMatch;
  readonly maxReceiveCount: number;
  /** HH:MM:SS of a time. */
  readonly clock: (atMs: number) => string;
}

const IGNORED_REASONS: Readonly<Record<string, string>> = {
  'folder-marker': 'a folder marker',
  'no-prefix': 'under no configured prefix',
  'suffix-mismatch': 'its suffix matches no import of its prefix',
};

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const byImport = (lines: readonly FunctionLogLine[], message: (m: string) => boolean) =>
  new Map(lines.filter((line) => message(line.message)).map((line) => [text(line.importUuid), line]));

/**
 * One line per file of the batch: key → import → outcome, with coalescing, retries and a coming move to the
 * dead-letter queue, read from the function's own log lines. Pure.
 */
export function formatBatch(batch: BatchView, context: FormatContext): FormattedBatch {
  const triggered = byImport(batch.lines, (m) => m === LOG_MESSAGES.importTriggered);
  const notTriggered = byImport(batch.lines, (m) => m === LOG_MESSAGES.importNotTriggered);
  const waits = byImport(
    batch.lines,
    (m) => m === LOG_MESSAGES.importBusyWaits || m === LOG_MESSAGES.importSettlingWaits,
  );
  // One line per import: the covered files' count, a sample of their keys, and the trigger that covered them.
  const covered = byImport(batch.lines, (m) => m.startsWith(COVERED_PREFIX));
  const kept = new Set(batch.kept);
  const lines: string[] = [];
  const files: FileEvent[] = [];

  const describe = (uuid: string, key: string): [FileEvent['outcome'], string] => {
    const cover = covered.get(uuid);
    const hit = triggered.get(uuid);
    // Beyond the logged sample, a file of an import that was also called is taken as triggered.
    if (cover && (sampled(cover, key) || !hit)) {
      return ['covered', `covered by the trigger at ${timeOf(cover, context)}: no call`];
    }
    if (hit) return ['triggered', `triggered (${text(hit.status)}${attemptsOf(hit)})${coalesced(hit)}`];
    const wait = waits.get(uuid);
    if (wait) {
      const reason = wait.message === LOG_MESSAGES.importBusyWaits ? 'busy' : 'settling';
      const until =
        reason === 'busy' ? `, busy until ${context.clock(Date.parse(text(wait.busyUntil)))}` : '';
      return [reason, `${reason}: waits ${text(wait.delaySeconds)} s without a call${until}`];
    }
    const miss = notTriggered.get(uuid);
    if (miss) {
      const verdict = text(miss.verdict);
      const detail = `${text(miss.status) || verdict}${attemptsOf(miss)}: ${text(miss.blueshiftMessage)}`;
      return verdict === 'busy' ? ['busy', `busy (${detail})`] : ['failed', `failed (${verdict} ${detail})`];
    }
    return [
      'unknown',
      batch.outcome === 'returned' ? 'no outcome logged' : `the invocation ${batch.outcome}`,
    ];
  };

  for (const record of batch.records) {
    const stays = kept.has(record.messageId);
    const last = stays && record.receiveCount >= context.maxReceiveCount;
    const retry =
      record.receiveCount > 1 ? ` [receive ${record.receiveCount} of ${context.maxReceiveCount}]` : '';
    const fate = last ? ' → moves to the dead-letter queue' : stays ? ' → retried later' : '';
    const parsed = parseNotification(record.body);
    // S3 sends one when the notification configuration is saved: the sandbox's setup, not a drop.
    if (parsed.kind === 'test-event') continue;
    if (parsed.kind === 'invalid') {
      lines.push(
        `message ${record.messageId.slice(0, 8)}: not an S3 event (${parsed.reason})${retry}${fate}`,
      );
      continue;
    }
    for (const { key } of parsed.objects) {
      const match = context.matchKey(key);
      if (match.kind === 'ignored') {
        lines.push(`${key} → no import (${IGNORED_REASONS[match.reason] ?? match.reason}): acknowledged`);
        files.push({ key, messageId: record.messageId, outcome: 'ignored', toDeadLetters: false });
        continue;
      }
      const { uuid, prefix } = match.mapping;
      const [outcome, said] = describe(uuid, key);
      lines.push(`${key} → ${uuid.slice(0, 8)} (${prefix}) → ${said}${retry}${fate}`);
      files.push({ key, messageId: record.messageId, outcome, toDeadLetters: last });
    }
  }
  return { lines, files, triggers: triggered.size };
}

const attemptsOf = (line: FunctionLogLine) =>
  Number(line.attempts ?? 1) > 1 ? `, ${text(line.attempts)} attempts` : '';

const coalesced = (line: FunctionLogLine) => {
  const files = Number(line.files ?? 1);
  return files > 1 ? `, ${files} files coalesced into 1 call` : '';
};

const COVERED_PREFIX = LOG_MESSAGES.filesCoveredPrefix;

const sampled = (line: FunctionLogLine, key: string) =>
  Array.isArray(line.sampleKeys) && (line.sampleKeys as unknown[]).includes(key);

/** The trigger time a covered-files line names, as HH:MM:SS. */
const timeOf = (line: FunctionLogLine, context: FormatContext) =>
  context.clock(Date.parse(text(line.triggeredAt) || line.message.slice(COVERED_PREFIX.length)));
