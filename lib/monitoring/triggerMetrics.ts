import { Duration } from 'aws-cdk-lib';
import { MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import type { MetricFactory, MetricStatistic, MetricWithAlarmSupport } from 'cdk-monitoring-constructs';
import { DIMENSIONS, METRIC_NAMES, METRICS_NAMESPACE, type MetricOutcome } from '../../contract/metrics';

/** Powertools Metrics adds this dimension, valued `POWERTOOLS_SERVICE_NAME`, to every dimension set it emits. */
export const SERVICE_DIMENSION = 'service';

/** The period of every chart and alarm unless one sets its own. */
export const DEFAULT_METRIC_PERIOD = Duration.minutes(5);

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

  /**
   * Trigger outcomes of one kind for each import that has any, found by a metric search: one line per import,
   * however many there are (a search returns up to 500 time series; `label` may use `${PROP('Dim.ImportUuid')}`).
   * The schema names every dimension of the per-import set, so only metrics with exactly those dimensions match,
   * never the by-outcome set; a quoted value matches exactly, so another deployment's `service` never does.
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/search-expression-syntax.html
   * A search is drawn only, never alarmed on (CloudWatch refuses it in an alarm).
   */
  importTriggersSearch(outcome: MetricOutcome, query: Omit<MetricQuery, 'dimensions'>): MathExpression {
    const period = query.period ?? DEFAULT_METRIC_PERIOD;
    const schema = [METRICS_NAMESPACE, DIMENSIONS.importUuid, DIMENSIONS.outcome, SERVICE_DIMENSION]
      .map(quoted)
      .join(',');
    const terms = [
      `MetricName=${quoted(METRIC_NAMES.triggers)}`,
      `${quoted(DIMENSIONS.outcome)}=${quoted(outcome)}`,
      `${quoted(SERVICE_DIMENSION)}=${quoted(this.serviceName)}`,
    ].join(' ');
    return new MathExpression({
      expression: `SEARCH('{${schema}} ${terms}', '${query.statistic}', ${period.toSeconds()})`,
      // A search reads no named metric (https://github.com/aws/aws-cdk/issues/7237).
      usingMetrics: {},
      label: query.label,
      period,
    });
  }
}

/** Characters a search term may hold without escaping: service names and the contract's names are made of them. */
const SEARCH_SAFE = /^[A-Za-z0-9_./-]+$/;

/** A name or value in double quotes, as a search matches it exactly. */
function quoted(value: string): string {
  if (!SEARCH_SAFE.test(value)) throw new Error(`cannot search for ${JSON.stringify(value)}`);
  return `"${value}"`;
}
