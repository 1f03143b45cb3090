/**
 * AWS's numbers that a configuration can exceed, each from the page that states it. SQS's retention and
 * visibility limits live in contract/redeliveryPolicy.ts, which the function shares.
 */

/**
 * An object key is at most 1,024 bytes of UTF-8.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
 */
export const S3_MAX_KEY_BYTES = 1024;

/**
 * A notification filter rule's value is at most 1,024 characters, counted as S3 reads it: URL-encoded.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_FilterRule.html
 */
export const S3_MAX_FILTER_VALUE_CHARS = 1024;

/**
 * A bucket holds at most 100 event notification configurations (per destination type and in all).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html
 */
export const S3_MAX_NOTIFICATION_CONFIGURATIONS = 100;

/**
 * A bucket policy is at most 20 KB.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html
 */
export const S3_MAX_BUCKET_POLICY_BYTES = 20 * 1024;

/**
 * Lambda memory: 128 MB to 10,240 MB; an invocation's event (an SQS batch) is at most 6 MB.
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 */
export const LAMBDA_MIN_MEMORY_MB = 128;
export const LAMBDA_MAX_MEMORY_MB = 10_240;

/**
 * An SQS event source: batches of 1 to 10,000 records, more than 10 only with a batching window of at least
 * 1 s; maximum concurrency from 2 to 1,000.
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html
 */
export const SQS_MAX_BATCH_SIZE = 10_000;
export const SQS_MAX_BATCH_SIZE_WITHOUT_WINDOW = 10;
export const SQS_MIN_MAX_CONCURRENCY = 2;
export const SQS_MAX_MAX_CONCURRENCY = 1000;

/**
 * A redrive policy's maxReceiveCount is 1 to 1,000.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
 */
export const SQS_MAX_RECEIVE_COUNT = 1000;

/**
 * The retention periods CloudWatch Logs accepts, in days.
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
 */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/**
 * A CloudFormation stack name: letters, digits and hyphens, starting with a letter, at most 128 characters.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cfn-using-console-create-stack-parameters.html
 */
export const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
