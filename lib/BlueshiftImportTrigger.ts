import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { apiKeySecret } from './apiKeySecret';
import { toEnvironment } from './config/environment';
import type { ResolvedConfig, TriggerConfig } from './config/schema';
import { validateConfig } from './config/validateConfig';
import { createTriggerFunction } from './createTriggerFunction';
import { deadLetterAlarm } from './deadLetterAlarm';
import { IngestQueues } from './IngestQueues';
import { notificationFilters } from './notificationFilters';

/** The construct's settings: the app configuration, validated and defaulted by the construct itself. */
export type BlueshiftImportTriggerProps = TriggerConfig;

/**
 * An S3 file drop that starts a Blueshift customer-attributes import: ObjectCreated notifications go to an
 * SQS ingest queue drained by a Lambda function that calls Blueshift; failures are retried through SQS and
 * then kept in a dead-letter queue that can be redriven to the ingest queue.
 */
export class BlueshiftImportTrigger extends Construct {
  /** The watched bucket, created or imported. */
  public readonly bucket: IBucket;
  /** Receives the bucket's ObjectCreated notifications. */
  public readonly ingestQueue: Queue;
  /** Holds notifications that kept failing; redrive it to the ingest queue. */
  public readonly deadLetterQueue: Queue;
  /** Calls Blueshift for each batch of notifications. */
  public readonly function: NodejsFunction;
  /** Holds the Blueshift User API key, created or imported. */
  public readonly apiKeySecret: ISecret;
  /** In alarm while any message waits in the dead-letter queue. */
  public readonly deadLetterAlarm: Alarm;
  /** The settings in force, defaults applied. */
  public readonly config: ResolvedConfig;

  constructor(scope: Construct, id: string, props: BlueshiftImportTriggerProps) {
    super(scope, id);
    const config = validateConfig(props);
    this.config = config;

    const queues = new IngestQueues(this, 'Queues', {
      maxReceiveCount: config.maxReceiveCount,
      functionTimeoutSeconds: config.functionTimeoutSeconds,
      batchWindowSeconds: config.batchWindowSeconds,
    });
    this.ingestQueue = queues.queue;
    this.deadLetterQueue = queues.deadLetterQueue;
    this.deadLetterAlarm = deadLetterAlarm(this, this.deadLetterQueue, config.alarmTopicArn);

    const secret = apiKeySecret(this, 'ApiKeySecret', config.apiKeySecretName);
    this.apiKeySecret = secret.secret;

    this.function = createTriggerFunction(this, {
      memorySizeMb: config.memorySizeMb,
      timeoutSeconds: config.functionTimeoutSeconds,
      logRetentionDays: config.logRetentionDays,
      environment: toEnvironment({ ...config, secretId: secret.secretId }),
    });
    this.apiKeySecret.grantRead(this.function);
    this.function.addEventSource(
      new SqsEventSource(this.ingestQueue, {
        batchSize: config.batchSize,
        ...(config.batchWindowSeconds > 0
          ? { maxBatchingWindow: Duration.seconds(config.batchWindowSeconds) }
          : {}),
        reportBatchItemFailures: true,
        maxConcurrency: config.maxConcurrency,
      }),
    );

    this.bucket = config.bucketName
      ? Bucket.fromBucketName(this, 'Bucket', config.bucketName)
      : this.createBucket();
    for (const filter of notificationFilters(config.imports)) {
      this.bucket.addEventNotification(
        EventType.OBJECT_CREATED,
        new SqsDestination(this.ingestQueue),
        filter,
      );
    }
    this.acknowledgeNotificationsHandler();
  }

  private createBucket(): Bucket {
    const bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'A drop bucket for import files: object access is auditable with CloudTrail data events, and an ' +
        "access-log bucket belongs to the account's central logging, not to this app.",
    });
    return bucket;
  }

  /** aws-cdk-lib adds one Lambda function per stack to apply bucket notifications; its role is not ours to shape. */
  private acknowledgeNotificationsHandler(): void {
    const handlers = Stack.of(this).node.children.filter((child) =>
      child.node.id.startsWith('BucketNotificationsHandler'),
    );
    for (const handler of handlers) {
      Validations.of(handler).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "aws-cdk-lib's own handler for Custom::S3BucketNotifications runs only during deployments and " +
          'needs no more than basic logging.',
      });
    }
  }
}
