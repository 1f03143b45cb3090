import type { CustomMetricGroup } from 'cdk-monitoring-constructs';
import { MetricStatistic } from 'cdk-monitoring-constructs';
import type { ImportMapping } from '../../contract/importMapping';
import { DIMENSIONS } from '../../contract/metrics';
import { MAX_LABELLED_IMPORTS } from './dashboardLimits';
import type { TriggerMetrics } from './triggerMetrics';

export const IMPORT_TRIGGERS_TITLE = 'Triggered, by import';

/**
 * The chart of successful triggers per import: one metric per import, labelled with its prefixes and UUID,
 * while there are at most `MAX_LABELLED_IMPORTS`; beyond that one metric search draws every import that was
 * triggered, labelled by UUID (a dynamic label applies to each metric a search returns:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/graph-dynamic-labels.html), so the widget
 * never nears CloudWatch's 500 metrics per widget and the dashboard body stays the same size.
 */
export function importTriggersChart(
  metrics: TriggerMetrics,
  imports: readonly ImportMapping[],
): CustomMetricGroup {
  const byUuid = prefixesByUuid(imports);
  if (byUuid.size > MAX_LABELLED_IMPORTS) {
    return {
      title: `${IMPORT_TRIGGERS_TITLE} (metric search, by UUID)`,
      metrics: [
        metrics.importTriggersSearch('triggered', {
          statistic: MetricStatistic.SUM,
          label: `\${PROP('Dim.${DIMENSIONS.importUuid}')}`,
        }),
      ],
    };
  }
  return {
    title: IMPORT_TRIGGERS_TITLE,
    metrics: [...byUuid].map(([uuid, prefixes]) =>
      metrics.importTriggers(uuid, 'triggered', {
        statistic: MetricStatistic.SUM,
        label: `${prefixes.join(', ')} (${uuid})`,
      }),
    ),
  };
}

/** Each import UUID once, in config order, with the prefixes that start it (several may). */
function prefixesByUuid(imports: readonly ImportMapping[]): Map<string, string[]> {
  const byUuid = new Map<string, string[]>();
  for (const { uuid, prefix } of imports) byUuid.set(uuid, [...(byUuid.get(uuid) ?? []), prefix]);
  return byUuid;
}
