import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { rawConfigFactory, synthesizeStack } from './synthesizeStack';

/** Every acknowledged rule in a construct tree: where, which rule (without its namespace) and why. */
const acknowledgementsIn = (root: IConstruct) =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^[A-Za-z]+::/, ''),
          reason,
        })),
      ),
  );

describe('Stack: TriggerImportStack against cdk-nag AwsSolutions', () => {
  it.each([
    ['creates the bucket and the secret', {}],
    [
      'imports the bucket and the secret',
      { bucketName: 'other-team-drops', apiKeySecretName: 'blueshift/user-api-key' },
    ],
    [
      'routes through EventBridge, with a secret on a customer-managed key and a Blueshift reader',
      {
        notifications: 'eventbridge',
        apiKeySecretName: 'blueshift/user-api-key',
        apiKeySecretKmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        blueshiftReaderPrincipalArn: 'arn:aws:iam::111122223333:role/blueshift-s3-reader',
      },
    ],
  ])('has no unacknowledged finding when it %s', (_case, overrides) => {
    // Prepare
    const { stack } = synthesizeStack(rawConfigFactory(overrides));

    // Act
    const report = new AwsSolutionsChecks().validateScope(stack);

    // Assess
    expect(
      report.violations.map(({ ruleName, violatingResources }) => ({ ruleName, violatingResources })),
    ).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('acknowledges findings only on the resources they concern, each with a reason', () => {
    // Prepare
    const { stack } = synthesizeStack(rawConfigFactory());

    // Act
    const acknowledgements = acknowledgementsIn(stack);

    // Assess
    expect(acknowledgements).toEqual(
      expect.arrayContaining([
        {
          path: 'TestImportTrigger/Trigger/ApiKeySecret',
          id: 'AwsSolutions-SMG4',
          reason: expect.any(String),
        },
        { path: 'TestImportTrigger/Trigger/Bucket', id: 'AwsSolutions-S1', reason: expect.any(String) },
        {
          path: expect.stringMatching(/^TestImportTrigger\/BucketNotificationsHandler[0-9a-f]+$/),
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: expect.any(String),
        },
      ]),
    );
    expect(acknowledgements).toHaveLength(3);
    for (const { reason } of acknowledgements) expect(reason.length).toBeGreaterThan(40);
  });
});
