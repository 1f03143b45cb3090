import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { QUEUE_OUTPUT_KEYS } from '../../scripts/redrive/queuesFromStack';
import { EXIT, runRedrive } from '../../scripts/redrive/runRedrive';
import { DEAD_LETTER, INGEST, instantSleep, recordingOutput, redrivePolicyNaming } from './factories';

const cloudFormationMock = mockClient(CloudFormationClient);
const sqsMock = mockClient(SQSClient);

const dependencies = () => ({
  createClients: vi.fn(() => ({ sqs: new SQSClient({}), cloudFormation: new CloudFormationClient({}) })),
  output: recordingOutput(),
  sleep: instantSleep(),
  env: {},
});

const deployedStack = {
  Stacks: [
    {
      StackName: 'BlueshiftImportTrigger',
      StackStatus: 'UPDATE_COMPLETE' as const,
      CreationTime: new Date(),
      Outputs: [
        { OutputKey: QUEUE_OUTPUT_KEYS.ingestUrl, OutputValue: INGEST.url },
        { OutputKey: QUEUE_OUTPUT_KEYS.ingestArn, OutputValue: INGEST.arn },
        { OutputKey: QUEUE_OUTPUT_KEYS.deadLetterUrl, OutputValue: DEAD_LETTER.url },
        { OutputKey: QUEUE_OUTPUT_KEYS.deadLetterArn, OutputValue: DEAD_LETTER.arn },
      ],
    },
  ],
};

describe('Function: runRedrive()', () => {
  beforeEach(() => {
    cloudFormationMock.reset();
    sqsMock.reset();
  });

  it('prints the usage for --help and exits 0 without touching AWS', async () => {
    // Prepare
    const deps = dependencies();

    // Act
    const code = await runRedrive(['--help'], deps);

    // Assess
    expect(code).toBe(EXIT.ok);
    expect(deps.output.lines[0]).toMatch(/^Usage: npm run redrive/);
    expect(deps.createClients).not.toHaveBeenCalled();
  });

  it('explains a usage error and exits 2', async () => {
    // Prepare
    const deps = dependencies();

    // Act
    const code = await runRedrive(['--copy', '--dry-run'], deps);

    // Assess
    expect(code).toBe(EXIT.usage);
    expect(deps.output.errors[0]).toMatch(/^redrive: --dry-run and --copy cannot be combined\n\nUsage:/);
  });

  it('moves the stack’s dead-letter queue back to its ingest queue in the given region', async () => {
    // Prepare
    cloudFormationMock.on(DescribeStacksCommand).resolves(deployedStack);
    sqsMock
      .on(GetQueueAttributesCommand, { QueueUrl: INGEST.url })
      .resolves(redrivePolicyNaming(DEAD_LETTER));
    sqsMock.on(StartMessageMoveTaskCommand).resolves({ TaskHandle: 'task-handle-1' });
    sqsMock.on(ListMessageMoveTasksCommand).resolves({ Results: [{ Status: 'COMPLETED' }] });
    const deps = dependencies();

    // Act
    const code = await runRedrive(['--region', 'eu-west-1'], deps);

    // Assess
    expect(code).toBe(EXIT.ok);
    expect(deps.createClients).toHaveBeenCalledWith('eu-west-1');
    expect(sqsMock).toReceiveCommandWith(StartMessageMoveTaskCommand, {
      SourceArn: DEAD_LETTER.arn,
      DestinationArn: INGEST.arn,
    });
  });

  it('exits 1 naming the problem when the stack cannot be read', async () => {
    // Prepare
    cloudFormationMock.on(DescribeStacksCommand).rejects(new Error('Stack with id Nope does not exist'));
    const deps = dependencies();

    // Act
    const code = await runRedrive(['--stack', 'Nope'], deps);

    // Assess
    expect(code).toBe(EXIT.failure);
    expect(deps.output.errors).toEqual(['redrive failed: Stack with id Nope does not exist']);
    expect(sqsMock).not.toReceiveAnyCommand();
  });
});
