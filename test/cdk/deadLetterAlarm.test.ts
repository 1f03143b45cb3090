import { Match } from 'aws-cdk-lib/assertions';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawConfigFactory, type SynthesizedStack, synthesizeStack } from './synthesizeStack';

const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:data-team-alerts';

describe('Construct: BlueshiftImportTrigger dead-letter alarm', () => {
  let withoutTopic: SynthesizedStack;
  let withTopic: SynthesizedStack;
  beforeAll(() => {
    withoutTopic = synthesizeStack(rawConfigFactory());
    withTopic = synthesizeStack(rawConfigFactory({ alarmTopicArn: TOPIC_ARN }));
  });

  it('alarms when any message is visible in the dead-letter queue, treating silence as healthy', () => {
    // Prepare
    const { stack, template } = withoutTopic;
    const deadLetterQueueId = stack.getLogicalId(stack.trigger.deadLetterQueue.node.defaultChild as CfnQueue);

    // Assess
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLetterQueueId, 'QueueName'] } }],
      Statistic: 'Maximum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmDescription: Match.stringLikeRegexp('redrive'),
    });
  });

  it('has no alarm action unless a topic is configured', () => {
    // Assess
    const [alarm] = Object.values(withoutTopic.template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarm?.Properties.AlarmActions).toBeUndefined();
  });

  it('notifies the configured SNS topic', () => {
    // Assess
    withTopic.template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [TOPIC_ARN] });
  });
});
