import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { alarmsOnMetric, attributeOf, refTo } from './monitoringTemplate';
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

    // Act
    const alarms = alarmsOnMetric(template, 'ApproximateNumberOfMessagesVisible');

    // Assess
    expect(alarms).toEqual([
      expect.objectContaining({
        Metrics: [
          expect.objectContaining({
            MetricStat: {
              Metric: {
                Namespace: 'AWS/SQS',
                MetricName: 'ApproximateNumberOfMessagesVisible',
                Dimensions: [
                  {
                    Name: 'QueueName',
                    Value: attributeOf(withoutTopic, stack.trigger.deadLetterQueue, 'QueueName'),
                  },
                ],
              },
              Period: 300,
              Stat: 'Maximum',
            },
          }),
        ],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        AlarmDescription: expect.stringMatching(/redrive/),
      }),
    ]);
  });

  it('notifies the topic the stack creates when none is configured', () => {
    // Prepare
    const { stack, template } = withoutTopic;

    // Act
    const [alarm] = alarmsOnMetric(template, 'ApproximateNumberOfMessagesVisible');

    // Assess
    expect(alarm?.AlarmActions).toEqual([refTo(withoutTopic, stack.trigger.monitoring.alarmTopic)]);
    template.resourceCountIs('AWS::SNS::Topic', 1);
  });

  it('notifies the configured SNS topic, and creates none', () => {
    // Prepare
    const { template } = withTopic;

    // Assess
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: [
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({ MetricName: 'ApproximateNumberOfMessagesVisible' }),
          }),
        }),
      ],
      AlarmActions: [TOPIC_ARN],
    });
    template.resourceCountIs('AWS::SNS::Topic', 0);
  });
});
