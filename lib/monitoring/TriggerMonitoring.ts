import { Aws } from 'aws-cdk-lib';
import { type AlarmBase, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import {
  type AlarmWithAnnotation,
  DefaultDashboardFactory,
  MonitoringFacade,
  SnsAlarmActionStrategy,
} from 'cdk-monitoring-constructs';
import { Construct } from 'constructs';
import type { ImportMapping } from '../../contract/importMapping';
import { boundedName } from '../deploymentNames';
import { type AlarmKind, described } from './alarmDescriptions';
import { createAlarmTopic, subscribeEmails } from './alarmTopic';
import { importMetricGroups } from './importMetricGroups';
import type { MonitoringThresholds } from './thresholds';
import { DEFAULT_METRIC_PERIOD, TriggerMetrics } from './triggerMetrics';

/** What the trigger's monitoring watches and whom it tells. */
export interface TriggerMonitoringProps {
  /** The function that calls Blueshift. */
  readonly function: IFunction;
  /** The queue the bucket's notifications arrive in. */
  readonly ingestQueue: IQueue;
  /** The ingest queue's dead-letter queue. */
  readonly deadLetterQueue: IQueue;
  /** The function's `POWERTOOLS_SERVICE_NAME`: its metrics' `service` dimension, and the alarms' and dashboard's name prefix. */
  readonly serviceName: string;
  /** Topic the alarms notify; must be in the stack's region. @default - a TLS-only topic is created */
  readonly alarmTopic?: ITopic;
  /** Addresses subscribed to the alarm topic. @default - none */
  readonly alarmEmails?: readonly string[];
  /** Alarm thresholds, defaults applied. */
  readonly thresholds: MonitoringThresholds;
  /** The import mappings, for the per-import chart. */
  readonly imports: readonly ImportMapping[];
}

/** Alarm and dashboard names hold at most 255 characters; the prefix leaves room for what follows it. */
const MAX_NAME_PREFIX_LENGTH = 100;

/**
 * The trigger's alarms (each notifying one SNS topic) and its dashboard, built with cdk-monitoring-constructs:
 * the dead-letter queue holds a message; the ingest queue's oldest message is too old; the function fails or is
 * throttled; an import failed for good (401/403/404); the API key is unavailable.
 */
export class TriggerMonitoring extends Construct {
  /** The topic every alarm notifies, created or given. */
  public readonly alarmTopic: ITopic;
  /** Every alarm, for reuse (composite alarms, more actions). */
  public readonly alarms: readonly AlarmWithAnnotation[];
  /** The dashboard's console URL, in the stack's region. */
  public readonly dashboardUrl: string;

  constructor(scope: Construct, id: string, props: TriggerMonitoringProps) {
    super(scope, id);
    this.alarmTopic = props.alarmTopic ?? createAlarmTopic(this, 'AlarmTopic');
    subscribeEmails(this.alarmTopic, props.alarmEmails ?? []);

    const namePrefix = boundedName(props.serviceName, MAX_NAME_PREFIX_LENGTH, /[^A-Za-z0-9_-]/g);
    // Dashboards are global to the account, unlike alarms and metrics, so the region is part of the name
    // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html).
    const dashboardName = `${namePrefix}-${Aws.REGION}`;
    const dashboards = new DefaultDashboardFactory(this, 'Dashboards', {
      dashboardNamePrefix: dashboardName,
      createDashboard: true,
      createSummaryDashboard: false,
      createAlarmDashboard: false,
    });
    const facade = new MonitoringFacade(this, 'Facade', {
      alarmFactoryDefaults: {
        alarmNamePrefix: namePrefix,
        actionsEnabled: true,
        action: new SnsAlarmActionStrategy({ onAlarmTopic: this.alarmTopic }),
        datapointsToAlarm: 1,
        evaluationPeriods: 1,
      },
      metricFactoryDefaults: { period: DEFAULT_METRIC_PERIOD },
      dashboardFactory: dashboards,
    });
    const metrics = new TriggerMetrics(facade.createMetricFactory(), props.serviceName);
    const { thresholds } = props;

    facade
      .monitorCustom({
        alarmFriendlyName: 'Imports',
        humanReadableName: 'Blueshift import triggers',
        metricGroups: importMetricGroups(metrics, props.imports),
      })
      .monitorSqsQueueWithDlq({
        queue: props.ingestQueue,
        deadLetterQueue: props.deadLetterQueue,
        alarmFriendlyName: 'Ingest',
        humanReadableName: 'Ingest queue',
        addQueueMaxMessageAgeAlarm: {
          Critical: {
            maxAgeInSeconds: thresholds.oldestMessageAlarmSeconds,
            // SQS sends no data for an idle queue, and an empty queue drains fine.
            treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
            ...described('oldestMessage'),
          },
        },
        addDeadLetterQueueMaxSizeAlarm: {
          Critical: {
            maxMessageCount: 0,
            treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
            ...described('deadLetterQueue'),
          },
        },
      })
      .monitorLambdaFunction({
        lambdaFunction: props.function,
        // Its events come from SQS, not a stream: no iterator age, no offset lag.
        isIterator: false,
        alarmFriendlyName: 'Function',
        humanReadableName: 'Trigger function',
        // The library's count alarms fire above the count; ours at it.
        addFaultCountAlarm: {
          Critical: {
            maxErrorCount: thresholds.functionErrorsAlarmThreshold - 1,
            ...described('functionErrors'),
          },
        },
        addThrottlesCountAlarm: {
          Critical: {
            maxErrorCount: thresholds.throttlesAlarmThreshold - 1,
            ...described('throttles'),
          },
        },
      });

    this.alarms = facade.createdAlarms();
    this.dashboardUrl =
      `https://${Aws.REGION}.console.aws.amazon.com/cloudwatch/home?region=${Aws.REGION}` +
      `#dashboards:name=${dashboardName}`;
  }

  /** The alarm of one kind. */
  alarm(kind: AlarmKind): AlarmBase {
    const found = this.alarms.find((alarm) => alarm.customTags?.includes(kind));
    if (!found) throw new Error(`no ${kind} alarm`);
    return found.alarm;
  }
}
