import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { readStackOutputs, requireOutputs } from '../stackOutputs';
import type { QueueRef } from './types';

/** Reads the ingest queue and dead-letter queue from the deployed stack's outputs. */
export async function queuesFromStack(
  cloudFormation: CloudFormationClient,
  stackName: string,
): Promise<{ deadLetter: QueueRef; source: QueueRef }> {
  const outputs = requireOutputs(await readStackOutputs(cloudFormation, stackName), [
    'ingestQueueUrl',
    'ingestQueueArn',
    'deadLetterQueueUrl',
    'deadLetterQueueArn',
  ]);
  return {
    deadLetter: { url: outputs.deadLetterQueueUrl, arn: outputs.deadLetterQueueArn },
    source: { url: outputs.ingestQueueUrl, arn: outputs.ingestQueueArn },
  };
}
