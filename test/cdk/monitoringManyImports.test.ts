import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_NAMES, METRICS_NAMESPACE } from '../../contract/metrics';
import {
  DASHBOARD_MAX_METRICS,
  DASHBOARD_MAX_METRICS_PER_WIDGET,
  MAX_LABELLED_IMPORTS,
} from '../../lib/monitoring/dashboardLimits';
import { dashboardBody, type Widget } from './monitoringTemplate';
import { rawConfigFactory, type SynthesizedStack, synthesizeStack } from './synthesizeStack';

/** `<stack>-<trigger id>`: the function's POWERTOOLS_SERVICE_NAME. */
const SERVICE = 'TestImportTrigger-Trigger';

/**
 * CloudFormation reads a template of at most 460,800 bytes from S3 (the figure of the archived quotas page;
 * the current page allows 1 MB), which is how `cdk deploy` hands it over.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
 */
const MAX_TEMPLATE_BYTES = 460_800;

/** A search returns at most 500 time series, and CloudWatch counts each one it reads. */
const SEARCH_MAX_SERIES = 500;

/** `count` imports under sibling prefixes, each its own UUID, delivered by EventBridge (S3 holds 100 filters). */
const manyImportsConfig = (count: number) =>
  rawConfigFactory({
    notifications: 'eventbridge',
    imports: Array.from({ length: count }, (_, index) => ({
      prefix: `exports/import-${index}/`,
      uuid: `0f8c2f4e-6a1b-4c3d-9e2f-${index.toString(16).padStart(12, '0')}`,
    })),
  });

/** The per-import chart: the one widget whose title starts so. */
const importChartOf = (widgets: Widget[]) => {
  const charts = widgets.filter((widget) => widget.properties.title?.startsWith('Triggered, by import'));
  expect(charts).toHaveLength(1);
  return charts[0] as Widget;
};

/** How many metrics a widget's row makes CloudWatch read: a search up to 500, anything else one. */
const metricsRead = (row: unknown[]) =>
  row.some((cell) => JSON.stringify(cell).includes('SEARCH(')) ? SEARCH_MAX_SERIES : 1;

const metricsReadBy = (widget: Widget) =>
  (widget.properties.metrics ?? []).reduce((sum, row) => sum + metricsRead(row), 0);

describe('Construct: TriggerMonitoring dashboard with many imports', () => {
  let atLimit: SynthesizedStack;
  let aboveLimit: SynthesizedStack;
  let sixHundred: SynthesizedStack;
  beforeAll(() => {
    atLimit = synthesizeStack(manyImportsConfig(MAX_LABELLED_IMPORTS));
    aboveLimit = synthesizeStack(manyImportsConfig(MAX_LABELLED_IMPORTS + 1));
    sixHundred = synthesizeStack(manyImportsConfig(600));
  });

  it(`labels each import's own metric while there are at most ${MAX_LABELLED_IMPORTS}`, () => {
    // Act
    const chart = importChartOf(dashboardBody(atLimit).widgets);
    const labels = chart.properties.metrics?.map((row) => (row.at(-1) as { label?: string }).label);

    // Assess
    expect(chart.properties.title).toBe('Triggered, by import');
    expect(labels).toHaveLength(MAX_LABELLED_IMPORTS);
    expect(labels?.at(-1)).toBe('exports/import-99/ (0f8c2f4e-6a1b-4c3d-9e2f-000000000063)');
  });

  it("draws more imports with one metric search over this service's per-import triggers, labelled by UUID", () => {
    // Act
    const chart = importChartOf(dashboardBody(aboveLimit).widgets);

    // Assess
    expect(chart.properties.title).toBe('Triggered, by import (metric search, by UUID)');
    expect(chart.properties.metrics).toEqual([
      [
        {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudWatch dynamic label, not a template.
          label: "${PROP('Dim.ImportUuid')}",
          expression:
            `SEARCH('{"${METRICS_NAMESPACE}","ImportUuid","Outcome","service"} ` +
            `MetricName="${METRIC_NAMES.triggers}" "Outcome"="triggered" "service"="${SERVICE}"', 'Sum', 300)`,
        },
      ],
    ]);
  });

  it("keeps 600 imports within CloudWatch's metrics per widget and per dashboard", () => {
    // Act
    const { widgets } = dashboardBody(sixHundred);

    // Assess
    for (const widget of widgets) {
      expect(metricsReadBy(widget), widget.properties.title).toBeLessThanOrEqual(
        DASHBOARD_MAX_METRICS_PER_WIDGET,
      );
    }
    const total = widgets.reduce((sum, widget) => sum + metricsReadBy(widget), 0);
    expect(total).toBeLessThanOrEqual(DASHBOARD_MAX_METRICS);
  });

  it('keeps the dashboard body the same however many imports the search draws, and the template deployable', () => {
    // Act
    const bodyOf = ({ template }: SynthesizedStack) =>
      JSON.stringify(Object.values(template.findResources('AWS::CloudWatch::Dashboard')));

    // Assess
    expect(bodyOf(sixHundred)).toBe(bodyOf(aboveLimit));
    expect(Buffer.byteLength(JSON.stringify(sixHundred.template.toJSON()))).toBeLessThan(MAX_TEMPLATE_BYTES);
  });

  it('adds no alarm per import', () => {
    // Prepare
    const alarmsOf = ({ template }: SynthesizedStack) =>
      Object.keys(template.findResources('AWS::CloudWatch::Alarm')).length;

    // Assess
    expect(alarmsOf(sixHundred)).toBe(alarmsOf(synthesizeStack(rawConfigFactory())));
  });
});
