import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** A queue's approximate message counts, as SQS reports them (eventually consistent, hence "about"). */
export interface QueueDepths {
  readonly visible: number;
  readonly inFlight: number;
  readonly delayed: number;
}

/**
 * Reads the three ApproximateNumberOfMessages* attributes in one call.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html
 */
export async function readQueueDepths(sqs: Pick<SQSClient, 'send'>, queueUrl: string): Promise<QueueDepths> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  const count = (value: string | undefined) => Number(value ?? 0) || 0;
  return {
    visible: count(Attributes.ApproximateNumberOfMessages),
    inFlight: count(Attributes.ApproximateNumberOfMessagesNotVisible),
    delayed: count(Attributes.ApproximateNumberOfMessagesDelayed),
  };
}
