import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { vi } from 'vitest';
import { awsClientConfig } from '../../../local/moto/motoServer';
import { runOps } from '../../../scripts/ops/runOps';
import type { Confirm, OpsClients } from '../../../scripts/ops/types';
import { instantSleep, recordingOutput } from '../redrive/factories';

/** Every ops client bound to one moto server. */
export function motoClients(endpoint: string): OpsClients {
  const config = awsClientConfig(endpoint);
  return {
    sqs: new SQSClient(config),
    cloudFormation: new CloudFormationClient(config),
    cloudWatch: new CloudWatchClient(config),
    dynamoDb: new DynamoDBClient(config),
    secretsManager: new SecretsManagerClient(config),
  };
}

export function destroyClients(clients: OpsClients | undefined): void {
  for (const client of Object.values(clients ?? {})) client.destroy();
}

/** How a test runs `npm run ops -- …`: its clients, terminal answer, clock and directory. */
export interface OpsRunSetup {
  readonly clients: OpsClients;
  readonly confirm?: Confirm;
  readonly now?: () => number;
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  /** The HTTP client `trigger` uses. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

/** Runs the ops CLI in-process and resolves to its exit code and what it printed. */
export async function runOpsWith(setup: OpsRunSetup, argv: readonly string[]) {
  const output = recordingOutput();
  const deps = {
    createClients: vi.fn(() => setup.clients),
    output,
    sleep: instantSleep(),
    env: setup.env ?? {},
    now: setup.now ?? Date.now,
    confirm: setup.confirm,
    cwd: setup.cwd ?? process.cwd(),
    ...(setup.fetch ? { fetch: setup.fetch } : {}),
  };
  const code = await runOps(argv, deps);
  return { code, lines: output.lines, errors: output.errors, deps };
}
