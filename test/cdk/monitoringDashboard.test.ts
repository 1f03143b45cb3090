import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_NAMES, METRICS_NAMESPACE } from '../../contract/metrics';
import { STACK_OUTPUT_KEYS } from '../../contract/stackOutputs';
import { resolveIntrinsics } from '../../local/provision/resolveIntrinsics';
import { dashboardBody, refTo, type Widget } from './monitoringTemplate';
import {
  DAILY_UUID,
  rawConfigFactory,
  type SynthesizedStack,
  synthesizeStack,
  VIP_UUID,
} from './synthesizeStack';

/** `<stack>-<trigger id>`: the function's POWERTOOLS_SERVICE_NAME. */
const SERVICE = 'TestImportTrigger-Trigger';
const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:data-team-alerts';

/** One metric row's namespace, name and dimensions (without its options). */
const metricOf = (row: unknown[]) => row.filter((cell) => typeof cell === 'string');

describe('Construct: TriggerMonitoring dashboard', () => {
  let created: SynthesizedStack;
  let widgets: Widget[];
  beforeAll(() => {
    created = synthesizeStack(rawConfigFactory());
    widgets = dashboardBody(created).widgets;
  });

  /** The metric rows of the widget with this title. */
  const rowsOf = (title: string) => {
    const widget = widgets.find((candidate) => candidate.properties.title === title);
    expect(widget, `a widget titled ${title}`).toBeDefined();
    expect(widget?.properties.region).toBe('REGION');
    return (widget?.properties.metrics ?? []).map(metricOf);
  };

  it("is named after the trigger and the stack's region", () => {
    // Prepare
    const [dashboard] = Object.values(created.template.findResources('AWS::CloudWatch::Dashboard'));

    // Assess
    expect(dashboard?.Properties.DashboardName).toEqual({
      'Fn::Join': ['', [`${SERVICE}-`, { Ref: 'AWS::Region' }]],
    });
  });

  it('draws the triggers by outcome', () => {
    // Assess
    expect(rowsOf('Triggers by outcome')).toEqual(
      ['triggered', 'busy', 'transient', 'permanent', 'key-unavailable'].map((outcome) => [
        METRICS_NAMESPACE,
        METRIC_NAMES.triggers,
        'Outcome',
        outcome,
        'service',
        SERVICE,
      ]),
    );
  });

  it('draws the successful triggers of each configured import, labelled with its prefix', () => {
    // Prepare
    const widget = widgets.find((candidate) => candidate.properties.title === 'Triggered, by import');
    const labels = widget?.properties.metrics?.map((row) => (row.at(-1) as { label?: string }).label);

    // Assess
    expect(labels).toEqual([`customers/daily/ (${DAILY_UUID})`, `customers/vip/ (${VIP_UUID})`]);
    expect(rowsOf('Triggered, by import')).toEqual(
      [DAILY_UUID, VIP_UUID].map((uuid) => [
        METRICS_NAMESPACE,
        METRIC_NAMES.triggers,
        'ImportUuid',
        uuid,
        'Outcome',
        'triggered',
        'service',
        SERVICE,
      ]),
    );
  });

  it('draws covered and waiting files, and Blueshift latency at p50 and p99', () => {
    // Assess
    expect(rowsOf('Files').map((row) => row[1])).toEqual([
      METRIC_NAMES.filesCovered,
      METRIC_NAMES.filesSettling,
      METRIC_NAMES.filesWaitingBusy,
      METRIC_NAMES.filesPerTrigger,
    ]);
    const latency = widgets.find((widget) => widget.properties.title === 'Blueshift latency');
    expect(latency?.properties.metrics).toEqual([
      [METRICS_NAMESPACE, METRIC_NAMES.blueshiftLatency, 'service', SERVICE, { label: 'p50', stat: 'p50' }],
      [METRICS_NAMESPACE, METRIC_NAMES.blueshiftLatency, 'service', SERVICE, { label: 'p99', stat: 'p99' }],
    ]);
  });

  it('draws the ingest depth and oldest age, the dead-letter depth, and the function', () => {
    // Prepare
    const metrics = widgets.flatMap((widget) => (widget.properties.metrics ?? []).map(metricOf));
    const names = (namespace: string) => metrics.filter((row) => row[0] === namespace).map((row) => row[1]);

    // Assess
    expect(names('AWS/SQS')).toEqual(
      expect.arrayContaining(['ApproximateNumberOfMessagesVisible', 'ApproximateAgeOfOldestMessage']),
    );
    const queues = new Set(
      metrics.filter((row) => row[1] === 'ApproximateNumberOfMessagesVisible').map((row) => row[3]),
    );
    expect(queues.size).toBe(2);
    expect(names('AWS/Lambda')).toEqual(expect.arrayContaining(['Duration', 'Errors', 'Throttles']));
  });
});

describe('Stack: TriggerImportStack monitoring outputs', () => {
  let created: SynthesizedStack;
  let given: SynthesizedStack;
  beforeAll(() => {
    created = synthesizeStack(rawConfigFactory());
    given = synthesizeStack(rawConfigFactory({ alarmTopicArn: TOPIC_ARN }));
  });

  it("links to the dashboard in the CloudWatch console of the stack's region", () => {
    // Prepare
    const outputs = created.template.toJSON().Outputs;

    // Act
    const url = resolveIntrinsics(outputs[STACK_OUTPUT_KEYS.dashboardUrl].Value, {
      region: 'eu-west-1',
      accountId: '123456789012',
      resources: {},
    });

    // Assess
    expect(url).toBe(
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1' +
        `#dashboards:name=${SERVICE}-eu-west-1`,
    );
  });

  it('names the alarm topic, created or given', () => {
    // Act
    const createdTopic = created.template.toJSON().Outputs[STACK_OUTPUT_KEYS.alarmTopicArn].Value;
    const givenTopic = given.template.toJSON().Outputs[STACK_OUTPUT_KEYS.alarmTopicArn].Value;

    // Assess
    expect(createdTopic).toEqual(refTo(created, created.stack.trigger.monitoring.alarmTopic));
    expect(givenTopic).toBe(TOPIC_ARN);
  });
});
