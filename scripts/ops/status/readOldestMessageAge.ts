import { type CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';

/** The newest datapoint of the queue's oldest-message age. */
export interface OldestMessageAge {
  readonly ageSeconds: number;
  /** The datapoint's time (the start of its minute). */
  readonly atMs: number;
}

/** How far back to look: SQS reports the metric only while the queue holds a message. */
export const OLDEST_AGE_LOOKBACK_MS = 15 * 60_000;

/** A queue's name: the last segment of its URL (the metric's QueueName dimension). */
export function queueNameOf(queueUrl: string): string {
  return queueUrl.replace(/\/+$/, '').split('/').at(-1) ?? queueUrl;
}

/**
 * The latest `ApproximateAgeOfOldestMessage` (AWS/SQS, dimension QueueName, Maximum per minute) of the last
 * 15 minutes, or undefined when there is none (SQS reports it only while the queue holds a message, and a
 * queue idle for hours stops reporting).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html
 */
export async function readOldestMessageAge(
  cloudWatch: Pick<CloudWatchClient, 'send'>,
  queueUrl: string,
  nowMs: number,
): Promise<OldestMessageAge | undefined> {
  const { Datapoints = [] } = await cloudWatch.send(
    new GetMetricStatisticsCommand({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: queueNameOf(queueUrl) }],
      StartTime: new Date(nowMs - OLDEST_AGE_LOOKBACK_MS),
      EndTime: new Date(nowMs),
      Period: 60,
      Statistics: ['Maximum'],
    }),
  );
  let latest: OldestMessageAge | undefined;
  for (const point of Datapoints) {
    const atMs = point.Timestamp?.getTime();
    if (atMs === undefined || point.Maximum === undefined) continue;
    if (!latest || atMs > latest.atMs) latest = { ageSeconds: point.Maximum, atMs };
  }
  return latest;
}
