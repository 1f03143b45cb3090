import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { STACK_OUTPUT_KEYS } from '../../../contract/stackOutputs';
import { OpsError } from '../../../scripts/ops/errors';
import { queuesFromStack } from '../../../scripts/ops/redrive/queuesFromStack';
import { DEAD_LETTER, INGEST } from './factories';

const cloudFormationMock = mockClient(CloudFormationClient);

const stackWithOutputs = (outputs: Record<string, string>) => ({
  Stacks: [
    {
      StackName: 'BlueshiftImportTrigger',
      StackStatus: 'CREATE_COMPLETE' as const,
      CreationTime: new Date(),
      Outputs: Object.entries(outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
    },
  ],
});

describe('Function: queuesFromStack()', () => {
  beforeEach(() => cloudFormationMock.reset());

  it('reads both queues’ URLs and ARNs from the stack outputs', async () => {
    // Prepare
    cloudFormationMock.on(DescribeStacksCommand).resolves(
      stackWithOutputs({
        [STACK_OUTPUT_KEYS.ingestQueueUrl]: INGEST.url,
        [STACK_OUTPUT_KEYS.ingestQueueArn]: INGEST.arn,
        [STACK_OUTPUT_KEYS.deadLetterQueueUrl]: DEAD_LETTER.url,
        [STACK_OUTPUT_KEYS.deadLetterQueueArn]: DEAD_LETTER.arn,
        BucketName: 'drop-bucket',
      }),
    );

    // Act
    const queues = await queuesFromStack(new CloudFormationClient({}), 'BlueshiftImportTrigger');

    // Assess
    expect(queues).toEqual({ deadLetter: DEAD_LETTER, source: INGEST });
    expect(cloudFormationMock).toReceiveCommandWith(DescribeStacksCommand, {
      StackName: 'BlueshiftImportTrigger',
    });
  });

  it('names the missing outputs and the ones the stack has', async () => {
    // Prepare
    cloudFormationMock
      .on(DescribeStacksCommand)
      .resolves(stackWithOutputs({ [STACK_OUTPUT_KEYS.ingestQueueUrl]: INGEST.url }));

    // Act
    const lookup = queuesFromStack(new CloudFormationClient({}), 'BlueshiftImportTrigger');

    // Assess
    await expect(lookup).rejects.toThrow(OpsError);
    await expect(lookup).rejects.toThrow(
      'lacks output(s) IngestQueueArn, DeadLetterQueueUrl, DeadLetterQueueArn (it has: IngestQueueUrl)',
    );
  });
});
