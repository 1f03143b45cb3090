import { rmSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ENV } from '../contract/handlerSettings';
import type { AppConfig, ResolvedAppConfig } from '../lib/config/schema';
import { validateAppConfig } from '../lib/config/validateConfig';
import type { QueueRef } from '../scripts/ops/redrive/types';
import {
  type BlueshiftStandIn,
  type BlueshiftStandInOptions,
  startBlueshiftStandIn,
} from './blueshift/blueshiftStandIn';
import { type EventSourcePoller, startEventSourcePoller } from './eventSource/startEventSourcePoller';
import type { FunctionOutput, FunctionSpec } from './function/executionEnvironment';
import { functionSpecFromTemplate } from './function/functionSpecFromTemplate';
import { motoEnvironment } from './function/lambdaEnvironment';
import { eventBridgeApi } from './moto/eventBridgeApi';
import { awsClientConfig } from './moto/motoServer';
import { findStackResources } from './provision/findStackResources';
import { provisionOnMoto } from './provision/provisionOnMoto';
import { synthesizeLocalStack } from './provision/synthesizeLocalStack';

/** Settings that make retries take seconds rather than hours; a deployment's configuration may override them. */
export const FAST_SETTINGS = {
  retryBaseDelaySeconds: 1,
  retryMaxDelaySeconds: 2,
  maxReceiveCount: 3,
  requestTimeoutSeconds: 1,
  functionTimeoutSeconds: 10,
  batchWindowSeconds: 0,
  batchSize: 10,
} as const satisfies Partial<AppConfig>;

export interface LocalDeploymentOptions {
  /** moto's endpoint; the caller starts and stops moto. */
  readonly endpoint: string;
  /** The app configuration; `apiBaseUrl` becomes the stand-in's URL, and FAST_SETTINGS fill the gaps. */
  readonly config: Omit<AppConfig, 'apiBaseUrl'>;
  readonly standIn?: BlueshiftStandInOptions;
  /** The real Blueshift API and a key for it, in place of the stand-in (which then gets no calls). */
  readonly live?: { readonly apiBaseUrl: string; readonly apiKey: string };
  /** Also names the ingest queue, so it must differ between deployments in one moto. @default LocalTriggerN */
  readonly stackName?: string;
}

/** The stack synthesised and recreated in moto, a Blueshift stand-in, and a way to run the function. */
export interface LocalDeployment {
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly dynamodb: DynamoDBClient;
  readonly bucket: string;
  /** The trigger ledger's table, when the stack has the ledger on. */
  readonly ledgerTable?: string;
  readonly ingestQueue: QueueRef;
  readonly deadLetterQueue: QueueRef;
  readonly standIn: BlueshiftStandIn;
  /** The configuration in force, defaults applied. */
  readonly config: ResolvedAppConfig;
  /** Variables that point an AWS SDK (or a CLI run as a child process) at moto. */
  readonly awsEnvironment: Readonly<Record<string, string>>;
  /** Starts the event source: the mapping's batch size, window and concurrency unless overridden. */
  startPoller(overrides?: {
    readonly maxConcurrency?: number;
    /** Receives what the function writes (its log lines). */
    readonly output?: FunctionOutput;
  }): EventSourcePoller;
  /** Stops every poller, the stand-in and the clients, and removes the synthesised assembly. */
  stop(): Promise<void>;
}

let deployments = 0;

