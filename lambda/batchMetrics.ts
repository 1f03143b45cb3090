import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { DIMENSIONS, METRIC_NAMES, type MetricOutcome } from '../contract/metrics';

type MetricName = (typeof METRIC_NAMES)[keyof typeof METRIC_NAMES];

/** The metrics one batch records; the handler publishes them at the end of the invocation. */
export interface BatchMetrics {
  /** Adds a value to a metric that carries only the service dimension. */
  add(name: Exclude<MetricName, typeof METRIC_NAMES.triggers>, value: number): void;
  /** Counts one import trigger, by outcome and by import and outcome. */
  trigger(importUuid: string, outcome: MetricOutcome): void;
}

/** Records nothing (a caller that does not look at metrics). */
export const noMetrics: BatchMetrics = { add: () => undefined, trigger: () => undefined };

const unitOf = (name: MetricName) =>
  name === METRIC_NAMES.blueshiftLatency ? MetricUnit.Milliseconds : MetricUnit.Count;

/** Batch metrics through Powertools Metrics (Embedded Metric Format in the function's log). */
export function powertoolsBatchMetrics(metrics: Metrics): BatchMetrics {
  return {
    add: (name, value) => {
      metrics.addMetric(name, unitOf(name), value);
    },
    trigger: (importUuid, outcome) => {
      // EMF lines of their own (their dimensions differ from the batch's other metrics): one by outcome for the
      // alarms, one by import and outcome for the dashboard. Two lines, not two dimension sets of one line:
      // Powertools warns when a key is in two sets, even with the same value.
      const sets: Record<string, string>[] = [
        { [DIMENSIONS.outcome]: outcome },
        { [DIMENSIONS.importUuid]: importUuid, [DIMENSIONS.outcome]: outcome },
      ];
      for (const dimensions of sets) {
        metrics
          .singleMetric()
          .addDimensions(dimensions)
          .addMetric(METRIC_NAMES.triggers, MetricUnit.Count, 1);
      }
    },
  };
}
