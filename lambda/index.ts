import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { fromEnvironment } from '../lib/config/environment';
import { createApiKeyProvider } from './apiKeyProvider';
import { triggerImport } from './blueshiftClient';
import { createMessageDeferrer, type SqsApi } from './deferMessages';
import { logger } from './logger';
import { createKeyMatcher } from './mapKeyToImport';
import { processBatch } from './processBatch';
import { triggerWithRetries } from './triggerWithRetries';

const settings = fromEnvironment(process.env);
const apiKeys = createApiKeyProvider({ client: new SecretsManagerClient({}), secretId: settings.secretId });
const retryPolicy = { baseUrl: settings.apiBaseUrl, requestTimeoutMs: settings.requestTimeoutSeconds * 1000 };
let sqsApi: Promise<SqsApi> | undefined;
// Only failures need SQS; loading it lazily keeps it off the cold start of the success path.
const loadSqs = () => {
  sqsApi ??= import('@aws-sdk/client-sqs')
    .then(({ SQSClient, ChangeMessageVisibilityBatchCommand }) => ({
      client: new SQSClient({ useQueueUrlAsEndpoint: false }),
      ChangeMessageVisibilityBatchCommand,
    }))
    .catch((error: unknown) => {
      sqsApi = undefined; // load again on the next failure
      throw error;
    });
  return sqsApi;
};

const deps = {
  settings,
  matchKey: createKeyMatcher(settings.imports),
  deferMessages: createMessageDeferrer(loadSqs),
  log: logger,
  trigger: (uuid: string, deadlineMs: number) =>
    triggerWithRetries(uuid, deadlineMs, retryPolicy, {
      apiKeys,
      call: (request) => triggerImport(request),
      onAttempt: ({ message, ...attempt }) =>
        logger.info('trigger attempt', { ...attempt, importUuid: attempt.uuid, blueshiftMessage: message }),
    }),
};

/** SQS event source handler: reports failed records so only they are retried. */
export const handler = (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processBatch(event, context, deps);
