import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/config/validateConfig';
import { BlueshiftImportTrigger } from '../../lib/index';
import { alarmsOnMetric, refTo } from './monitoringTemplate';
import {
  DAILY_UUID,
  rawConfigFactory,
  SKIP_BUNDLING_CONTEXT,
  type SynthesizedStack,
  synthesizeStack,
} from './synthesizeStack';

const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:data-team-alerts';

describe('Construct: TriggerMonitoring alarm topic', () => {
  let created: SynthesizedStack;
  let given: SynthesizedStack;
  beforeAll(() => {
    created = synthesizeStack(rawConfigFactory({ alarmEmail: 'data-team@example.com' }));
    given = synthesizeStack(
      rawConfigFactory({ alarmTopicArn: TOPIC_ARN, alarmEmail: ['ana@example.com', 'ben@example.com'] }),
    );
  });

  it('creates one topic, not encrypted at rest, which is acknowledged with a reason', () => {
    // Prepare
    const { stack, template } = created;
    const topic = stack.trigger.monitoring.alarmTopic;

    // Assess
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.absent() });
    const acknowledged = topic.node.metadata.find(
      (entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
    )?.data as Record<string, string> | undefined;
    expect(Object.entries(acknowledged ?? {})).toEqual([
      [expect.stringMatching(/AwsSolutions-SNS2$/), expect.stringMatching(/no secret or customer data/)],
    ]);
  });

  it("refuses publishing without TLS and lets only this account's alarms publish", () => {
    // Prepare
    const { stack, template } = created;
    const topic = refTo(created, stack.trigger.monitoring.alarmTopic);

    // Assess
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [topic],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Principal: '*',
            Action: 'sns:Publish',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: topic,
            Condition: {
              ArnLike: { 'aws:SourceArn': Match.anyValue() },
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            },
          }),
        ]),
      },
    });
  });

  it('subscribes the configured email address to the created topic', () => {
    // Prepare
    const { stack, template } = created;

    // Assess
    template.resourceCountIs('AWS::SNS::Subscription', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'data-team@example.com',
      TopicArn: refTo(created, stack.trigger.monitoring.alarmTopic),
    });
  });

  it('uses a configured topic ARN as it is: no topic or key created, every alarm notifies it', () => {
    // Prepare
    const { template } = given;

    // Assess
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.resourceCountIs('AWS::KMS::Key', 0);
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.map((alarm) => alarm.Properties.AlarmActions)).toEqual(alarms.map(() => [TOPIC_ARN]));
    expect(alarms.length).toBeGreaterThan(0);
  });

  it('subscribes each address of a list to a configured topic', () => {
    // Prepare
    const { template } = given;

    // Act
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription')).map(
      (subscription) => subscription.Properties,
    );

    // Assess
    expect(subscriptions).toEqual([
      { Protocol: 'email', Endpoint: 'ana@example.com', TopicArn: TOPIC_ARN },
      { Protocol: 'email', Endpoint: 'ben@example.com', TopicArn: TOPIC_ARN },
    ]);
  });

  it('notifies a topic handed to the construct', () => {
    // Prepare
    const stack = new Stack(new App({ context: SKIP_BUNDLING_CONTEXT }), 'HostStack');
    const alarmTopic = new Topic(stack, 'HostTopic');

    // Act
    const trigger = new BlueshiftImportTrigger(stack, 'Imports', {
      imports: [{ prefix: 'in/', uuid: DAILY_UUID }],
      alarmTopic,
      alarmEmail: 'ops@example.com',
    });
    const template = Template.fromStack(stack);

    // Assess
    expect(trigger.monitoring.alarmTopic).toBe(alarmTopic);
    template.resourceCountIs('AWS::SNS::Topic', 1);
    expect(alarmsOnMetric(template, 'ApproximateNumberOfMessagesVisible')[0]?.AlarmActions).toEqual([
      stack.resolve(alarmTopic.topicArn),
    ]);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Endpoint: 'ops@example.com',
      TopicArn: stack.resolve(alarmTopic.topicArn),
    });
  });

  it.each([
    ['a bare name', 'data-team', /alarmEmail: must be an email address \(got "data-team"\)/],
    ['a number', 42, /alarmEmail: must be an email address or a list of 1 to 10/],
    ['an empty list', [], /alarmEmail: must list at least one email address/],
    [
      'a list with one bad address',
      ['ana@example.com', 'ben at example.com'],
      /alarmEmail\[1\]: must be an email address \(got "ben at example.com"\)/,
    ],
  ])('refuses %s as alarmEmail, naming the field', (_case, alarmEmail, problem) => {
    // Act
    const synthesize = () => synthesizeStack(rawConfigFactory({ alarmEmail }));

    // Assess
    expect(synthesize).toThrow(ConfigError);
    expect(synthesize).toThrow(problem);
  });
});
