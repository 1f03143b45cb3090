import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIMENSIONS, METRIC_NAMES, METRICS_NAMESPACE } from '../../contract/metrics';
import { BlueshiftImportTrigger } from '../../lib/index';
import { defaultOldestMessageAlarmSeconds } from '../../lib/monitoring';
import { alarmProperties, alarmsOnMetric, attributeOf, refTo } from './monitoringTemplate';
import {
  DAILY_UUID,
  rawConfigFactory,
  resourceOf,
  SKIP_BUNDLING_CONTEXT,
  type SynthesizedStack,
  synthesizeStack,
} from './synthesizeStack';

/** `<stack>-<trigger id>`: the function's POWERTOOLS_SERVICE_NAME. */
const SERVICE = 'TestImportTrigger-Trigger';

describe('Construct: TriggerMonitoring alarms', () => {
  let defaults: SynthesizedStack;
  let tuned: SynthesizedStack;
  beforeAll(() => {
    defaults = synthesizeStack(rawConfigFactory());
    tuned = synthesizeStack(
      rawConfigFactory({
        oldestMessageAlarmSeconds: 1800,
        functionErrorsAlarmThreshold: 3,
        throttlesAlarmThreshold: 10,
      }),
    );
  });

  /** The trigger's own metric dimensions: Powertools' `service`, then the given ones. */
  const serviceDimensions = (outcome: string) => [
    { Name: DIMENSIONS.outcome, Value: outcome },
    { Name: 'service', Value: SERVICE },
  ];

  it('alarms as soon as a message waits in the dead-letter queue, an idle queue being healthy', () => {
    // Prepare
    const { stack, template } = defaults;

    // Assess
    template.hasResourceProperties(
      'AWS::CloudWatch::Alarm',
      alarmProperties({
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensions: [
          { Name: 'QueueName', Value: attributeOf(defaults, stack.trigger.deadLetterQueue, 'QueueName') },
        ],
        statistic: 'Maximum',
        periodSeconds: 300,
        threshold: 0,
        comparisonOperator: 'GreaterThanThreshold',
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        treatMissingData: 'notBreaching',
        alarmActions: [refTo(defaults, stack.trigger.monitoring.alarmTopic)],
      }),
    );
  });

  it("alarms when the ingest queue's oldest message outlives the retry policy's span", () => {
    // Prepare
    const { stack, template } = defaults;
    const expectedSeconds = defaultOldestMessageAlarmSeconds(stack.trigger.config);

    // Assess
    expect(expectedSeconds).toBe(8840);
    template.hasResourceProperties(
      'AWS::CloudWatch::Alarm',
      alarmProperties({
        namespace: 'AWS/SQS',
        metricName: 'ApproximateAgeOfOldestMessage',
        dimensions: [
          { Name: 'QueueName', Value: attributeOf(defaults, stack.trigger.ingestQueue, 'QueueName') },
        ],
        statistic: 'Maximum',
        periodSeconds: 300,
        threshold: expectedSeconds,
        comparisonOperator: 'GreaterThanThreshold',
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        treatMissingData: 'notBreaching',
        alarmActions: [refTo(defaults, stack.trigger.monitoring.alarmTopic)],
      }),
    );
  });

  it.each([
    ['Errors', 'functionErrorsAlarmThreshold'],
    ['Throttles', 'throttlesAlarmThreshold'],
  ] as const)(
    'alarms on the function metric %s at the configured count within 5 minutes',
    (metricName, field) => {
      // Prepare
      const { stack, template } = defaults;

      // Assess
      template.hasResourceProperties(
        'AWS::CloudWatch::Alarm',
        alarmProperties({
          namespace: 'AWS/Lambda',
          metricName,
          dimensions: [{ Name: 'FunctionName', Value: refTo(defaults, stack.trigger.function) }],
          statistic: 'Sum',
          periodSeconds: 300,
          // Default 1: the library's count alarms fire above their threshold.
          threshold: stack.trigger.config[field] - 1,
          comparisonOperator: 'GreaterThanThreshold',
          evaluationPeriods: 1,
          datapointsToAlarm: 1,
          treatMissingData: 'notBreaching',
          alarmActions: [refTo(defaults, stack.trigger.monitoring.alarmTopic)],
        }),
      );
    },
  );

  it.each([
    ['permanent', 'Blueshift refused'],
    ['key-unavailable', 'secret is empty or unreadable'],
  ])('alarms within a minute of a %s outcome and stays until 15 quiet minutes', (outcome, description) => {
    // Prepare
    const { stack, template } = defaults;

    // Assess
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ...alarmProperties({
        namespace: METRICS_NAMESPACE,
        metricName: METRIC_NAMES.triggers,
        dimensions: serviceDimensions(outcome),
        statistic: 'Sum',
        periodSeconds: 60,
        threshold: 0,
        comparisonOperator: 'GreaterThanThreshold',
        evaluationPeriods: 15,
        datapointsToAlarm: 1,
        treatMissingData: 'notBreaching',
        alarmActions: [refTo(defaults, stack.trigger.monitoring.alarmTopic)],
      }),
      AlarmDescription: Match.stringLikeRegexp(description),
    });
  });

  it('has exactly these six alarms, each named after the trigger and notifying the topic', () => {
    // Prepare
    const { stack, template } = defaults;
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));

    // Assess
    expect(alarms).toHaveLength(6);
    for (const { Properties } of alarms) {
      expect(Properties.AlarmName).toMatch(new RegExp(`^${SERVICE}-`));
      expect(Properties.AlarmActions).toEqual([refTo(defaults, stack.trigger.monitoring.alarmTopic)]);
    }
  });

  it("watches the metrics the function emits: its POWERTOOLS_SERVICE_NAME is the alarms' service", () => {
    // Prepare
    const { stack } = defaults;

    // Act
    const environment = resourceOf(defaults, stack.trigger.function).Properties.Environment.Variables;

    // Assess
    expect(environment.POWERTOOLS_SERVICE_NAME).toBe(SERVICE);
  });

  it('uses the configured thresholds', () => {
    // Prepare
    const { template } = tuned;

    // Assess
    expect(alarmsOnMetric(template, 'ApproximateAgeOfOldestMessage').map((alarm) => alarm.Threshold)).toEqual(
      [1800],
    );
    expect(alarmsOnMetric(template, 'Errors').map((alarm) => alarm.Threshold)).toEqual([2]);
    expect(alarmsOnMetric(template, 'Throttles').map((alarm) => alarm.Threshold)).toEqual([9]);
  });
});

