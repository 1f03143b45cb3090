import { describe, expect, it } from 'vitest';
import {
  findStackResources,
  type StackTemplate,
  type TemplateResource,
} from '../../../local/provision/findStackResources';

const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

/** The resources every shape of the stack has, under IDs unlike the real ones. */
const core = (): Record<string, TemplateResource> => ({
  Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
  Mapping: {
    Type: 'AWS::Lambda::EventSourceMapping',
    Properties: { EventSourceArn: arnOf('QueueA'), FunctionName: { Ref: 'Fn' } },
  },
  QueueA: {
    Type: 'AWS::SQS::Queue',
    Properties: { RedrivePolicy: { deadLetterTargetArn: arnOf('QueueB') } },
  },
  QueueB: { Type: 'AWS::SQS::Queue', Properties: {} },
  Drops: { Type: 'AWS::S3::Bucket', Properties: {} },
  OtherQueue: { Type: 'AWS::SQS::Queue', Properties: {} },
  OtherPolicy: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [{ Ref: 'OtherQueue' }] } },
});

const notifications = (configuration: object): TemplateResource => ({
  Type: 'Custom::S3BucketNotifications',
  Properties: { BucketName: { Ref: 'Drops' }, NotificationConfiguration: configuration },
});

const rule = (targetId: string): TemplateResource => ({
  Type: 'AWS::Events::Rule',
  Properties: { EventPattern: { source: ['aws.s3'] }, Targets: [{ Arn: arnOf(targetId), Id: 'T' }] },
});

const template = (extra: Record<string, TemplateResource>): StackTemplate => ({
  Resources: { ...core(), ...extra },
});

describe('Function: findStackResources()', () => {
  it('finds S3 delivery when the bucket notifications name the ingest queue', () => {
    // Prepare
    const s3Mode = template({
      Notify: notifications({ QueueConfigurations: [{ QueueArn: arnOf('QueueA'), Events: [] }] }),
      Policy: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [{ Ref: 'QueueA' }] } },
    });

    // Act
    const found = findStackResources(s3Mode);

    // Assess
    expect(found.delivery).toEqual({ mode: 's3' });
    expect(found.ingestQueue.logicalId).toBe('QueueA');
    expect(found.deadLetterQueue.logicalId).toBe('QueueB');
    expect(found.bucket?.logicalId).toBe('Drops');
    expect(found.queuePolicies.map((policy) => policy.logicalId)).toEqual(['Policy']);
  });

  it('finds EventBridge delivery and only the rules that target the ingest queue', () => {
    // Prepare
    const eventBridgeMode = template({
      Notify: notifications({ EventBridgeConfiguration: {} }),
      Routes: rule('QueueA'),
      Unrelated: rule('OtherQueue'),
    });

    // Act
    const found = findStackResources(eventBridgeMode);

    // Assess
    expect(found.delivery.mode).toBe('eventbridge');
    const rules = found.delivery.mode === 'eventbridge' ? found.delivery.rules : [];
    expect(rules.map((each) => each.logicalId)).toEqual(['Routes']);
  });

  it('finds every DynamoDB table, and none when the stack has no ledger', () => {
    // Prepare
    const table: TemplateResource = { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [] } };
    const s3Notify = notifications({ QueueConfigurations: [{ QueueArn: arnOf('QueueA'), Events: [] }] });

    // Act
    const withLedger = findStackResources(template({ Notify: s3Notify, Ledger: table }));
    const withoutLedger = findStackResources(template({ Notify: s3Notify }));

    // Assess
    expect(withLedger.tables.map((found) => found.logicalId)).toEqual(['Ledger']);
    expect(withoutLedger.tables).toEqual([]);
  });

  it('fails when EventBridge delivery has no rule to the ingest queue', () => {
    // Prepare
    const broken = template({
      Notify: notifications({ EventBridgeConfiguration: {} }),
      Unrelated: rule('OtherQueue'),
    });

    // Act & Assess
    expect(() => findStackResources(broken)).toThrow('no Events rule targets the ingest queue');
  });

  it('fails when the notifications reach neither the ingest queue nor EventBridge', () => {
    // Prepare
    const broken = template({
      Notify: notifications({ QueueConfigurations: [{ QueueArn: arnOf('OtherQueue'), Events: [] }] }),
    });

    // Act & Assess
    expect(() => findStackResources(broken)).toThrow('neither to the ingest queue nor to EventBridge');
  });
});
