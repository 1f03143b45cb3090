import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { fromEnvironment } from '../contract/handlerSettings';
import { createApiKeyProvider } from './apiKeyProvider';
import { triggerImport } from './blueshiftClient';
import { createMessageDeferrer, type SqsApi } from './deferMessages';
import { loadImports } from './loadImports';
import { logger } from './logger';
import { createKeyMatcher } from './mapKeyToImport';
import { processBatch } from './processBatch';
import { triggerWithRetries } from './triggerWithRetries';

const settings = fromEnvironment(process.env);
const imports = loadImports(process.env, dirname(fileURLToPath(import.meta.url)));
const apiKeys = createApiKeyProvider({ client: new SecretsManagerClient({}), secretId: settings.secretId });
const retryPolicy = {
  baseUrl: settings.apiBaseUrl,
  requestTimeoutMs: settings.requestTimeoutSeconds * 1000,
  attemptsPerInvocation: settings.attemptsPerInvocation,
};
let sqs: Promise<SqsApi> | undefined;
// Only failures need SQS: its client is a chunk of its own in the bundle, loaded and built on the first one,
// so a successful cold start neither parses nor runs it.
const loadSqs = () => {
  sqs ??= import('@aws-sdk/client-sqs')
    .then(({ SQSClient, ChangeMessageVisibilityBatchCommand }) => ({
      client: new SQSClient({ useQueueUrlAsEndpoint: false }),
      ChangeMessageVisibilityBatchCommand,
    }))
    .catch((error: unknown) => {
      sqs = undefined; // load again on the next failure
      throw error;
    });
  return sqs;
};

const deps = {
  settings,
  matchKey: createKeyMatcher(imports),
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
export const handler = (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  // Every line of this invocation carries its request id.
  logger.addContext(context);
  return processBatch(event, context, deps);
};
