import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption, RedrivePermission } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { queueVisibilityTimeoutSeconds, SQS_MAX_RETENTION_SECONDS } from '../contract/redeliveryPolicy';
import { boundedName } from './deploymentNames';

/** SQS queue names: at most 80 characters of letters, digits, `-` and `_`. */
const MAX_QUEUE_NAME_LENGTH = 80;
const NAME_SUFFIX = '-ingest';

/** Settings of the ingest queue and its dead-letter queue. */
export interface IngestQueuesProps {
  /** Physical name of the ingest queue; see `ingestQueueName`. */
  readonly queueName: string;
  /** Receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** Timeout of the consuming Lambda function, in seconds. */
  readonly functionTimeoutSeconds: number;
  /** Batching window of the Lambda event source, in seconds. */
  readonly batchWindowSeconds: number;
}

/**
 * The ingest queue's physical name, from the stack name and the trigger construct's own id only, so moving
 * the construct within the tree does not replace the queue (and lose what it holds). Long names are cut and
 * given a hash of the whole, to stay within SQS's 80 characters and still differ.
 */
export function ingestQueueName(stackName: string, constructId: string): string {
  const room = MAX_QUEUE_NAME_LENGTH - NAME_SUFFIX.length;
  return `${boundedName(`${stackName}-${constructId}`, room, /[^A-Za-z0-9_-]/g)}${NAME_SUFFIX}`;
}

/**
 * The encrypted, TLS-only ingest queue and the dead-letter queue that only it may use and be redriven to.
 * Both are retained: deleting or renaming the stack must not delete messages that wait in them.
 */
export class IngestQueues extends Construct {
  /** Receives the bucket's ObjectCreated notifications. */
  public readonly queue: Queue;
  /** Holds notifications that failed `maxReceiveCount` times, until redriven to `queue`. */
  public readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: IngestQueuesProps) {
    super(scope, id);
    // The dead-letter queue must name the ingest queue while the ingest queue names it back; a reference each
    // way is a circular dependency, so the ingest queue gets a physical name and its ARN is spelled out here.
    const queueArn = Stack.of(this).formatArn({
      service: 'sqs',
      resource: props.queueName,
      arnFormat: ArnFormat.NO_RESOURCE_NAME,
    });
    const retention = Duration.seconds(SQS_MAX_RETENTION_SECONDS);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: retention,
      removalPolicy: RemovalPolicy.RETAIN,
      redriveAllowPolicy: {
        redrivePermission: RedrivePermission.BY_QUEUE,
        sourceQueues: [Queue.fromQueueArn(this, 'IngestQueueByArn', queueArn)],
      },
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'It is the dead-letter queue: its messages wait, alarmed, for an operator to redrive them to the ' +
        'ingest queue; a dead-letter queue of its own would only hide them one queue further.',
    });
    this.queue = new Queue(this, 'IngestQueue', {
      queueName: props.queueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: retention,
      removalPolicy: RemovalPolicy.RETAIN,
      visibilityTimeout: Duration.seconds(
        queueVisibilityTimeoutSeconds(props.functionTimeoutSeconds, props.batchWindowSeconds),
      ),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });
  }
}