/** Synthesises the stack for a stand-in Blueshift and recreates it in moto. */
export async function deployLocally(options: LocalDeploymentOptions): Promise<LocalDeployment> {
  const stackName = options.stackName ?? `LocalTrigger${++deployments}`;
  const clientConfig = awsClientConfig(options.endpoint);
  const standIn = await startBlueshiftStandIn(options.standIn);
  const blueshift = options.live ?? { apiBaseUrl: standIn.url, apiKey: standIn.apiKey };
  const rawConfig = { ...FAST_SETTINGS, ...options.config, apiBaseUrl: blueshift.apiBaseUrl };
  const clients = {
    s3: new S3Client(clientConfig),
    sqs: new SQSClient(clientConfig),
    secretsManager: new SecretsManagerClient(clientConfig),
    dynamodb: new DynamoDBClient(clientConfig),
  };
  const events = eventBridgeApi(options.endpoint);
  let assemblyDirectory: string | undefined;
  const release = async () => {
    await standIn.close();
    for (const client of Object.values(clients)) client.destroy();
    if (assemblyDirectory) rmSync(assemblyDirectory, { recursive: true, force: true });
  };
  try {
    const assembly = synthesizeLocalStack(stackName, rawConfig);
    assemblyDirectory = assembly.directory;
    const resources = findStackResources(assembly.template);
    const provisioned = await provisionOnMoto({ ...clients, events }, resources, {
      stackName,
      region: clientConfig.region,
      apiKey: blueshift.apiKey,
    });
    return localDeployment({
      ...provisioned,
      clients,
      standIn,
      config: validateAppConfig(rawConfig),
      endpoint: options.endpoint,
      fn: functionSpecFromTemplate(resources.function, assembly.assetFolders, {
        functionName: `${stackName}-Function`,
        variables: provisioned.functionEnvironment,
        endpoint: options.endpoint,
      }),
      mapping: resources.eventSourceMapping.properties,
      release,
    });
  } catch (error) {
    await release();
    throw error;
  }
}

/** The table the function's environment names as its ledger, if any. */
const ledgerTableOf = (environment: Readonly<Record<string, string>>) => {
  const table = environment[ENV.ledgerTableName];
  return table ? { ledgerTable: table } : {};
};

/** The parts of a local deployment, put together. */
function localDeployment(parts: {
  readonly bucket: string;
  readonly ingestQueue: QueueRef;
  readonly deadLetterQueue: QueueRef;
  readonly clients: { readonly s3: S3Client; readonly sqs: SQSClient; readonly dynamodb: DynamoDBClient };
  readonly functionEnvironment: Readonly<Record<string, string>>;
  readonly standIn: BlueshiftStandIn;
  readonly config: ResolvedAppConfig;
  readonly endpoint: string;
  readonly fn: FunctionSpec;
  // biome-ignore lint/suspicious/noExplicitAny: template properties are free-form JSON.
  readonly mapping: Record<string, any>;
  readonly release: () => Promise<void>;
}): LocalDeployment {
  const { clients, mapping } = parts;
  const pollers: EventSourcePoller[] = [];
  return {
    bucket: parts.bucket,
    ingestQueue: parts.ingestQueue,
    deadLetterQueue: parts.deadLetterQueue,
    s3: clients.s3,
    sqs: clients.sqs,
    dynamodb: clients.dynamodb,
    ...ledgerTableOf(parts.functionEnvironment),
    standIn: parts.standIn,
    config: parts.config,
    awsEnvironment: motoEnvironment(parts.endpoint),
    startPoller: (overrides = {}) => {
      const poller = startEventSourcePoller({
        sqs: clients.sqs,
        queue: parts.ingestQueue,
        fn: overrides.output ? { ...parts.fn, output: overrides.output } : parts.fn,
        batching: {
          batchSize: Number(mapping.BatchSize ?? 10),
          windowMs: Number(mapping.MaximumBatchingWindowInSeconds ?? 0) * 1000,
          waitTimeSeconds: 0,
        },
        maxConcurrency: overrides.maxConcurrency ?? Number(mapping.ScalingConfig?.MaximumConcurrency ?? 2),
        reportBatchItemFailures: (mapping.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures'),
      });
      pollers.push(poller);
      return poller;
    },
    stop: async () => {
      await Promise.all(pollers.map((poller) => poller.stop()));
      await parts.release();
    },
  };
}
