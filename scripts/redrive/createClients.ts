import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { RedriveClients } from './types';

/** Makes the CLI's AWS clients; without a region the SDK takes it from the environment or profile. */
export function createClients(region?: string): RedriveClients {
  const config = region === undefined ? {} : { region };
  return { sqs: new SQSClient(config), cloudFormation: new CloudFormationClient(config) };
}
