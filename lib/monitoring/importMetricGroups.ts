import { Duration } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { type CustomMetricGroup, type CustomThreshold, MetricStatistic } from 'cdk-monitoring-constructs';
import type { ImportMapping } from '../../contract/importMapping';
import { type AlarmKind, described } from './alarmDescriptions';
import { importTriggersChart } from './importTriggersChart';
import { METRIC_OUTCOMES, type TriggerMetrics } from './triggerMetrics';

/** Alarms on the function's own metrics evaluate each minute and stay in alarm for this many quiet minutes. */
const FUNCTION_ALARM_WINDOW_MINUTES = 15;

/**
 * The dashboard's charts of the function's own metrics, and the two alarms among them: a permanent failure
 * and an unavailable key, each within minutes.
 */
export function importMetricGroups(
  metrics: TriggerMetrics,
  imports: readonly ImportMapping[],
): CustomMetricGroup[] {
  return [
    {
      title: 'Triggers by outcome',
      metrics: METRIC_OUTCOMES.map((outcome) =>
        metrics.triggers(outcome, { statistic: MetricStatistic.SUM, label: outcome }),
      ),
    },
    {
      title: 'Permanent failures and unavailable key (alarmed)',
      metrics: [
        {
          alarmFriendlyName: 'PermanentFailures',
          metric: metrics.triggers('permanent', {
            statistic: MetricStatistic.SUM,
            label: 'permanent',
            period: Duration.minutes(1),
          }),
          addAlarm: { Critical: functionMetricAlarm('permanentFailures') },
        },
        {
          alarmFriendlyName: 'KeyUnavailable',
          metric: metrics.triggers('key-unavailable', {
            statistic: MetricStatistic.SUM,
            label: 'key-unavailable',
            period: Duration.minutes(1),
          }),
          addAlarm: { Critical: functionMetricAlarm('keyUnavailable') },
        },
      ],
    },
    importTriggersChart(metrics, imports),
    {
      title: 'Files',
      metrics: [
        metrics.metric('filesCovered', { statistic: MetricStatistic.SUM, label: 'covered, no call' }),
        metrics.metric('filesSettling', { statistic: MetricStatistic.SUM, label: 'settling' }),
        metrics.metric('filesWaitingBusy', { statistic: MetricStatistic.SUM, label: 'waiting, busy' }),
        metrics.metric('filesPerTrigger', { statistic: MetricStatistic.AVERAGE, label: 'per trigger' }),
      ],
    },
    {
      title: 'Blueshift latency',
      metrics: [
        metrics.metric('blueshiftLatency', { statistic: MetricStatistic.P50, label: 'p50' }),
        metrics.metric('blueshiftLatency', { statistic: MetricStatistic.P99, label: 'p99' }),
      ],
    },
    {
      title: 'Records and messages',
      metrics: [
        metrics.metric('recordsFailed', { statistic: MetricStatistic.SUM, label: 'records failed' }),
        metrics.metric('unreadableMessages', { statistic: MetricStatistic.SUM, label: 'unreadable' }),
        metrics.metric('testEvents', { statistic: MetricStatistic.SUM, label: 'test events' }),
        metrics.metric('ledgerUnavailable', {
          statistic: MetricStatistic.SUM,
          label: 'ledger unavailable',
        }),
      ],
    },
  ];
}

/**
 * An alarm on the function's own count metrics: any occurrence within a minute alarms, and the alarm stays
 * until 15 minutes pass without one, so the retries of one failure send one notification, not one each.
 * The metric exists only when something happened: no data is healthy.
 */
function functionMetricAlarm(kind: AlarmKind): CustomThreshold {
  return {
    threshold: 0,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    period: Duration.minutes(1),
    datapointsToAlarm: 1,
    evaluationPeriods: FUNCTION_ALARM_WINDOW_MINUTES,
    treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
    ...described(kind),
  };
}
