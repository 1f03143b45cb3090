import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventSourceMapping, type Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { toEnvironment } from '../contract/handlerSettings';
import { createApiKeySecret, grantSecretRead, secretIdOf } from './apiKeySecret';
import { grantBlueshiftReader } from './blueshiftReaderAccess';
import { routeNotifications } from './bucketNotifications';
import { assertSameRegion } from './config/sameRegion';
import type { ResolvedSettings, TriggerSettings } from './config/schema';
import { settleWarnings } from './config/settleRules';
import { ConfigError, validateSettings } from './config/validateConfig';
import { createTriggerFunction } from './createTriggerFunction';
import { deadLetterAlarm } from './deadLetterAlarm';
import { logGroupNameOf, serviceNameOf } from './deploymentNames';
import { IngestQueues, ingestQueueName } from './IngestQueues';
import { notificationFilters, rootPrefixes } from './notificationFilters';
import { createTriggerLedgerTable, grantLedgerAccess } from './triggerLedgerTable';

/** Ingest queue names already taken in each stack. */
const queueNamesByStack = new WeakMap<Stack, Set<string>>();

/**
 * Two triggers with the same id under different parents of one stack would get the same fixed queue name and
 * fail the deploy; this fails the synth instead, saying what to change.
 */
function claimQueueName(trigger: Construct, queueName: string): string {
  const stack = Stack.of(trigger);
  const taken = queueNamesByStack.get(stack) ?? new Set<string>();
  if (taken.has(queueName)) {
    throw new ConfigError([
      `${trigger.node.path}: another BlueshiftImportTrigger in this stack has the id "${trigger.node.id}", so ` +
        `both would name their ingest queue ${queueName}; give each trigger its own id`,
    ]);
  }
  queueNamesByStack.set(stack, taken.add(queueName));
  return queueName;
}

/** The construct's settings (validated and defaulted by the construct) and the resources it may reuse. */
export type BlueshiftImportTriggerProps = TriggerSettings & {
  /** Bucket to watch; its name may be a token. @default - an encrypted, private, retained bucket is created */
  readonly bucket?: IBucket;
  /** Secret holding the Blueshift User API key. @default - a retained secret is created for the operator to fill in */
  readonly apiKeySecret?: ISecret;
  /** Topic the dead-letter alarm notifies; must be in the stack's region. @default - the alarm shows in CloudWatch only */
  readonly alarmTopic?: ITopic;
};

/**
 * An S3 file drop that starts a Blueshift customer-attributes import: ObjectCreated notifications (from S3 or
 * through EventBridge) go to an SQS ingest queue drained by a Lambda function that calls Blueshift; failures
 * are retried through SQS and then kept in a dead-letter queue that can be redriven to the ingest queue.
 */
export class BlueshiftImportTrigger extends Construct {
  /** The watched bucket, created or given. */
  public readonly bucket: IBucket;
  /** Receives the bucket's ObjectCreated notifications. */
  public readonly ingestQueue: Queue;
  /** Holds notifications that kept failing; redrive it to the ingest queue. */
  public readonly deadLetterQueue: Queue;
  /** Calls Blueshift for each batch of notifications. */
  public readonly function: LambdaFunction;
  /** Holds the Blueshift User API key, created or given. */
  public readonly apiKeySecret: ISecret;
  /** The trigger ledger: what each import's newest trigger covered; absent when `triggerLedger` is false. */
  public readonly ledgerTable?: Table;
  /** In alarm while any message waits in the dead-letter queue. */
  public readonly deadLetterAlarm: Alarm;
  /** The settings in force, defaults applied. */
  public readonly config: ResolvedSettings;

  constructor(scope: Construct, id: string, props: BlueshiftImportTriggerProps) {
    super(scope, id);
    const { bucket, apiKeySecret, alarmTopic, ...settings } = props;
    const config = validateSettings(settings);
    assertSameRegion(
      [
        { field: 'alarmTopic', region: alarmTopic?.env.region },
        { field: 'apiKeySecret', region: apiKeySecret?.env.region },
        { field: 'apiKeySecret.encryptionKey', region: apiKeySecret?.encryptionKey?.env.region },
      ],
      Stack.of(this).region,
    );
    this.config = config;
    for (const warning of settleWarnings(config)) {
      this.node.addMetadata('aws:cdk:warning', warning, { stackTrace: false });
    }

    const queues = new IngestQueues(this, 'Queues', {
      queueName: claimQueueName(this, ingestQueueName(Stack.of(this).stackName, id)),
      maxReceiveCount: config.maxReceiveCount,
      functionTimeoutSeconds: config.functionTimeoutSeconds,
      batchWindowSeconds: config.batchWindowSeconds,
    });
    this.ingestQueue = queues.queue;
    this.deadLetterQueue = queues.deadLetterQueue;
    this.deadLetterAlarm = deadLetterAlarm(this, this.deadLetterQueue, alarmTopic);
    this.apiKeySecret = apiKeySecret ?? createApiKeySecret(this, 'ApiKeySecret');
    this.bucket = bucket ?? this.createBucket();
    if (config.triggerLedger) this.ledgerTable = createTriggerLedgerTable(this, 'TriggerLedger');

    const stackName = Stack.of(this).stackName;
    this.function = createTriggerFunction(this, {
      memorySizeMb: config.memorySizeMb,
      timeoutSeconds: config.functionTimeoutSeconds,
      logRetentionDays: config.logRetentionDays,
      logGroupName: logGroupNameOf(stackName, id),
      imports: config.imports,
      environment: toEnvironment({
        ...config,
        secretId: secretIdOf(this.apiKeySecret),
        bucketName: this.bucket.bucketName,
        serviceName: serviceNameOf(stackName, id),
        ...(this.ledgerTable ? { ledgerTableName: this.ledgerTable.tableName } : {}),
      }),
    });
    grantSecretRead(this.apiKeySecret, this.function);
    if (this.ledgerTable) grantLedgerAccess(this.ledgerTable, this.function);
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
    this.acknowledgeNoMappingDestination();

    const filters = notificationFilters(config.imports);
    routeNotifications(
      this,
      this.bucket,
      filters,
      { ingest: this.ingestQueue, deadLetter: this.deadLetterQueue },
      config.notifications,
    );
    if (config.blueshiftReaderPrincipalArn) {
      grantBlueshiftReader(
        this,
        this.bucket,
        config.blueshiftReaderPrincipalArn,
        // The same prefixes the config's bucket-policy size rule counts.
        rootPrefixes(filters.map((filter) => filter.prefix)),
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

  /**
   * An SQS event source mapping takes no on-failure destination: Lambda offers them for stream and Kafka sources
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-eventsourcemapping-onfailure.html).
   */
  private acknowledgeNoMappingDestination(): void {
    for (const mapping of this.function.node.children.filter(
      (child) => child instanceof EventSourceMapping,
    )) {
      Validations.of(mapping).acknowledge({
        id: 'Serverless-LambdaEventSourceMappingDestination',
        reason:
          'Lambda supports on-failure destinations for stream and Kafka sources, not SQS: records that keep ' +
          "failing move to the ingest queue's dead-letter queue through its redrive policy.",
      });
    }
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
