import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * Alarms as soon as any message waits in the dead-letter queue: a drop whose import could not be triggered
 * needs an operator (fix, then redrive), and nobody watches a deploy-and-forget stack otherwise.
 */
export function deadLetterAlarm(scope: Construct, deadLetterQueue: IQueue, topic: ITopic | undefined): Alarm {
  const alarm = new Alarm(scope, 'DeadLetterQueueNotEmpty', {
    alarmDescription:
      'Blueshift import trigger: files whose import could not be triggered are waiting in the dead-letter ' +
      'queue. Read the function logs (error lines name the status and Blueshift message), fix, then redrive.',
    metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(5),
      statistic: 'Maximum',
    }),
    threshold: 0,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    // SQS stops sending metrics for an idle queue; an idle dead-letter queue is a healthy one.
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  if (topic) alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}
