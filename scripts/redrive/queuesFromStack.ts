import { type CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { RedriveError } from './errors';
import type { QueueRef } from './types';

/** The stack output keys that name the queues; the stack must emit exactly these. */
export const QUEUE_OUTPUT_KEYS = {
  ingestUrl: 'IngestQueueUrl',
  ingestArn: 'IngestQueueArn',
  deadLetterUrl: 'DeadLetterQueueUrl',
  deadLetterArn: 'DeadLetterQueueArn',
} as const;

/** Reads the ingest queue and dead-letter queue from the deployed stack's outputs. */
export async function queuesFromStack(
  cloudFormation: CloudFormationClient,
  stackName: string,
): Promise<{ deadLetter: QueueRef; source: QueueRef }> {
  const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const stack = Stacks?.[0];
  if (!stack) throw new RedriveError(`stack ${stackName} was not found`);
  const outputs = new Map((stack.Outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]));
  const missing = Object.values(QUEUE_OUTPUT_KEYS).filter((key) => !outputs.get(key));
  if (missing.length > 0) {
    const present = [...outputs.keys()].join(', ') || 'none';
    throw new RedriveError(`stack ${stackName} lacks output(s) ${missing.join(', ')} (it has: ${present})`);
  }
  const value = (key: string) => outputs.get(key) as string;
  return {
    deadLetter: { url: value(QUEUE_OUTPUT_KEYS.deadLetterUrl), arn: value(QUEUE_OUTPUT_KEYS.deadLetterArn) },
    source: { url: value(QUEUE_OUTPUT_KEYS.ingestUrl), arn: value(QUEUE_OUTPUT_KEYS.ingestArn) },
  };
}
