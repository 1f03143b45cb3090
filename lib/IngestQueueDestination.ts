import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  type BucketNotificationDestinationConfig,
  BucketNotificationDestinationType,
  type IBucket,
  type IBucketNotificationDestination,
} from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * An S3 notification destination that lets S3 send to the queue only for this bucket in its owner's account.
 * `SqsDestination` checks only `aws:SourceArn`; a bucket ARN names no account, so after a bucket is deleted
 * another account could create one with the same name. S3's guide checks both, `ArnLike aws:SourceArn` and
 * `StringEquals aws:SourceAccount` (S3 User Guide, "Granting permissions to publish event notification
 * messages to a destination":
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/grant-destinations-permissions-to-s3.html).
 * The queue uses SQS-managed encryption, so no key policy is needed.
 */
export class IngestQueueDestination implements IBucketNotificationDestination {
  constructor(private readonly queue: IQueue) {}

  bind(_scope: Construct, bucket: IBucket): BucketNotificationDestinationConfig {
    this.queue.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('s3.amazonaws.com')],
        actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
        resources: [this.queue.queueArn],
        conditions: {
          ArnLike: { 'aws:SourceArn': bucket.bucketArn },
          StringEquals: { 'aws:SourceAccount': bucket.env.account },
        },
      }),
    );
    // S3 checks the destination's permission when the configuration is put, so the policy must exist first.
    return {
      arn: this.queue.queueArn,
      type: BucketNotificationDestinationType.QUEUE,
      dependencies: [this.queue],
    };
  }
}
