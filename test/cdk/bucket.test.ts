import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DAILY_UUID,
  rawConfigFactory,
  resourcesOfType,
  type SynthesizedStack,
  synthesizeStack,
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

    it("adds its notifications to the existing bucket, keeping other teams' notifications", () => {
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
