import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { STACK_OUTPUT_KEYS } from '../../../contract/stackOutputs';
import { EXIT, runRedrive } from '../../../scripts/ops/redrive/runRedrive';
import type { QueueRef } from '../../../scripts/ops/redrive/types';
import { DEAD_LETTER, INGEST, instantSleep, recordingOutput, redrivePolicyNaming } from './factories';

const cloudFormationMock = mockClient(CloudFormationClient);
const sqsMock = mockClient(SQSClient);

const dependencies = () => ({
  createClients: vi.fn(() => ({ sqs: new SQSClient({}), cloudFormation: new CloudFormationClient({}) })),
  output: recordingOutput(),
  sleep: instantSleep(),
  env: {},
});

/** A deployed stack whose outputs name the given queues. */
const stackNaming = (deadLetter: QueueRef, ingest: QueueRef) => ({
  Stacks: [
    {
      StackName: 'BlueshiftImportTrigger',
      StackStatus: 'UPDATE_COMPLETE' as const,
      CreationTime: new Date(),
      Outputs: [
        { OutputKey: STACK_OUTPUT_KEYS.ingestQueueUrl, OutputValue: ingest.url },
        { OutputKey: STACK_OUTPUT_KEYS.ingestQueueArn, OutputValue: ingest.arn },
        { OutputKey: STACK_OUTPUT_KEYS.deadLetterQueueUrl, OutputValue: deadLetter.url },
        { OutputKey: STACK_OUTPUT_KEYS.deadLetterQueueArn, OutputValue: deadLetter.arn },
      ],
    },
  ],
});
const deployedStack = stackNaming(DEAD_LETTER, INGEST);

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
    expect(deps.output.lines[0]).toMatch(/^Usage: npm run ops -- redrive/);
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

/** An SDK error as the SDK shapes it: its name is the service's error code. */
const awsError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('Function: runRedrive() refusals', () => {
  beforeEach(() => {
    cloudFormationMock.reset();
    sqsMock.reset();
    // A queue without a RedrivePolicy, unless a test says otherwise.
    sqsMock.on(GetQueueAttributesCommand).resolves({ Attributes: {} });
  });

  it('refuses one queue given as both queues before any AWS call', async () => {
    // Prepare: the same queue, spelt with another host case and a trailing slash.
    const deps = dependencies();
    const sameQueue = INGEST.url.replace('sqs.us-east-1', 'SQS.us-east-1').concat('/');

    // Act
    const code = await runRedrive(['--copy', '--dlq-url', INGEST.url, '--source-url', sameQueue], deps);

    // Assess
    expect(code).toBe(EXIT.failure);
    expect(deps.output.errors).toEqual([
      `redrive failed: refusing to redrive: the dead-letter queue and the ingest queue are the same queue (${INGEST.url})`,
    ]);
    expect(deps.createClients).not.toHaveBeenCalled();
  });

  it('refuses two URLs that SQS reports as one queue, and moves nothing', async () => {
    // Prepare
    sqsMock.on(GetQueueAttributesCommand).resolves({ Attributes: { QueueArn: INGEST.arn } });
    const deps = dependencies();

    // Act
    const code = await runRedrive(
      [
        '--copy',
        '--dlq-url',
        'http://localhost:5000/1/Ingest',
        '--source-url',
        'http://127.0.0.1:5000/1/Ingest',
      ],
      deps,
    );

    // Assess
    expect(code).toBe(EXIT.failure);
    expect(deps.output.errors[0]).toMatch(/^redrive failed: refusing to redrive: .* are the same queue/);
    expect(sqsMock).toReceiveCommandTimes(GetQueueAttributesCommand, 2);
  });

  it('refuses a stack whose outputs name one queue as both, before any SQS call', async () => {
    // Prepare
    cloudFormationMock.on(DescribeStacksCommand).resolves(stackNaming(INGEST, INGEST));
    const deps = dependencies();

    // Act
    const code = await runRedrive(['--copy'], deps);

    // Assess
    expect(code).toBe(EXIT.failure);
    expect(deps.output.errors[0]).toContain('the dead-letter queue and the ingest queue are the same queue');
    expect(sqsMock).not.toReceiveAnyCommand();
  });

  it('refuses to move when the ingest queue’s RedrivePolicy names another dead-letter queue', async () => {
    // Prepare
    const other = 'arn:aws:sqs:us-east-1:123456789012:OtherDlq';
    cloudFormationMock.on(DescribeStacksCommand).resolves(deployedStack);
    sqsMock
      .on(GetQueueAttributesCommand, { QueueUrl: INGEST.url })
      .resolves(redrivePolicyNaming({ url: 'unused', arn: other }));
    const deps = dependencies();

    // Act
    const code = await runRedrive([], deps);

    // Assess
    expect(code).toBe(EXIT.failure);
    expect(deps.output.errors).toEqual([
      `redrive failed: refusing to redrive: ingest queue ${INGEST.url} sends its dead letters to ${other}, ` +
        `not dead-letter queue ${DEAD_LETTER.url} (${DEAD_LETTER.arn})`,
    ]);
    expect(sqsMock).not.toReceiveCommand(StartMessageMoveTaskCommand);
  });

  it('refuses swapped queues, saying they look swapped, in a dry run too and before sampling', async () => {
    // Prepare: --dlq-url names the ingest queue, --source-url the dead-letter queue.
    sqsMock.on(GetQueueAttributesCommand, { QueueUrl: INGEST.url, AttributeNames: ['QueueArn'] }).resolves({
      Attributes: { QueueArn: INGEST.arn },
    });
    sqsMock
      .on(GetQueueAttributesCommand, { QueueUrl: DEAD_LETTER.url, AttributeNames: ['QueueArn'] })
      .resolves({
        Attributes: { QueueArn: DEAD_LETTER.arn },
      });
    sqsMock
      .on(GetQueueAttributesCommand, { QueueUrl: INGEST.url, AttributeNames: ['RedrivePolicy'] })
      .resolves(redrivePolicyNaming(DEAD_LETTER));
    const deps = dependencies();

    // Act
    const code = await runRedrive(
      ['--dry-run', '--dlq-url', INGEST.url, '--source-url', DEAD_LETTER.url],
      deps,
    );

    // Assess
    expect(code).toBe(EXIT.failure);
    expect(deps.output.errors).toEqual([
      `redrive failed: refusing to redrive: ingest queue ${DEAD_LETTER.url} has no RedrivePolicy, ` +
        `not dead-letter queue ${INGEST.url} (${INGEST.arn}); the two queues look swapped`,
    ]);
    expect(sqsMock).not.toReceiveCommand(ReceiveMessageCommand);
  });

  it('reports the RedrivePolicy it checked in a dry run', async () => {
    // Prepare
    cloudFormationMock.on(DescribeStacksCommand).resolves(deployedStack);
    sqsMock
      .on(GetQueueAttributesCommand, { QueueUrl: INGEST.url })
      .resolves(redrivePolicyNaming(DEAD_LETTER));
    sqsMock.on(GetQueueAttributesCommand, { QueueUrl: DEAD_LETTER.url }).resolves({ Attributes: {} });
    sqsMock.on(ReceiveMessageCommand).resolves({});
    const deps = dependencies();

    // Act
    const code = await runRedrive(['--dry-run'], deps);

    // Assess
    expect(code).toBe(EXIT.ok);
    expect(deps.output.lines).toContain(
      `Checked: the RedrivePolicy of ${INGEST.url} names ${DEAD_LETTER.arn} as its dead-letter queue.`,
    );
  });
});

