import { type RetrySpanSettings, typicalDelaysSeconds } from '../../contract/redeliveryPolicy';

/**
 * The alarm thresholds a team tunes (from the config's monitoring fields), with every default applied. Each
 * alarm's meaning is in README-monitoring.md.
 */
export interface MonitoringThresholds {
  /** The ingest queue's oldest message is older than this: nothing drains the queue. */
  readonly oldestMessageAlarmSeconds: number;
  /** Alarm when the function fails this many invocations within 5 minutes. */
  readonly functionErrorsAlarmThreshold: number;
  /** Alarm when Lambda throttles this many invocations within 5 minutes. */
  readonly throttlesAlarmThreshold: number;
}

/** Slack over the retry span before an old message means nothing drains (a late batch, SQS's own lag). */
export const OLDEST_MESSAGE_MARGIN_SECONDS = 900;

/**
 * How long a message that keeps failing normally stays in the ingest queue before the dead-letter queue: the
 * redelivery delays of every receive with no `Retry-After`, each receive's batching window and function run,
 * and a margin. A message older than that is not being retried, it is not being received. SQS also leaves a
 * message received three times or more out of ApproximateAgeOfOldestMessage
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html),
 * so retries alone stay well below this.
 */
export function defaultOldestMessageAlarmSeconds(settings: RetrySpanSettings): number {
  const delays = typicalDelaysSeconds(settings).reduce((sum, delay) => sum + delay, 0);
  const receives = settings.maxReceiveCount * (settings.batchWindowSeconds + settings.functionTimeoutSeconds);
  return delays + receives + OLDEST_MESSAGE_MARGIN_SECONDS;
}

/** The monitoring settings as configured, beside the retry settings the default is derived from. */
export interface ConfiguredThresholds extends RetrySpanSettings {
  readonly oldestMessageAlarmSeconds?: number | undefined;
  readonly functionErrorsAlarmThreshold: number;
  readonly throttlesAlarmThreshold: number;
}

/** The thresholds in force: as configured, the oldest-message age derived from the retry policy if not given. */
export function monitoringThresholds(config: ConfiguredThresholds): MonitoringThresholds {
  return {
    oldestMessageAlarmSeconds: config.oldestMessageAlarmSeconds ?? defaultOldestMessageAlarmSeconds(config),
    functionErrorsAlarmThreshold: config.functionErrorsAlarmThreshold,
    throttlesAlarmThreshold: config.throttlesAlarmThreshold,
  };
}
