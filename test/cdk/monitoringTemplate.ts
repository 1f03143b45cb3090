import type { CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { expect } from 'vitest';
import type { SynthesizedStack } from './synthesizeStack';

/** One alarm's expected properties; the metric is matched inside the alarm's `Metrics` (how CDK renders labels). */
export interface ExpectedAlarm {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly { readonly Name: string; readonly Value: unknown }[];
  readonly statistic: string;
  readonly periodSeconds: number;
  readonly threshold: number;
  readonly comparisonOperator: string;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly treatMissingData: string;
  readonly alarmActions: readonly unknown[];
}

/** The `AWS::CloudWatch::Alarm` properties an expected alarm has. */
export function alarmProperties(expected: ExpectedAlarm): Record<string, unknown> {
  return {
    Metrics: [
      Match.objectLike({
        MetricStat: {
          Metric: {
            Namespace: expected.namespace,
            MetricName: expected.metricName,
            Dimensions: Match.arrayEquals([...expected.dimensions]),
          },
          Period: expected.periodSeconds,
          Stat: expected.statistic,
        },
        ReturnData: true,
      }),
    ],
    Threshold: expected.threshold,
    ComparisonOperator: expected.comparisonOperator,
    EvaluationPeriods: expected.evaluationPeriods,
    DatapointsToAlarm: expected.datapointsToAlarm,
    TreatMissingData: expected.treatMissingData,
    AlarmActions: [...expected.alarmActions],
    AlarmDescription: Match.stringLikeRegexp('.{60,}'),
  };
}

/** The alarms of a template whose metric has this name. */
export function alarmsOnMetric(template: Template, metricName: string): Record<string, unknown>[] {
  return Object.values(template.findResources('AWS::CloudWatch::Alarm'))
    .map((alarm) => alarm.Properties as Record<string, unknown>)
    .filter((properties) =>
      (properties.Metrics as { MetricStat?: { Metric?: { MetricName?: string } } }[] | undefined)?.some(
        (query) => query.MetricStat?.Metric?.MetricName === metricName,
      ),
    );
}

/** `{ Ref: <logical id> }` of a construct's resource, as the template refers to it. */
export function refTo({ stack }: SynthesizedStack, construct: IConstruct): { Ref: string } {
  return { Ref: stack.getLogicalId(construct.node.defaultChild as CfnElement) };
}

/** `{ Fn::GetAtt: [<logical id>, attribute] }` of a construct's resource. */
export function attributeOf(
  { stack }: SynthesizedStack,
  construct: IConstruct,
  attribute: string,
): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [stack.getLogicalId(construct.node.defaultChild as CfnElement), attribute] };
}

/** A dashboard widget as the body holds it; metric rows are [namespace, name, dimension, value, ..., options]. */
export interface Widget {
  readonly type: string;
  readonly properties: { readonly title?: string; readonly metrics?: unknown[][]; readonly region?: string };
}

/** The dashboard body with each reference replaced by a readable stand-in (`REGION`, a logical ID). */
export function dashboardBody({ template }: SynthesizedStack): { widgets: Widget[] } {
  const [dashboard, ...others] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  expect(others).toHaveLength(0);
  const [separator, parts] = dashboard?.Properties.DashboardBody['Fn::Join'] ?? ['', []];
  const text = (parts as unknown[])
    .map((part) => {
      if (typeof part === 'string') return part;
      const { Ref: ref, 'Fn::GetAtt': attribute } = part as { Ref?: string; 'Fn::GetAtt'?: string[] };
      if (ref === 'AWS::Region') return 'REGION';
      return ref ?? attribute?.join('.');
    })
    .join(separator);
  return JSON.parse(text);
}