describe('Function: runRedrive() one-line errors', () => {
  beforeEach(() => {
    cloudFormationMock.reset();
    sqsMock.reset();
  });

  it.each([
    [{ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' }, 'eu-west-1'],
    [{ AWS_DEFAULT_REGION: 'us-west-2' }, 'us-west-2'],
    [{}, undefined],
  ])('makes its clients for the region in %j: %s', async (env, region) => {
    // Prepare
    cloudFormationMock.on(DescribeStacksCommand).rejects(new Error('stop here'));
    const deps = { ...dependencies(), env };

    // Act
    await runRedrive([], deps);

    // Assess
    expect(deps.createClients).toHaveBeenCalledWith(region);
  });

  it('names the flags and variables to set when no region is found', async () => {
    // Prepare: the SDK's own words when neither the environment nor a profile has a region.
    cloudFormationMock.on(DescribeStacksCommand).rejects(new Error('Region is missing'));
    const deps = dependencies();

    // Act
    const code = await runRedrive([], deps);

    // Assess
    expect(code).toBe(EXIT.failure);
    expect(deps.output.errors).toEqual([
      'redrive failed: no AWS region: give --region, or set AWS_REGION or AWS_DEFAULT_REGION',
    ]);
  });

  it('says which stack was not found in which region', async () => {
    // Prepare
    cloudFormationMock
      .on(DescribeStacksCommand)
      .rejects(awsError('ValidationError', 'Stack with id Nope does not exist'));
    const deps = { ...dependencies(), env: { AWS_DEFAULT_REGION: 'eu-central-1' } };

    // Act
    const code = await runRedrive(['--stack', 'Nope'], deps);

    // Assess
    expect(code).toBe(EXIT.failure);
    expect(deps.output.errors).toEqual([
      'redrive failed: stack Nope was not found in region eu-central-1: check --stack and --region',
    ]);
  });

  it('says how to provide credentials when there are none', async () => {
    // Prepare
    cloudFormationMock
      .on(DescribeStacksCommand)
      .rejects(awsError('CredentialsProviderError', 'Could not load credentials from any providers'));
    const deps = dependencies();

    // Act
    const code = await runRedrive([], deps);

    // Assess
    expect(code).toBe(EXIT.failure);
    expect(deps.output.errors).toEqual([
      'redrive failed: no usable AWS credentials (Could not load credentials from any providers): ' +
        "set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; for SSO run 'aws sso login'",
    ]);
  });

  it.each([
    ['ExpiredToken', 'The security token included in the request is expired'],
    ['InvalidClientTokenId', 'The security token included in the request is invalid.'],
    ['UnrecognizedClientException', 'The security token included in the request is invalid.'],
  ])('says the credentials were refused on %s', async (name, message) => {
    // Prepare
    cloudFormationMock.on(DescribeStacksCommand).rejects(awsError(name, message));
    const deps = dependencies();

    // Act
    const code = await runRedrive([], deps);

    // Assess
    expect(code).toBe(EXIT.failure);
    expect(deps.output.errors).toEqual([
      `redrive failed: AWS refused the credentials (${name}: ${message}): refresh them or check AWS_PROFILE`,
    ]);
  });

  it('keeps a multi-line SDK message on one line', async () => {
    // Prepare
    cloudFormationMock.on(DescribeStacksCommand).rejects(new Error('first line\n    second line'));
    const deps = dependencies();

    // Act
    await runRedrive([], deps);

    // Assess
    expect(deps.output.errors).toEqual(['redrive failed: first line second line']);
  });
});
