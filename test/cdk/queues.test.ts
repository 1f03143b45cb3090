import { App, ArnFormat, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BlueshiftImportTrigger } from '../../lib/BlueshiftImportTrigger';
import { ingestQueueName } from '../../lib/IngestQueues';
import {
  DAILY_UUID,
  rawConfigFactory,
  resourcesOfType,
  SKIP_BUNDLING_CONTEXT,
  type SynthesizedStack,
  synthesizeStack,
} from './synthesizeStack';

const FOURTEEN_DAYS = 14 * 24 * 3600;

/** The ingest queue's physical name when the trigger `id` sits under `path` in a stack named `stackName`. */
const ingestQueueNameAt = (stackName: string, path: readonly string[], id: string): string => {
  const stack = new Stack(new App({ context: SKIP_BUNDLING_CONTEXT }), stackName);
  const scope = path.reduce<Construct>((parent, child) => new Construct(parent, child), stack);
  const trigger = new BlueshiftImportTrigger(scope, id, { imports: [{ prefix: 'in/', uuid: DAILY_UUID }] });
  const queue =
    Template.fromStack(stack).toJSON().Resources[
      stack.getLogicalId(trigger.ingestQueue.node.defaultChild as CfnQueue)
    ];
  return queue.Properties.QueueName;
};

describe('Function: ingestQueueName()', () => {
  it('names the queue after the stack and the construct id', () => {
    // Act & Assess
    expect(ingestQueueName('ImportTriggerProd', 'Trigger')).toBe('ImportTriggerProd-Trigger-ingest');
  });

  it('stays within 80 characters, keeping long names apart by a hash', () => {
    // Prepare
    const stackName = 'S'.repeat(120);

    // Act
    const first = ingestQueueName(stackName, 'First');
    const second = ingestQueueName(stackName, 'Second');

    // Assess
    expect(first).toHaveLength(80);
    expect(first).toMatch(/^[A-Za-z0-9_-]+-ingest$/);
    expect(first).not.toBe(second);
  });

  it('replaces characters SQS does not allow in a name', () => {
    // Act & Assess
    expect(ingestQueueName('Stack', 'Imports.v2 (eu)')).toMatch(/^[A-Za-z0-9_-]+$/);
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

  it('keeps the ingest queue name when the construct moves into a nested scope', () => {
    // Act
    const atTop = ingestQueueNameAt('ImportTrigger', [], 'Trigger');
    const nested = ingestQueueNameAt('ImportTrigger', ['Ingestion', 'Blueshift'], 'Trigger');

    // Assess
    expect(nested).toBe(atTop);
    expect(atTop).toBe('ImportTrigger-Trigger-ingest');
  });

  it('keeps both queues when the stack is deleted or the queue is replaced', () => {
    // Assess
    const queues = Object.values(resourcesOfType(synthesized.template, 'AWS::SQS::Queue'));
    expect(queues).toHaveLength(2);
    for (const queue of queues) {
      expect(queue).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
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
