import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LedgerUpdate } from '../../../contract/ledgerMerge';
import { ledgerOutcome } from '../../../lambda/recordOutcomes';
import { createDynamoLedgerStore } from '../../../lambda/triggerLedger';
import type { TriggerOutcome } from '../../../lambda/triggerWithRetries';
import { type AwsClockReading, awsTimeAt, withAwsClock } from './awsClock';

/** What became of the call's record: written (with the send time of a success), or not, and why. */
export type LedgerRecord =
  | { readonly kind: 'recorded'; readonly triggeredAtMs?: number }
  | { readonly kind: 'not-recorded'; readonly reason: string };

/** The import's ledger entry, opened before the call so its outcome can be recorded by AWS's clock. */
export interface TriggerLedger {
  readonly record: (outcome: TriggerOutcome) => Promise<LedgerRecord>;
}

export interface TriggerLedgerOptions {
  readonly client: Pick<DynamoDBClient, 'send'>;
  readonly tableName: string;
  readonly uuid: string;
  readonly now: () => number;
}

/**
 * Reads the import's entry just before the call: the read gives the version the write is conditional on and
 * AWS's time (`withAwsClock`). Times are then recorded by AWS's clock; without a reading nothing is
 * written, as a guessed time could cover files that landed after the trigger.
 */
export async function openTriggerLedger(options: TriggerLedgerOptions): Promise<TriggerLedger> {
  const { tableName, uuid, now } = options;
  const clock = withAwsClock(options.client, now);
  const ledger = createDynamoLedgerStore({ client: clock.client, tableName });
  let readProblem: string | undefined;
  try {
    await ledger.read([uuid]);
  } catch (error) {
    readProblem = `reading the ledger failed: ${(error as Error).message}`;
  }
  return {
    async record(outcome) {
      const reading = clock.reading();
      if (!reading) {
        const reason = readProblem ?? "DynamoDB's answer carried no Date header";
        return { kind: 'not-recorded', reason: `no AWS time to record it by (${reason})` };
      }
      const update = ledgerUpdate(outcome, reading, now());
      try {
        await ledger.write(uuid, update);
      } catch (error) {
        return { kind: 'not-recorded', reason: `the write failed: ${(error as Error).message}` };
      }
      return update.triggeredAtMs === undefined
        ? { kind: 'recorded' }
        : { kind: 'recorded', triggeredAtMs: update.triggeredAtMs };
    },
  };
}

/** The outcome at AWS's time now; a success as sent at AWS's time then (else at the reading: earlier, safe). */
function ledgerUpdate(outcome: TriggerOutcome, reading: AwsClockReading, nowMs: number): LedgerUpdate {
  const sentAtMs = outcome.sentAtMs ?? reading.localMs;
  return {
    ...(outcome.verdict === 'triggered' ? { triggeredAtMs: awsTimeAt(sentAtMs, reading) } : {}),
    lastOutcome: ledgerOutcome(outcome, awsTimeAt(nowMs, reading)),
  };
}
