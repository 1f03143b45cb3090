import {
  GetQueueAttributesCommand,
  ListDeadLetterSourceQueuesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { RedriveError } from '../errors';
import type { QueueRef } from './types';

/**
 * Makes sure the ingest queue's RedrivePolicy names the given dead-letter queue before anything moves, so swapped
 * or mistyped queues never send live ingest messages into a dead-letter queue. Resolves to a line saying what
 * was checked; throws RedriveError naming both queues and what the policy names instead.
 */
export async function checkRedrivePolicy(
  sqs: SQSClient,
  deadLetter: QueueRef,
  source: QueueRef,
): Promise<string> {
  const named = await redriveTargetOf(sqs, source.url);
  if (named.arn === deadLetter.arn) {
    return `Checked: the RedrivePolicy of ${source.url} names ${deadLetter.arn} as its dead-letter queue.`;
  }
  const swapped = (await redriveTargetOf(sqs, deadLetter.url)).arn === source.arn;
  throw new RedriveError(
    `refusing to redrive: ingest queue ${source.url} ${named.says}, not dead-letter queue ` +
      `${deadLetter.url} (${deadLetter.arn})${swapped ? '; the two queues look swapped' : ''}`,
  );
}

/**
 * For a dry run given only the dead-letter queue: makes sure some queue's RedrivePolicy names it, because peeking
 * raises each message's receive count, and on an ingest queue that pushes live messages towards its own
 * dead-letter queue. ListDeadLetterSourceQueues lists the queues whose RedrivePolicy names a queue.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListDeadLetterSourceQueues.html
 */
export async function checkIsDeadLetterQueue(sqs: SQSClient, deadLetter: QueueRef): Promise<string> {
  const { queueUrls = [] } = await sqs.send(
    new ListDeadLetterSourceQueuesCommand({ QueueUrl: deadLetter.url, MaxResults: 10 }),
  );
  if (queueUrls.length === 0) {
    throw new RedriveError(
      `refusing to peek: no queue's RedrivePolicy names ${deadLetter.url} (${deadLetter.arn}) as its ` +
        'dead-letter queue; is it the ingest queue?',
    );
  }
  return `Checked: ${deadLetter.url} is the dead-letter queue of ${queueUrls.join(', ')}.`;
}

/** What a queue's RedrivePolicy names, and how to say so. */
interface RedriveTarget {
  readonly arn?: string;
  readonly says: string;
}

/**
 * The dead-letter queue a queue's RedrivePolicy names: a JSON string holding `deadLetterTargetArn`.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
 */
async function redriveTargetOf(sqs: SQSClient, queueUrl: string): Promise<RedriveTarget> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['RedrivePolicy'] }),
  );
  const policy = Attributes?.RedrivePolicy;
  if (!policy) return { says: 'has no RedrivePolicy' };
  let arn: unknown;
  try {
    arn = (JSON.parse(policy) as { deadLetterTargetArn?: unknown } | null)?.deadLetterTargetArn;
  } catch {
    // Unreadable: shown as it stands below.
  }
  return typeof arn === 'string'
    ? { arn, says: `sends its dead letters to ${arn}` }
    : { says: `has a RedrivePolicy naming no dead-letter queue (${policy})` };
}
