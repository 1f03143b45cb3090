import { type LedgerUpdate, mergeLedgerEntry } from '../contract/ledgerMerge';
import type { LedgerEntry } from '../contract/triggerLedger';

/** The trigger ledger's store, as the function uses it (lambda/triggerLedger.ts backs it with DynamoDB). */
export interface LedgerStore {
  /** One batched, strongly consistent read of these imports' entries; throws when it cannot read. */
  read(uuids: readonly string[]): Promise<Map<string, LedgerEntry>>;
  /** Merges an update into an import's entry (no time moves backwards); throws when it cannot write. */
  write(uuid: string, update: LedgerUpdate): Promise<void>;
}

/** A ledger kept in memory, shared by the simulated environments of a test or a bench run. */
export interface InMemoryLedger extends LedgerStore {
  readonly entries: Map<string, LedgerEntry>;
  readonly counts: { reads: number; writes: number };
  /** Makes every call fail until turned off again (a throttled, missing or forbidden table). */
  fail(failing: boolean): void;
}

export function createInMemoryLedger(): InMemoryLedger {
  const entries = new Map<string, LedgerEntry>();
  const counts = { reads: 0, writes: 0 };
  let failing = false;
  const check = () => {
    if (failing) throw Object.assign(new Error('ledger unavailable'), { name: 'ResourceNotFoundException' });
  };
  return {
    entries,
    counts,
    fail: (value) => {
      failing = value;
    },
    async read(uuids) {
      counts.reads += 1;
      check();
      return new Map(
        uuids.flatMap((uuid) => {
          const entry = entries.get(uuid);
          return entry ? [[uuid, entry] as const] : [];
        }),
      );
    },
    async write(uuid, update) {
      counts.writes += 1;
      check();
      entries.set(uuid, mergeLedgerEntry(uuid, entries.get(uuid), update));
    },
  };
}
