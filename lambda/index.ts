import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { fromEnvironment } from '../contract/handlerSettings';
import { METRICS_NAMESPACE } from '../contract/metrics';
import { createApiKeyProvider } from './apiKeyProvider';
import { powertoolsBatchMetrics } from './batchMetrics';
import { triggerImport } from './blueshiftClient';
import { createMessageDeferrer, type SqsApi } from './deferMessages';
import { loadImports } from './loadImports';
import { logger } from './logger';
import { createKeyMatcher } from './mapKeyToImport';
import { processBatch } from './processBatch';
import { createDynamoLedgerStore } from './triggerLedger';
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

const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: settings.serviceName });
// Every successful batch reads the ledger, so its client is built with the others, off the first batch.
const ledger = settings.ledgerTableName
  ? createDynamoLedgerStore({
      // Bounded so a hanging table cannot hold a batch; the batch's own budget bounds the SDK's retries.
      client: new DynamoDBClient({ requestHandler: { connectionTimeout: 1000, requestTimeout: 2000 } }),
      tableName: settings.ledgerTableName,
    })
  : undefined;

const deps = {
  settings,
  ...(ledger ? { ledger } : {}),
  metrics: powertoolsBatchMetrics(metrics),
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
export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  // Every line of this invocation carries its request id.
  logger.addContext(context);
  try {
    return await processBatch(event, context, deps);
  } finally {
    // Also when the batch throws: what it counted so far still reaches CloudWatch.
    metrics.publishStoredMetrics();
  }
};
