import { vi } from 'vitest';
import type { ImportMapping } from '../../contract/importMapping';
import { probeGraceSeconds } from '../../contract/redeliveryPolicy';
import type { LedgerEntry } from '../../contract/triggerLedger';
import type { BatchMetrics } from '../../lambda/batchMetrics';
import type { Deferral } from '../../lambda/deferMessages';
import { createKeyMatcher } from '../../lambda/mapKeyToImport';
import { type BatchDeps, processBatch } from '../../lambda/processBatch';
import type { TriggerOutcome } from '../../lambda/triggerWithRetries';
import { createInMemoryLedger } from '../../local/inMemoryLedger';
import { lambdaContext, s3NotificationBodyAt, sqsEvent, sqsRecord, WATCHED_BUCKET } from './factories';

export const DAILY = 'aaaaaaaa-0000-4000-8000-000000000001';
export const VIP = 'aaaaaaaa-0000-4000-8000-000000000002';
export const BATCHED = 'aaaaaaaa-0000-4000-8000-000000000003';
/** The fake clock of every ledger test: 12:10 on the factories' drop day. */
export const NOW = Date.parse('2026-11-30T12:10:00.000Z');
export const SETTLE_SECONDS = 60;
export const MAX_RECEIVE_COUNT = 6;
const BATCH_WINDOW_SECONDS = 20;
const REQUEST_TIMEOUT_SECONDS = 10;
/** The probe grace of these settings: a batching window, a request timeout and 5 s, 35 s. */
export const PROBE_GRACE_SECONDS = probeGraceSeconds({
  batchWindowSeconds: BATCH_WINDOW_SECONDS,
  requestTimeoutSeconds: REQUEST_TIMEOUT_SECONDS,
});
const IMPORTS: readonly ImportMapping[] = [
  { prefix: 'daily/', uuid: DAILY },
  { prefix: 'vip/', uuid: VIP },
  { prefix: 'batched/', uuid: BATCHED, settleSeconds: SETTLE_SECONDS },
];

export const iso = (ms: number) => new Date(ms).toISOString();
export const triggeredOutcome = (sentAtMs = NOW + 20): TriggerOutcome => ({
  verdict: 'triggered',
  status: 200,
  message: 'ok',
  attempts: 1,
  sentAtMs,
  latenciesMs: [40],
});

/** A record of files that landed `secondsAgo` before NOW (both the event time and SentTimestamp say so). */
export function dropRecord(keys: readonly string[], secondsAgo: number, receiveCount = 1) {
  const landedAtMs = NOW - secondsAgo * 1000;
  return sqsRecord(s3NotificationBodyAt(keys, iso(landedAtMs)), { receiveCount, sentTimestamp: landedAtMs });
}

/** processBatch on a fake clock with an in-memory ledger, scripted outcomes, and recorded deferrals and metrics. */
export function ledgerBatch(outcomes: Record<string, TriggerOutcome> = {}, entries: LedgerEntry[] = []) {
  const ledger = createInMemoryLedger();
  for (const entry of entries) ledger.entries.set(entry.importUuid, entry);
  const deferred: Deferral[] = [];
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const counted: Record<string, number[]> = {};
  const metrics: BatchMetrics = {
    add: (name, value) => {
      counted[name] = [...(counted[name] ?? []), value];
    },
    trigger: (uuid, outcome) => {
      counted[`ImportTriggers/${uuid}/${outcome}`] = [1];
    },
  };
  const trigger = vi.fn(async (uuid: string, _deadlineMs: number) => outcomes[uuid] ?? triggeredOutcome());
  const deps: BatchDeps = {
    settings: {
      bucketName: WATCHED_BUCKET,
      maxConcurrentCalls: 4,
      retryBaseDelaySeconds: 30,
      retryMaxDelaySeconds: 1800,
      maxReceiveCount: MAX_RECEIVE_COUNT,
      coverageMarginSeconds: 1,
      maxSettleSeconds: 900,
      batchWindowSeconds: BATCH_WINDOW_SECONDS,
      requestTimeoutSeconds: REQUEST_TIMEOUT_SECONDS,
    },
    matchKey: createKeyMatcher(IMPORTS),
    trigger,
    deferMessages: async (items) => {
      deferred.push(...items);
      return [];
    },
    log,
    ledger,
    metrics,
    now: () => NOW,
  };
  const run = (...records: ReturnType<typeof sqsRecord>[]) =>
    processBatch(sqsEvent(...records), lambdaContext(), deps);
  const calledUuids = () => trigger.mock.calls.map(([uuid]) => uuid);
  const delays = () => Object.fromEntries(deferred.map((d) => [d.messageId, d.visibilityTimeoutSeconds]));
  const infoMessages = () => log.info.mock.calls.map(([message]) => message as string);
  return { ledger, deps, deferred, log, counted, trigger, run, calledUuids, delays, infoMessages };
}
