import type { Duration } from 'aws-cdk-lib';
import type { MetricFactory, MetricStatistic, MetricWithAlarmSupport } from 'cdk-monitoring-constructs';
import { DIMENSIONS, METRIC_NAMES, METRICS_NAMESPACE, type MetricOutcome } from '../../contract/metrics';

/** Powertools Metrics adds this dimension, valued `POWERTOOLS_SERVICE_NAME`, to every dimension set it emits. */
export const SERVICE_DIMENSION = 'service';

/** Every trigger outcome, in the order a dashboard lists them. */
export const METRIC_OUTCOMES: readonly MetricOutcome[] = [
  'triggered',
  'busy',
  'transient',
  'permanent',
  'key-unavailable',
];

/** What one chart or alarm asks of a metric. */
export interface MetricQuery {
  readonly statistic: MetricStatistic;
  readonly label: string;
  readonly period?: Duration;
  readonly dimensions?: Readonly<Record<string, string>>;
}

/** The function's own metrics (contract/metrics.ts) of one deployment: namespace, names and `service`. */
export class TriggerMetrics {
  constructor(
    private readonly factory: MetricFactory,
    private readonly serviceName: string,
  ) {}

  /** One metric of the contract, narrowed to this deployment's `service` and any further dimensions. */
  metric(name: keyof typeof METRIC_NAMES, query: MetricQuery): MetricWithAlarmSupport {
    return this.factory.createMetric(
      METRIC_NAMES[name],
      query.statistic,
      query.label,
      { [SERVICE_DIMENSION]: this.serviceName, ...query.dimensions },
      undefined,
      METRICS_NAMESPACE,
      query.period,
    );
  }

  /** Trigger outcomes of one kind, over all imports. */
  triggers(outcome: MetricOutcome, query: Omit<MetricQuery, 'dimensions'>): MetricWithAlarmSupport {
    return this.metric('triggers', { ...query, dimensions: { [DIMENSIONS.outcome]: outcome } });
  }

  /** Trigger outcomes of one kind for one import. */
  importTriggers(
    importUuid: string,
    outcome: MetricOutcome,
    query: Omit<MetricQuery, 'dimensions'>,
  ): MetricWithAlarmSupport {
    return this.metric('triggers', {
      ...query,
      dimensions: { [DIMENSIONS.importUuid]: importUuid, [DIMENSIONS.outcome]: outcome },
    });
  }
}
