import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { copyMessages } from '../../../scripts/ops/redrive/copyMessages';
import { DEAD_LETTER, INGEST, redriveModeInput, s3NotificationBody } from './factories';

const sqsMock = mockClient(SQSClient);

const deadLetter = (n: number): Message => ({
  MessageId: `message-${n}`,
  ReceiptHandle: `receipt-${n}`,
  Body: s3NotificationBody(`customers/daily/${n}.csv`),
});

/** SendMessageBatch's success entries for the given entry ids. */
const sent = (...ids: string[]) =>
  ids.map((Id) => ({ Id, MessageId: `copy-${Id}`, MD5OfMessageBody: 'md5' }));

describe('Function: copyMessages()', () => {
  beforeEach(() => {
    sqsMock.reset();
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [deadLetter(1), deadLetter(2)] })
      .resolves({});
    sqsMock.on(DeleteMessageBatchCommand).resolves({ Successful: [{ Id: '0' }, { Id: '1' }], Failed: [] });
  });

  it('sends each message to the ingest queue, then deletes it from the dead-letter queue', async () => {
    // Prepare
    sqsMock.on(SendMessageBatchCommand).resolves({ Successful: sent('0', '1'), Failed: [] });
    const input = redriveModeInput();

    // Act
    const done = await copyMessages(input);

    // Assess
    expect(done).toBe(true);
    expect(sqsMock).toReceiveCommandWith(SendMessageBatchCommand, {
      QueueUrl: INGEST.url,
      Entries: [
        { Id: '0', MessageBody: deadLetter(1).Body },
        { Id: '1', MessageBody: deadLetter(2).Body },
      ],
    });
    expect(sqsMock).toReceiveCommandWith(DeleteMessageBatchCommand, {
      QueueUrl: DEAD_LETTER.url,
      Entries: [
        { Id: '0', ReceiptHandle: 'receipt-1' },
        { Id: '1', ReceiptHandle: 'receipt-2' },
      ],
    });
    expect(input.output.lines.at(-1)).toBe(`Copied 2 message(s) from ${DEAD_LETTER.url} to ${INGEST.url}.`);
  });

  it('leaves a message whose send failed in the dead-letter queue', async () => {
    // Prepare
    sqsMock.on(SendMessageBatchCommand).resolves({
      Successful: sent('0'),
      Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false, Message: 'try again' }],
    });
    const input = redriveModeInput();

    // Act
    const done = await copyMessages(input);

    // Assess
    expect(done).toBe(false);
    expect(sqsMock).toReceiveCommandWith(DeleteMessageBatchCommand, {
      Entries: [{ Id: '0', ReceiptHandle: 'receipt-1' }],
    });
    expect(input.output.errors[0]).toBe('send of message-2 failed: InternalError try again');
  });

  it('deletes nothing when the whole send fails, and stops', async () => {
    // Prepare
    sqsMock.on(SendMessageBatchCommand).rejects(new Error('connect ETIMEDOUT'));
    const input = redriveModeInput();

    // Act
    const done = await copyMessages(input);

    // Assess
    expect(done).toBe(false);
    expect(sqsMock).not.toReceiveCommand(DeleteMessageBatchCommand);
    expect(sqsMock).toReceiveCommandTimes(ReceiveMessageCommand, 1);
    expect(input.output.errors.join('\n')).toContain(
      '2 message(s) were not sent and stay in the dead-letter queue',
    );
  });

  it('copies message attributes and keeps to the rate limit', async () => {
    // Prepare
    sqsMock.reset();
    const attributed = {
      ...deadLetter(1),
      MessageAttributes: { origin: { DataType: 'String', StringValue: 'replay' } },
    };
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [attributed] })
      .resolves({});
    sqsMock.on(SendMessageBatchCommand).resolves({ Successful: sent('0'), Failed: [] });
    sqsMock.on(DeleteMessageBatchCommand).resolves({ Successful: [{ Id: '0' }], Failed: [] });
    const input = redriveModeInput(4);

    // Act
    await copyMessages(input);

    // Assess
    expect(sqsMock).toReceiveCommandWith(SendMessageBatchCommand, {
      Entries: [{ Id: '0', MessageBody: attributed.Body, MessageAttributes: attributed.MessageAttributes }],
    });
    expect(input.sleep).toHaveBeenCalledWith(250);
  });
});
