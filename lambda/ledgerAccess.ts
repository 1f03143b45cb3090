import type { LedgerUpdate } from '../contract/ledgerMerge';
import type { LedgerEntry, LedgerStore } from '../contract/triggerLedger';
import { withinMs } from './withinMs';

/** Longest a batch waits for the ledger, each way: DynamoDB answers in milliseconds when it answers at all. */
export const LEDGER_BUDGET_MS = 3000;

/** The batch's one read: the entries, or the error that makes the batch behave as without a ledger. */
export async function readLedger(
  ledger: LedgerStore,
  uuids: readonly string[],
  budgetMs: number,
): Promise<{ entries: Map<string, LedgerEntry> } | { error: unknown }> {
  if (uuids.length === 0) return { entries: new Map() };
  try {
    return { entries: await withinMs(ledger.read(uuids), budgetMs, 'trigger ledger read') };
  } catch (error) {
    return { error };
  }
}

/** Writes each import's update once, all at a time, within the budget; resolves to the errors (none: all written). */
export async function writeLedger(
  ledger: LedgerStore,
  updates: ReadonlyMap<string, LedgerUpdate>,
  budgetMs: number,
): Promise<unknown[]> {
  const writes = [...updates].map(([uuid, update]) =>
    withinMs(ledger.write(uuid, update), budgetMs, 'trigger ledger write'),
  );
  const results = await Promise.allSettled(writes);
  return results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
}
