import { App, Stack } from 'aws-cdk-lib';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { rawConfigFactory, synthesizeStack } from './synthesizeStack';

/** Where the monitoring's resources live: its own construct, and email subscriptions under a given topic. */
const MONITORING_PATH = /^TestImportTrigger\/(Trigger\/Monitoring\/|AlarmTopic\/)/;

describe('Construct: TriggerMonitoring against cdk-nag', () => {
  it.each([
    ['creates the topic and subscribes addresses', { alarmEmail: ['ana@example.com', 'ben@example.com'] }],
    [
      'subscribes an address to a given topic',
      { alarmTopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', alarmEmail: 'ana@example.com' },
    ],
  ])('has no unacknowledged AwsSolutions or Serverless finding when it %s', (_case, overrides) => {
    // Prepare
    const { stack } = synthesizeStack(rawConfigFactory(overrides));

    // Act
    const findings = [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) =>
      pack
        .validateScope(stack)
        .violations.flatMap(({ ruleName, violatingResources }) =>
          violatingResources
            .filter((resource) => MONITORING_PATH.test(resource.constructPath ?? ''))
            .map((resource) => `${ruleName} on ${resource.constructPath}`),
        ),
    );

    // Assess
    expect(findings).toEqual([]);
  });

  it('finds an email subscription nobody acknowledged, so the check above can fail', () => {
    // Prepare
    const stack = new Stack(new App(), 'TestImportTrigger');
    new Topic(stack, 'AlarmTopic').addSubscription(new EmailSubscription('ana@example.com'));

    // Act
    const report = new ServerlessChecks().validateScope(stack);

    // Assess
    expect(report.violations.map((violation) => violation.ruleName)).toContain('Serverless-SNSRedrivePolicy');
    expect(report.violations.flatMap((violation) => violation.violatingResources)).toContainEqual(
      expect.objectContaining({ constructPath: expect.stringMatching(MONITORING_PATH) }),
    );
  });
});
