import { isCovered } from '../contract/coverage';
import { isLastReceive, type RedeliverySettings } from '../contract/redeliveryPolicy';
import type { LedgerEntry, LedgerStore } from '../contract/triggerLedger';
import { isBusyAnswer } from './busyAnswers';
import type { PlannedFile } from './coalesceByImport';
import { readLedger } from './ledgerAccess';
import type { BatchLog } from './logBatch';
import type { TriggeredImport } from './triggerImports';

type RecheckSettings = Pick<RedeliverySettings, 'maxReceiveCount'> & {
  readonly coverageMarginSeconds: number;
};
const SAMPLE_KEYS = 5;

/**
 * Item 3 of issue 9's busy sharing: when a busy answer would dead-letter a record on its last receive,
 * re-reads those imports' entries once, the batch's only second ledger read (none in any other case),
 * and acknowledges the last receives a newer trigger now covers. A failed re-read changes nothing: the
 * records move to the dead-letter queue as they would have.
 */
export async function recheckLastReceives(
  triggered: TriggeredImport[],
  ledger: LedgerStore,
  receivesOf: (messageId: string) => number,
  settings: RecheckSettings,
  budgetMs: number,
  log: BatchLog,
): Promise<Rechecked> {
  const uuids = importsToRecheck(triggered, receivesOf, settings);
  if (uuids.length === 0) return { triggered, covered: new Map() };
  const read = await readLedger(ledger, uuids, budgetMs);
  if ('error' in read) {
    const error = read.error as Error;
    log.warn('trigger ledger re-read failed; last receives move to the dead-letter queue', {
      error: `${error.name}: ${error.message}`,
    });
    return { triggered, covered: new Map() };
  }
  const rechecked = acknowledgeCoveredLastReceives(triggered, read.entries, receivesOf, settings);
  for (const [uuid, files] of rechecked.covered) {
    const triggeredAtMs = read.entries.get(uuid)?.triggeredAtMs ?? 0;
    log.info(`last receives covered by the trigger at ${new Date(triggeredAtMs).toISOString()}`, {
      importUuid: uuid,
      files: files.length,
      sampleKeys: files.slice(0, SAMPLE_KEYS).map(({ key }) => key),
    });
  }
  return { ...rechecked, fresh: read.entries };
}

/** The imports whose busy answer would dead-letter a record on its last receive: worth a second look. */
export function importsToRecheck(
  triggered: readonly TriggeredImport[],
  receivesOf: (messageId: string) => number,
  settings: Pick<RedeliverySettings, 'maxReceiveCount'>,
): string[] {
  return triggered
    .filter(
      ({ trigger, outcome }) =>
        isBusyAnswer(outcome) &&
        [...trigger.messageIds].some((id) => isLastReceive(receivesOf(id), settings)),
    )
    .map(({ trigger }) => trigger.uuid);
}

/** The calls' outcomes with the records a newer trigger covers taken off, and those records' files. */
export interface Rechecked {
  readonly triggered: TriggeredImport[];
  /** Files, by import, of the last receives acknowledged because another environment's trigger covers them. */
  readonly covered: ReadonlyMap<string, readonly PlannedFile[]>;
  /** The entries read again (none: no re-read, or it failed); newer than the batch's first read. */
  readonly fresh?: ReadonlyMap<string, LedgerEntry>;
}

/**
 * A record on its last receive whose import answered busy would move to the dead-letter queue, yet another
 * environment's trigger may have covered it since the batch read the ledger (the 405 is often that very run).
 * With the entries read again, a last receive all of whose files of that import are covered now leaves that
 * import's failure: it is acknowledged unless another import fails it. Pure.
 */
export function acknowledgeCoveredLastReceives(
  triggered: readonly TriggeredImport[],
  fresh: ReadonlyMap<string, LedgerEntry>,
  receivesOf: (messageId: string) => number,
  settings: RecheckSettings,
): Rechecked {
  const covered = new Map<string, PlannedFile[]>();
  const result = triggered.map((item): TriggeredImport => {
    const entry = fresh.get(item.trigger.uuid);
    if (!entry || !isBusyAnswer(item.outcome)) return item;
    const rescued = [...item.trigger.messageIds].filter((id) => {
      if (!isLastReceive(receivesOf(id), settings)) return false;
      const files = item.trigger.files.filter(({ messageId }) => messageId === id);
      return files.every((file) => isCovered(file.landedAtMs, entry, settings.coverageMarginSeconds));
    });
    if (rescued.length === 0) return item;
    covered.set(
      item.trigger.uuid,
      item.trigger.files.filter(({ messageId }) => rescued.includes(messageId)),
    );
    const files = item.trigger.files.filter(({ messageId }) => !rescued.includes(messageId));
    const messageIds = new Set([...item.trigger.messageIds].filter((id) => !rescued.includes(id)));
    return { ...item, trigger: { ...item.trigger, messageIds, files, keys: files.map(({ key }) => key) } };
  });
  return { triggered: result, covered };
}
