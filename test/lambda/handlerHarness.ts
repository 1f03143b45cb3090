import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ChangeMessageVisibilityBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { vi } from 'vitest';
import { toEnvironment } from '../../lib/config/environment';
import type { BlueshiftStandIn } from '../support/blueshiftStandIn';
import { lambdaContext } from './factories';

export const DAILY = 'aaaaaaaa-0000-4000-8000-000000000001';
export const VIP = 'aaaaaaaa-0000-4000-8000-000000000002';
export const API_KEY = 'handler-test-key';
export const SECRET_ID = 'blueshift/api-key';

export const secretsManager = mockClient(SecretsManagerClient);
export const sqs = mockClient(SQSClient);

export type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** Sets the function environment the stack would set, pointing at the stand-in, and loads a fresh handler. */
export async function loadHandler(blueshift: BlueshiftStandIn): Promise<Handler> {
  const environment = toEnvironment({
    apiBaseUrl: blueshift.url,
    secretId: SECRET_ID,
    imports: [
      { prefix: 'daily/', uuid: DAILY, suffix: '.csv' },
      { prefix: 'vip/', uuid: VIP },
    ],
    requestTimeoutSeconds: 1,
    retryBaseDelaySeconds: 30,
    retryMaxDelaySeconds: 1800,
    maxReceiveCount: 10,
  });
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  vi.stubEnv('AWS_REGION', 'us-east-1');
  // A fresh module has a cold key cache, as a new Lambda execution environment does.
  vi.resetModules();
  return (await import('../../lambda/index')).handler;
}

export const invoke = (handler: Handler, event: SQSEvent, remainingMs = 30_000) =>
  handler(event, lambdaContext(remainingMs) as Context);

/** Visibility changes the handler asked SQS for, in order. */
export const visibilityChanges = () =>
  sqs.commandCalls(ChangeMessageVisibilityBatchCommand).flatMap((call) => call.args[0].input.Entries ?? []);

/** Captures the function's log lines (Powertools writes info to stdout, warnings and errors to stderr). */
export function captureLogs(): { lines: string[]; entries: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
  }
  return { lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
