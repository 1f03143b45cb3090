import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ChangeMessageVisibilityBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { vi } from 'vitest';
import { type HandlerSettings, toEnvironment } from '../../contract/handlerSettings';
import { IMPORTS_FILE, type ImportMapping, serializeImports } from '../../contract/importMapping';
import type { BlueshiftStandIn } from '../../local/blueshift/blueshiftStandIn';
import { lambdaContext, WATCHED_BUCKET } from './factories';

export const DAILY = 'aaaaaaaa-0000-4000-8000-000000000001';
export const VIP = 'aaaaaaaa-0000-4000-8000-000000000002';
export const API_KEY = 'handler-test-key';
export const SECRET_ID = 'blueshift/api-key';
export const SERVICE_NAME = 'ImportTrigger';
export const REQUEST_ID = 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef';

export const secretsManager = mockClient(SecretsManagerClient);
export const sqs = mockClient(SQSClient);

export type Handler = (
  event: SQSEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<SQSBatchResponse>;

const IMPORTS: readonly ImportMapping[] = [
  { prefix: 'daily/', uuid: DAILY, suffix: '.csv' },
  { prefix: 'vip/', uuid: VIP },
];

/** Writes `imports.json` to a fresh directory, as the bundler ships it beside the handler, and returns the directory. */
export function shipImports(imports: readonly ImportMapping[] = IMPORTS): string {
  const taskRoot = mkdtempSync(path.join(tmpdir(), 'handler-task-root-'));
  writeFileSync(path.join(taskRoot, IMPORTS_FILE), serializeImports(imports));
  return taskRoot;
}

/**
 * Sets the function environment the stack would set (pointing at the stand-in) and the code directory
 * Lambda would, then loads a fresh handler: a new module has a cold key cache, as a new execution environment.
 */
export async function loadHandler(blueshift: BlueshiftStandIn, overrides: Partial<HandlerSettings> = {}) {
  const environment = toEnvironment({
    apiBaseUrl: blueshift.url,
    secretId: SECRET_ID,
    bucketName: WATCHED_BUCKET,
    requestTimeoutSeconds: 1,
    attemptsPerInvocation: 3,
    maxConcurrentCalls: 4,
    retryBaseDelaySeconds: 30,
    retryMaxDelaySeconds: 1800,
    maxReceiveCount: 10,
    coverageMarginSeconds: 1,
    batchWindowSeconds: 0,
    maxSettleSeconds: 900,
    serviceName: SERVICE_NAME,
    ...overrides,
  });
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('LAMBDA_TASK_ROOT', shipImports());
  vi.resetModules();
  return (await import('../../lambda/index')).handler as Handler;
}

// Captured before any test fakes the clock: the pace at which fake time moves while real sockets work.
const realSetTimeout = globalThis.setTimeout;
/** Fake milliseconds per real millisecond: Blueshift's loopback stand-in answers well within 25 fake ms. */
const FAKE_MS_PER_STEP = 25;

/** Fakes the clock the handler waits on (its sleeps, request timeouts and deadlines); sockets stay real. */
export const useFakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });

/**
 * Invokes the handler on the fake clock, moving it on while the invocation runs, so a hanging call times
 * out and a backoff sleep ends without the test waiting for them in real time.
 */
export async function invoke(
  handler: Handler,
  event: SQSEvent,
  remainingMs = 30_000,
  requestId = REQUEST_ID,
): Promise<SQSBatchResponse> {
  let settled = false;
  const response = handler(event, lambdaContext(remainingMs, requestId)).finally(() => {
    settled = true;
  });
  while (!settled) {
    await new Promise((resolve) => realSetTimeout(resolve, 1));
    await vi.advanceTimersByTimeAsync(FAKE_MS_PER_STEP);
  }
  return response;
}

/** Visibility changes the handler asked SQS for, in order. */
export const visibilityChanges = () =>
  sqs.commandCalls(ChangeMessageVisibilityBatchCommand).flatMap((call) => call.args[0].input.Entries ?? []);

/** An Embedded Metric Format line: Powertools Metrics writes it to stdout beside the log lines. */
export const isEmf = (entry: Record<string, unknown>) => '_aws' in entry;

/**
 * Captures the function's output (Powertools writes info and EMF to stdout, warnings and errors to stderr):
 * `entries()` are the log lines, `emf()` the metric lines.
 */
export function captureLogs(): {
  lines: string[];
  entries: () => Record<string, unknown>[];
  emf: () => Record<string, unknown>[];
} {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
  }
  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    lines,
    entries: () => parsed().filter((entry) => !isEmf(entry)),
    emf: () => parsed().filter(isEmf),
  };
}
