import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { OpsClients } from './types';

/** Makes the CLI's AWS clients; without a region the SDK takes it from the environment or profile. */
export function createOpsClients(region?: string): OpsClients {
  const config = region === undefined ? {} : { region };
  return {
    // As the function does: calls go to the configured endpoint (the region's, or AWS_ENDPOINT_URL), not the
    // host in a queue URL, so a queue URL a stack output names works with a local endpoint too.
    sqs: new SQSClient({ ...config, useQueueUrlAsEndpoint: false }),
    cloudFormation: new CloudFormationClient(config),
    cloudWatch: new CloudWatchClient(config),
    dynamoDb: new DynamoDBClient(config),
    secretsManager: new SecretsManagerClient(config),
  };
}
