/**
 * The trigger ledger: one DynamoDB item per import, shared by every function environment (and read by
 * `npm run ops -- status`), so a batch knows which files an earlier trigger already covered and whether the
 * import is busy. The stack creates the table with `LEDGER_KEY` as its partition key; the function writes it.
 * Times are ms since the epoch.
 */
import type { LedgerUpdate } from './ledgerMerge';
import type { OutcomeVerdict } from './redeliveryPolicy';

/** The table's partition key (a string): the import's UUID. */
export const LEDGER_KEY = 'importUuid';

/** The newest trigger outcome recorded for an import. */
export interface LedgerOutcome {
  readonly verdict: OutcomeVerdict;
  /** HTTP status, or `timeout` / `network-error` / `none` (no call made, e.g. key unavailable). */
  readonly status: string;
  readonly atMs: number;
  /** Blueshift's message, cut to `MAX_MESSAGE_LENGTH`; never key material. */
  readonly message?: string;
}

/** What the ledger knows about one import. Every field but the uuid may be missing. */
export interface LedgerEntry {
  readonly importUuid: string;
  /** When the request of the newest successful trigger was sent: files that landed before it are covered. */
  readonly triggeredAtMs?: number;
  /** Until when the import is presumed busy (a 405, or a 429 with `Retry-After`): batches wait, not call. */
  readonly busyUntilMs?: number;
  /**
   * The SQS message that comes back at `busyUntilMs` to probe: until one probe grace after it, only the batch
   * that holds it calls. Set with `busyUntilMs`, and kept with the busy period that wins a merge.
   */
  readonly probeMessageId?: string;
  readonly lastOutcome?: LedgerOutcome;
  /** When the newest file the function has seen for this import landed (the settle window reads it). */
  readonly newestFileAtMs?: number;
  /** Files the newest batch of this import left waiting (busy, settling or failed), and when. */
  readonly waiting?: { readonly files: number; readonly atMs: number };
  /**
   * Busy answers (405s) in a row since the last success: the next busy period doubles with each
   * (`busyPeriodSeconds`). Derived by `mergeLedgerEntry` from the outcomes, never set by an update.
   */
  readonly busyStreak?: number;
  /** Bumped by every write; a write is conditional on the version it read, so no time moves backwards. */
  readonly version: number;
}

export const MAX_MESSAGE_LENGTH = 300;

/** A DynamoDB attribute value, as far as the ledger uses one (the SDK's type is wider). */
export type LedgerAttribute = { readonly S: string } | { readonly N: string };
export type LedgerItem = Record<string, LedgerAttribute>;

/** Attribute names in the table; the entry's fields map one to one. */
export const LEDGER_ATTRIBUTES = {
  triggeredAtMs: 'triggeredAt',
  busyUntilMs: 'busyUntil',
  newestFileAtMs: 'newestFileAt',
  verdict: 'outcomeVerdict',
  status: 'outcomeStatus',
  outcomeAtMs: 'outcomeAt',
  message: 'outcomeMessage',
  waitingFiles: 'waitingFiles',
  waitingAtMs: 'waitingAt',
  busyStreak: 'busyStreak',
  probeMessageId: 'probeMessageId',
  version: 'version',
} as const;

/** The entry's times: each only ever moves forward. */
export const TIME_FIELDS = ['triggeredAtMs', 'busyUntilMs', 'newestFileAtMs'] as const;
const NUMBER_FIELDS = [...TIME_FIELDS, 'busyStreak'] as const;

/** The entry as a DynamoDB item. */
export function toLedgerItem(entry: LedgerEntry): LedgerItem {
  const item: Record<string, LedgerAttribute> = {
    [LEDGER_KEY]: { S: entry.importUuid },
    [LEDGER_ATTRIBUTES.version]: { N: String(entry.version) },
  };
  for (const field of NUMBER_FIELDS) {
    const value = entry[field];
    if (value !== undefined) item[LEDGER_ATTRIBUTES[field]] = { N: String(value) };
  }
  const outcome = entry.lastOutcome;
  if (outcome) {
    item[LEDGER_ATTRIBUTES.verdict] = { S: outcome.verdict };
    item[LEDGER_ATTRIBUTES.status] = { S: outcome.status };
    item[LEDGER_ATTRIBUTES.outcomeAtMs] = { N: String(outcome.atMs) };
    if (outcome.message) {
      item[LEDGER_ATTRIBUTES.message] = { S: outcome.message.slice(0, MAX_MESSAGE_LENGTH) };
    }
  }
  if (entry.probeMessageId) item[LEDGER_ATTRIBUTES.probeMessageId] = { S: entry.probeMessageId };
  if (entry.waiting) {
    item[LEDGER_ATTRIBUTES.waitingFiles] = { N: String(entry.waiting.files) };
    item[LEDGER_ATTRIBUTES.waitingAtMs] = { N: String(entry.waiting.atMs) };
  }
  return item;
}

const numberOf = (attribute: unknown): number | undefined => {
  const text = (attribute as { N?: unknown } | undefined)?.N;
  const value = typeof text === 'string' ? Number(text) : Number.NaN;
  return Number.isFinite(value) ? value : undefined;
};
const textOf = (attribute: unknown): string | undefined => {
  const text = (attribute as { S?: unknown } | undefined)?.S;
  return typeof text === 'string' ? text : undefined;
};

/** Reads an item back; unreadable attributes count as missing (the ledger then knows less, never more). */
export function fromLedgerItem(item: Readonly<Record<string, unknown>>): LedgerEntry | undefined {
  const importUuid = textOf(item[LEDGER_KEY]);
  if (!importUuid) return undefined;
  const entry: { -readonly [K in keyof LedgerEntry]: LedgerEntry[K] } = {
    importUuid,
    version: numberOf(item[LEDGER_ATTRIBUTES.version]) ?? 0,
  };
  for (const field of NUMBER_FIELDS) {
    const value = numberOf(item[LEDGER_ATTRIBUTES[field]]);
    if (value !== undefined) entry[field] = value;
  }
  const verdict = textOf(item[LEDGER_ATTRIBUTES.verdict]) as OutcomeVerdict | undefined;
  const atMs = numberOf(item[LEDGER_ATTRIBUTES.outcomeAtMs]);
  if (verdict && atMs !== undefined) {
    const message = textOf(item[LEDGER_ATTRIBUTES.message]);
    entry.lastOutcome = {
      verdict,
      status: textOf(item[LEDGER_ATTRIBUTES.status]) ?? 'none',
      atMs,
      ...(message ? { message } : {}),
    };
  }
  const probeMessageId = textOf(item[LEDGER_ATTRIBUTES.probeMessageId]);
  if (probeMessageId) entry.probeMessageId = probeMessageId;
  const waitingFiles = numberOf(item[LEDGER_ATTRIBUTES.waitingFiles]);
  const waitingAtMs = numberOf(item[LEDGER_ATTRIBUTES.waitingAtMs]);
  if (waitingFiles !== undefined && waitingAtMs !== undefined) {
    entry.waiting = { files: waitingFiles, atMs: waitingAtMs };
  }
  return entry;
}

/** The trigger ledger's store as the function, the ops CLI and the simulations use it. */
export interface LedgerStore {
  /** One batched, strongly consistent read of these imports' entries; throws when it cannot read. */
  read(uuids: readonly string[]): Promise<Map<string, LedgerEntry>>;
  /** Merges an update into an import's entry (`mergeLedgerEntry`); throws when it cannot write. */
  write(uuid: string, update: LedgerUpdate): Promise<void>;
}