describe('Construct: TriggerMonitoring names', () => {
  it('keeps alarm and dashboard names within 255 characters for long stack names and ids', () => {
    // Prepare
    const stack = new Stack(new App({ context: SKIP_BUNDLING_CONTEXT }), 'S'.repeat(128));

    // Act
    new BlueshiftImportTrigger(stack, 'T'.repeat(150), { imports: [{ prefix: 'in/', uuid: DAILY_UUID }] });
    const template = Template.fromStack(stack);

    // Assess
    const alarmNames = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
      (alarm) => alarm.Properties.AlarmName as string,
    );
    expect(alarmNames).toHaveLength(6);
    for (const name of alarmNames) expect(name.length).toBeLessThanOrEqual(255);
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    const [namePrefix] = dashboard?.Properties.DashboardName['Fn::Join'][1] ?? [];
    // The region, the rest of the name, is at most 14 characters (ap-southeast-4).
    expect(namePrefix.length + 14).toBeLessThanOrEqual(255);
  });

  it('gives two triggers in one stack their own alarms, topics and dashboards', () => {
    // Prepare
    const stack = new Stack(new App({ context: SKIP_BUNDLING_CONTEXT }), 'Imports');
    const imports = [{ prefix: 'in/', uuid: DAILY_UUID }];

    // Act
    new BlueshiftImportTrigger(stack, 'Daily', { imports });
    new BlueshiftImportTrigger(stack, 'Weekly', { imports });
    const template = Template.fromStack(stack);

    // Assess
    const alarmNames = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
      (alarm) => alarm.Properties.AlarmName as string,
    );
    expect(new Set(alarmNames).size).toBe(12);
    expect(alarmNames.filter((name) => name.startsWith('Imports-Daily-'))).toHaveLength(6);
    template.resourceCountIs('AWS::SNS::Topic', 2);
    const dashboardNames = Object.values(template.findResources('AWS::CloudWatch::Dashboard')).map(
      (dashboard) => dashboard.Properties.DashboardName['Fn::Join'][1][0],
    );
    expect(dashboardNames).toEqual(['Imports-Daily-', 'Imports-Weekly-']);
  });
});
