import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/config/validateConfig';
import {
  DAILY_UUID,
  rawConfigFactory,
  resourcesOfType,
  type SynthesizedStack,
  synthesizeStack,
  VIP_UUID,
} from './synthesizeStack';

/** Each S3 notification's filter as { prefix, suffix? }, read from the notifications custom resource. */
const notificationFilters = ({ template }: SynthesizedStack) =>
  Object.values(resourcesOfType(template, 'Custom::S3BucketNotifications')).flatMap((resource) => {
    const { NotificationConfiguration } = resource.Properties as {
      NotificationConfiguration: { QueueConfigurations: { Filter: { Key: { FilterRules: [] } } }[] };
    };
    return NotificationConfiguration.QueueConfigurations.map(({ Filter }) =>
      Object.fromEntries(
        (Filter.Key.FilterRules as { Name: string; Value: string }[]).map(({ Name, Value }) => [Name, Value]),
      ),
    );
  });

/** The statements of the ingest queue's resource policy. */
const ingestQueueStatements = ({ stack, template }: SynthesizedStack) => {
  const queueRef = stack.resolve(stack.trigger.ingestQueue.queueUrl);
  return Object.values(resourcesOfType(template, 'AWS::SQS::QueuePolicy'))
    .filter(
      (policy) =>
        JSON.stringify((policy.Properties as { Queues: unknown[] }).Queues) === JSON.stringify([queueRef]),
    )
    .flatMap(
      (policy) =>
        (policy.Properties as { PolicyDocument: { Statement: Record<string, unknown>[] } }).PolicyDocument
          .Statement,
    );
};

describe('Construct: BlueshiftImportTrigger bucket', () => {
  describe('without a bucketName', () => {
    let synthesized: SynthesizedStack;
    beforeAll(() => {
      synthesized = synthesizeStack(rawConfigFactory());
    });

    it('creates one encrypted bucket that blocks public access and is kept when the stack goes', () => {
      // Assess
      synthesized.template.resourceCountIs('AWS::S3::Bucket', 1);
      synthesized.template.hasResource('AWS::S3::Bucket', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
            ],
          },
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
        }),
      });
    });

    it('denies every request to the bucket that does not use TLS', () => {
      // Assess
      synthesized.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: synthesized.stack.resolve(synthesized.stack.trigger.bucket.bucketName),
        PolicyDocument: Match.objectLike({
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        }),
      });
    });

    it('sends ObjectCreated events of each configured prefix to the ingest queue', () => {
      // Prepare
      const { stack, template } = synthesized;

      // Assess
      template.hasResourceProperties('Custom::S3BucketNotifications', {
        NotificationConfiguration: {
          QueueConfigurations: Match.arrayWith([
            Match.objectLike({
              Events: ['s3:ObjectCreated:*'],
              QueueArn: stack.resolve(stack.trigger.ingestQueue.queueArn),
            }),
          ]),
        },
      });
      expect(notificationFilters(synthesized)).toEqual([
        { prefix: 'customers/daily/', suffix: '.csv' },
        { prefix: 'customers/vip/' },
      ]);
    });

    it('lets S3 send to the ingest queue only for this bucket in its own account', () => {
      // Prepare
      const { stack } = synthesized;

      // Act
      const statements = ingestQueueStatements(synthesized).filter(
        (statement) =>
          JSON.stringify(statement.Principal) === JSON.stringify({ Service: 's3.amazonaws.com' }),
      );

      // Assess
      expect(statements).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Action: expect.arrayContaining(['sqs:SendMessage']),
          Condition: {
            ArnLike: { 'aws:SourceArn': stack.resolve(stack.trigger.bucket.bucketArn) },
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          },
        }),
      ]);
    });
  });

  describe('with prefixes that hold characters S3 reads URL-encoded', () => {
    it('writes each filter value encoded as S3 compares it', () => {
      // Act
      const synthesized = synthesizeStack(
        rawConfigFactory({
          imports: [
            { prefix: 'exports/dt=2026-12-01/', uuid: DAILY_UUID },
            { prefix: 'Customer Files/', uuid: VIP_UUID, suffix: '.csv' },
            { prefix: 'events/+plus/', uuid: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', suffix: ' (1).csv' },
            { prefix: 'données/', uuid: 'b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' },
          ],
        }),
      );

      // Assess
      expect(notificationFilters(synthesized)).toEqual([
        { prefix: 'Customer+Files/', suffix: '.csv' },
        { prefix: 'donn%C3%A9es/' },
        { prefix: 'events/%2Bplus/', suffix: '+(1).csv' },
        { prefix: 'exports/dt%3D2026-12-01/' },
      ]);
    });

    it('rejects more S3 notification configurations than a bucket can hold, suggesting EventBridge', () => {
      // Prepare
      const imports = Array.from({ length: 101 }, (_, index) => ({
        prefix: `in-${index}/`,
        uuid: DAILY_UUID,
      }));

      // Act
      const build = () => synthesizeStack(rawConfigFactory({ imports }));

      // Assess
      expect(build).toThrow(ConfigError);
      expect(build).toThrow(/101 S3 notification configurations.*"notifications": "eventbridge"/);
    });
  });

  describe('with a bucketName', () => {
    let synthesized: SynthesizedStack;
    beforeAll(() => {
      synthesized = synthesizeStack(
        rawConfigFactory({
          bucketName: 'other-team-drops',
          imports: [
            { prefix: 'imports/', uuid: DAILY_UUID, suffix: '.csv' },
            { prefix: 'imports/vip/', uuid: '7d9e1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e', suffix: '.csv' },
            { prefix: 'exports/', uuid: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' },
          ],
        }),
      );
    });

    it('creates no bucket', () => {
      // Assess
      synthesized.template.resourceCountIs('AWS::S3::Bucket', 0);
      synthesized.template.resourceCountIs('AWS::S3::BucketPolicy', 0);
    });

    it("adds its notifications to the existing bucket unmanaged, so the handler keeps other teams' notifications", () => {
      // Assess
      synthesized.template.hasResourceProperties('Custom::S3BucketNotifications', {
        BucketName: 'other-team-drops',
        Managed: false,
      });
    });

    it('watches only the root of overlapping prefixes, with their shared suffix', () => {
      // Assess
      expect(notificationFilters(synthesized)).toEqual([
        { prefix: 'exports/' },
        { prefix: 'imports/', suffix: '.csv' },
      ]);
    });
  });
});
