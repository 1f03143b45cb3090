import { ArnFormat, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { visibilityTimeoutSeconds } from '../../lib/IngestQueues';
import { rawConfigFactory, resourcesOfType, type SynthesizedStack, synthesizeStack } from './synthesizeStack';

const FOURTEEN_DAYS = 14 * 24 * 3600;

describe('Function: visibilityTimeoutSeconds()', () => {
  it('covers six function timeouts plus the batching window', () => {
    // Act & Assess
    expect(visibilityTimeoutSeconds(60, 5)).toBe(365);
    expect(visibilityTimeoutSeconds(900, 0)).toBe(5400);
  });
});

describe('Construct: BlueshiftImportTrigger queues', () => {
  let synthesized: SynthesizedStack;
  let ingestQueueId: string;
  let deadLetterQueueId: string;
  beforeAll(() => {
    synthesized = synthesizeStack(
      rawConfigFactory({ maxReceiveCount: 7, functionTimeoutSeconds: 30, batchWindowSeconds: 7 }),
    );
    const { stack } = synthesized;
    ingestQueueId = stack.getLogicalId(stack.trigger.ingestQueue.node.defaultChild as CfnQueue);
    deadLetterQueueId = stack.getLogicalId(stack.trigger.deadLetterQueue.node.defaultChild as CfnQueue);
  });

  it('creates the ingest queue and the dead-letter queue, both with SQS-managed encryption', () => {
    // Assess
    synthesized.template.resourceCountIs('AWS::SQS::Queue', 2);
    const queues = Object.values(resourcesOfType(synthesized.template, 'AWS::SQS::Queue'));
    expect(queues.map((queue) => queue.Properties)).toEqual([
      expect.objectContaining({ SqsManagedSseEnabled: true, MessageRetentionPeriod: FOURTEEN_DAYS }),
      expect.objectContaining({ SqsManagedSseEnabled: true, MessageRetentionPeriod: FOURTEEN_DAYS }),
    ]);
  });

  it.each([
    ['ingest queue', () => ingestQueueId],
    ['dead-letter queue', () => deadLetterQueueId],
  ])('denies every request to the %s that does not use TLS', (_queue, queueId) => {
    // Assess
    synthesized.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId() }],
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Resource: { 'Fn::GetAtt': [queueId(), 'Arn'] },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      }),
    });
  });

  it('moves a message to the dead-letter queue after maxReceiveCount receives', () => {
    // Assess
    synthesized.template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [deadLetterQueueId, 'Arn'] },
        maxReceiveCount: 7,
      },
    });
  });

  it('keeps a batch invisible for six function timeouts plus the batching window', () => {
    // Assess
    synthesized.template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: Match.anyValue(),
      VisibilityTimeout: 6 * 30 + 7,
    });
  });

  it('lets only the ingest queue use the dead-letter queue and be its redrive target', () => {
    // Prepare
    const { stack, template } = synthesized;
    const ingestQueueName = template.toJSON().Resources[ingestQueueId].Properties.QueueName as string;
    const ingestQueueArn = Stack.of(stack).formatArn({
      service: 'sqs',
      resource: ingestQueueName,
      arnFormat: ArnFormat.NO_RESOURCE_NAME,
    });

    // Assess
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedriveAllowPolicy: { redrivePermission: 'byQueue', sourceQueueArns: [stack.resolve(ingestQueueArn)] },
    });
  });

  it('keeps the dead-letter queue free of references to the ingest queue, so there is no dependency cycle', () => {
    // Prepare
    const deadLetterQueue = synthesized.template.toJSON().Resources[deadLetterQueueId];

    // Assess
    expect(JSON.stringify(deadLetterQueue)).not.toContain(ingestQueueId);
    expect(deadLetterQueue.DependsOn).toBeUndefined();
  });
});
