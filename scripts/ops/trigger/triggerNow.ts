import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createApiKeyProvider } from '../../../lambda/apiKeyProvider';
import { triggerImport } from '../../../lambda/blueshiftClient';
import {
  type TriggerAttempt,
  type TriggerOutcome,
  triggerWithRetries,
} from '../../../lambda/triggerWithRetries';

/** The function's defaults (config `requestTimeoutSeconds`, `attemptsPerInvocation`); the CLI has no config. */
export const OPS_RETRY = { requestTimeoutMs: 10_000, attemptsPerInvocation: 3, deadlineMs: 60_000 } as const;

export interface TriggerNowInput {
  readonly uuid: string;
  readonly apiBaseUrl: string;
  readonly secretId: string;
  readonly secretsManager: Pick<SecretsManagerClient, 'send'>;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly fetch?: typeof fetch;
  readonly onAttempt: (attempt: TriggerAttempt) => void;
}

/**
 * Triggers one import as the function does: the key from Secrets Manager through the same provider (re-read once
 * after a 401), the same client and the same in-invocation retry policy. The key stays inside this call.
 * Times are the local clock's: `openTriggerLedger` turns them into AWS's before they are recorded.
 */
export async function triggerNow(input: TriggerNowInput): Promise<TriggerOutcome> {
  const apiKeys = createApiKeyProvider({ client: input.secretsManager, secretId: input.secretId });
  return triggerWithRetries(
    input.uuid,
    input.now() + OPS_RETRY.deadlineMs,
    {
      baseUrl: input.apiBaseUrl.replace(/\/+$/, ''),
      requestTimeoutMs: OPS_RETRY.requestTimeoutMs,
      attemptsPerInvocation: OPS_RETRY.attemptsPerInvocation,
    },
    {
      apiKeys,
      // The outcome's `sentAtMs` is taken by the local clock just before the request goes out.
      call: (request) => triggerImport(request, input.fetch),
      onAttempt: input.onAttempt,
      now: input.now,
      sleep: input.sleep,
    },
  );
}
