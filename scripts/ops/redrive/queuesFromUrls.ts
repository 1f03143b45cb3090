import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { RedriveError } from '../errors';
import type { QueueRef, RedriveQueues } from './types';

/** Completes queue URLs given on the command line with their ARNs, bypassing CloudFormation. */
export async function queuesFromUrls(
  sqs: SQSClient,
  deadLetterUrl: string,
  sourceUrl?: string,
): Promise<RedriveQueues> {
  const deadLetter = await queueRef(sqs, deadLetterUrl);
  return sourceUrl === undefined ? { deadLetter } : { deadLetter, source: await queueRef(sqs, sourceUrl) };
}

async function queueRef(sqs: SQSClient, url: string): Promise<QueueRef> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  const arn = Attributes?.QueueArn;
  if (!arn) throw new RedriveError(`queue ${url} reported no ARN`);
  return { url, arn };
}
