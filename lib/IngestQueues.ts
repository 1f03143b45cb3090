import { ArnFormat, Duration, Names, Stack } from 'aws-cdk-lib';
import { Queue, QueueEncryption, RedrivePermission } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The longest a message is kept; SQS allows no more. */
const RETENTION = Duration.days(14);

/** Settings of the ingest queue and its dead-letter queue. */
export interface IngestQueuesProps {
  /** Receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** Timeout of the consuming Lambda function, in seconds. */
  readonly functionTimeoutSeconds: number;
  /** Batching window of the Lambda event source, in seconds. */
  readonly batchWindowSeconds: number;
}

/**
 * AWS's rule for SQS event sources: the visibility timeout covers six function timeouts plus the batching window,
 * so a batch still being retried by Lambda is not handed out again.
 */
export function visibilityTimeoutSeconds(functionTimeoutSeconds: number, batchWindowSeconds: number): number {
  return 6 * functionTimeoutSeconds + batchWindowSeconds;
}

/** The encrypted, TLS-only ingest queue and the dead-letter queue that only it may use and be redriven to. */
export class IngestQueues extends Construct {
  /** Receives the bucket's ObjectCreated notifications. */
  public readonly queue: Queue;
  /** Holds notifications that failed `maxReceiveCount` times, until redriven to `queue`. */
  public readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: IngestQueuesProps) {
    super(scope, id);
    // The dead-letter queue must name the ingest queue while the ingest queue names it back; a reference each
    // way is a circular dependency, so the ingest queue gets a physical name and its ARN is spelled out here.
    const queueName = `${Names.uniqueResourceName(this, { maxLength: 73, separator: '-' })}-ingest`;
    const queueArn = Stack.of(this).formatArn({
      service: 'sqs',
      resource: queueName,
      arnFormat: ArnFormat.NO_RESOURCE_NAME,
    });

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: RETENTION,
      redriveAllowPolicy: {
        redrivePermission: RedrivePermission.BY_QUEUE,
        sourceQueues: [Queue.fromQueueArn(this, 'IngestQueueByArn', queueArn)],
      },
    });
    this.queue = new Queue(this, 'IngestQueue', {
      queueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: RETENTION,
      visibilityTimeout: Duration.seconds(
        visibilityTimeoutSeconds(props.functionTimeoutSeconds, props.batchWindowSeconds),
      ),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });
  }
}
