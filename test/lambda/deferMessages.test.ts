import { ChangeMessageVisibilityBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMessageDeferrer, type Deferral, queueUrlFromArn } from '../../lambda/deferMessages';
import { INGEST_QUEUE_ARN } from './factories';

const sqs = mockClient(SQSClient);
const deferral = (index: number, seconds = 30): Deferral => ({
  messageId: `m-${index}`,
  receiptHandle: `r-${index}`,
  eventSourceARN: INGEST_QUEUE_ARN,
  visibilityTimeoutSeconds: seconds,
});
const client = new SQSClient({});
const deferMessages = createMessageDeferrer(async () => ({ client, ChangeMessageVisibilityBatchCommand }));

describe('Function: queueUrlFromArn()', () => {
  it.each([
    [INGEST_QUEUE_ARN, 'https://sqs.us-east-1.amazonaws.com/123456789012/ingest'],
    ['arn:aws-cn:sqs:cn-north-1:123456789012:q', 'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/q'],
  ])('turns %s into %s', (arn, url) => {
    // Act / Assess
    expect(queueUrlFromArn(arn)).toBe(url);
  });
});

describe('Function: createMessageDeferrer()', () => {
  beforeEach(() => sqs.reset());

  it('sets each record its own visibility, ten entries per call', async () => {
    // Prepare
    sqs.on(ChangeMessageVisibilityBatchCommand).resolves({ Successful: [], Failed: [] });
    const deferrals = Array.from({ length: 12 }, (_, index) => deferral(index, 30 + index));

    // Act
    const failed = await deferMessages(deferrals);

    // Assess
    expect(failed).toEqual([]);
    const calls = sqs.commandCalls(ChangeMessageVisibilityBatchCommand);
    expect(calls.map((call) => call.args[0].input.Entries?.length)).toEqual([10, 2]);
    expect(calls[1]?.args[0].input).toEqual({
      QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/ingest',
      Entries: [
        { Id: '0', ReceiptHandle: 'r-10', VisibilityTimeout: 40 },
        { Id: '1', ReceiptHandle: 'r-11', VisibilityTimeout: 41 },
      ],
    });
  });

  it('makes no call when nothing failed', async () => {
    // Act
    await deferMessages([]);

    // Assess
    expect(sqs.commandCalls(ChangeMessageVisibilityBatchCommand)).toHaveLength(0);
  });

  it('returns the entries SQS refused, with its code and message', async () => {
    // Prepare
    sqs.on(ChangeMessageVisibilityBatchCommand).resolves({
      Successful: [{ Id: '0' }],
      Failed: [
        {
          Id: '1',
          Code: 'ReceiptHandleIsInvalid',
          Message: 'The receipt handle has expired',
          SenderFault: true,
        },
      ],
    });

    // Act / Assess
    expect(await deferMessages([deferral(0), deferral(1)])).toEqual([
      { messageId: 'm-1', reason: 'ReceiptHandleIsInvalid: The receipt handle has expired' },
    ]);
  });

  it('returns every entry when the SQS client cannot be loaded or made, without throwing', async () => {
    // Prepare
    const deferWithoutClient = createMessageDeferrer(async () => {
      throw new TypeError('Region is missing');
    });

    // Act / Assess
    expect(await deferWithoutClient([deferral(0), deferral(1)])).toEqual([
      { messageId: 'm-0', reason: 'TypeError: Region is missing' },
      { messageId: 'm-1', reason: 'TypeError: Region is missing' },
    ]);
    expect(sqs.commandCalls(ChangeMessageVisibilityBatchCommand)).toHaveLength(0);
  });

  it('returns every entry of a call that failed with the SQS error, without throwing', async () => {
    // Prepare
    const denied = Object.assign(new Error('User is not authorized to perform sqs:ChangeMessageVisibility'), {
      name: 'AccessDenied',
    });
    sqs.on(ChangeMessageVisibilityBatchCommand).rejects(denied);

    // Act / Assess
    expect(await deferMessages([deferral(0), deferral(1)])).toEqual(
      ['m-0', 'm-1'].map((messageId) => ({
        messageId,
        reason: 'AccessDenied: User is not authorized to perform sqs:ChangeMessageVisibility',
      })),
    );
  });
});
