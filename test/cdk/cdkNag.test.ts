import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
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

/** The packs bin/app.ts applies; test/cdk/app.test.ts proves it applies them. */
const PACKS = [
  ['AwsSolutions', () => new AwsSolutionsChecks()],
  ['Serverless', () => new ServerlessChecks()],
] as const;

const CONFIGS = [
  ['creates the bucket and the secret', {}],
  [
    'imports the bucket and the secret',
    { bucketName: 'other-team-drops', apiKeySecretName: 'blueshift/user-api-key' },
  ],
  ['routes through EventBridge with the defaults otherwise', { notifications: 'eventbridge' }],
  [
    'routes through EventBridge, with a secret on a customer-managed key and a Blueshift reader',
    {
      notifications: 'eventbridge',
      apiKeySecretName: 'blueshift/user-api-key',
      apiKeySecretKmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      blueshiftReaderPrincipalArn: 'arn:aws:iam::111122223333:role/blueshift-s3-reader',
    },
  ],
  ['runs without the trigger ledger', { triggerLedger: false }],
] as const;

describe('Stack: TriggerImportStack against cdk-nag AwsSolutions and Serverless', () => {
  it.each(
    PACKS.flatMap(([pack, create]) =>
      CONFIGS.map(([config, overrides]) => [pack, config, create, overrides] as const),
    ),
  )('has no unacknowledged %s finding when it %s', (_pack, _config, create, overrides) => {
    // Prepare
    const { stack } = synthesizeStack(rawConfigFactory(overrides));

    // Act
    const report = create().validateScope(stack);

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
        {
          path: 'TestImportTrigger/Trigger/Queues/DeadLetterQueue',
          id: 'Serverless-SQSRedrivePolicy',
          reason: expect.any(String),
        },
        {
          path: 'TestImportTrigger/Trigger/Function',
          id: 'Serverless-LambdaDLQ',
          reason: expect.any(String),
        },
        {
          path: 'TestImportTrigger/Trigger/Function',
          id: 'Serverless-LambdaTracing',
          reason: expect.any(String),
        },
        {
          path: expect.stringMatching(/^TestImportTrigger\/Trigger\/Function\/SqsEventSource:/),
          id: 'Serverless-LambdaEventSourceMappingDestination',
          reason: expect.any(String),
        },
      ]),
    );
    expect(acknowledgements).toHaveLength(7);
    for (const { reason } of acknowledgements) expect(reason.length).toBeGreaterThan(40);
  });
});
