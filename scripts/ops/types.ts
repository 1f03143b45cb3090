import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Output, Sleep } from './redrive/types';
import type { Environment } from './resolveRegion';

export type { Output, Sleep } from './redrive/types';

/** Every SDK client an ops command may use, made in one place so tests hand in mocks or moto-bound clients. */
export interface OpsClients {
  readonly sqs: SQSClient;
  readonly cloudFormation: CloudFormationClient;
  readonly cloudWatch: CloudWatchClient;
  readonly dynamoDb: DynamoDBClient;
  readonly secretsManager: SecretsManagerClient;
}

/** Asks the operator a yes/no question; undefined where no terminal can answer (a pipe, CI). */
export type Confirm = ((question: string) => Promise<boolean>) | undefined;

/** What the ops commands need from the world, handed in so tests can replace each part. */
export interface OpsDependencies {
  readonly createClients: (region?: string) => OpsClients;
  readonly output: Output;
  readonly sleep: Sleep;
  /** Where the region comes from when `--region` is not given (`process.env` in the CLI). */
  readonly env: Environment;
  readonly now: () => number;
  readonly confirm: Confirm;
  /** The directory `--local` reads cdk.json (and relative config files) from. */
  readonly cwd: string;
  /** The HTTP client `trigger` calls Blueshift with. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}
