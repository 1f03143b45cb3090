import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { routeObjectCreatedEvents } from './eventBridgeRules';
import { IngestQueueDestination } from './IngestQueueDestination';
import type { NotificationFilter } from './notificationFilters';
import { encodeFilterValue } from './s3FilterValue';

/**
 * Sends the bucket's new files under the filters to the queue, the way `mode` says:
 * - `s3`: one S3 queue notification per filter, its values URL-encoded as S3 compares them;
 * - `eventbridge`: the bucket's EventBridge delivery turned on, and rules that route `Object Created` events.
 *
 * Either way aws-cdk-lib writes the bucket's notification configuration through its
 * `Custom::S3BucketNotifications` resource. For a bucket not defined in this stack (and, with cdk.json's
 * `@aws-cdk/aws-s3:keepNotificationInImportedBucket`, for every bucket) that resource is unmanaged: it reads
 * the configuration, keeps the configurations it did not write (and an existing EventBridge setting, also on
 * delete) and puts the merge back. Other notifications are therefore kept only while nothing else owns the
 * whole configuration: a tool that puts its own (Terraform's `aws_s3_bucket_notification`, another stack's
 * bucket) removes ours on its next apply, and S3 rejects the put when another ObjectCreated configuration
 * overlaps ours; EventBridge mode avoids both, since it adds no queue configuration.
 */
export function routeNotifications(
  scope: Construct,
  bucket: IBucket,
  filters: readonly NotificationFilter[],
  queues: { readonly ingest: IQueue; readonly deadLetter: IQueue },
  mode: 's3' | 'eventbridge',
): void {
  const queue = queues.ingest;
  if (mode === 'eventbridge') {
    bucket.enableEventBridgeNotification();
    routeObjectCreatedEvents(scope, bucket, filters, queue, queues.deadLetter);
    return;
  }
  // The 100-configuration limit is a config rule (lib/config/rules.ts), checked before the construct builds.
  const destination = new IngestQueueDestination(queue);
  for (const { prefix, suffix } of filters) {
    bucket.addEventNotification(EventType.OBJECT_CREATED, destination, {
      prefix: encodeFilterValue(prefix),
      ...(suffix === undefined ? {} : { suffix: encodeFilterValue(suffix) }),
    });
  }
}
