import { GetQueueAttributesCommand, ListDeadLetterSourceQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { RedriveError } from '../../../scripts/ops/errors';
import { checkIsDeadLetterQueue, checkRedrivePolicy } from '../../../scripts/ops/redrive/checkRedrivePolicy';
import { DEAD_LETTER, INGEST, redrivePolicyNaming } from './factories';

const sqsMock = mockClient(SQSClient);

describe('Function: checkRedrivePolicy()', () => {
  beforeEach(() => {
    sqsMock.reset();
    sqsMock.on(GetQueueAttributesCommand).resolves({ Attributes: {} });
  });

  it('passes when the ingest queue’s RedrivePolicy names the dead-letter queue', async () => {
    // Prepare
    sqsMock
      .on(GetQueueAttributesCommand, { QueueUrl: INGEST.url })
      .resolves(redrivePolicyNaming(DEAD_LETTER));

    // Act
    const checked = await checkRedrivePolicy(new SQSClient({}), DEAD_LETTER, INGEST);

    // Assess
    expect(checked).toBe(
      `Checked: the RedrivePolicy of ${INGEST.url} names ${DEAD_LETTER.arn} as its dead-letter queue.`,
    );
    expect(sqsMock).toReceiveCommandWith(GetQueueAttributesCommand, {
      QueueUrl: INGEST.url,
      AttributeNames: ['RedrivePolicy'],
    });
  });

  it('refuses a RedrivePolicy it cannot read, showing it', async () => {
    // Prepare
    sqsMock
      .on(GetQueueAttributesCommand, { QueueUrl: INGEST.url })
      .resolves({ Attributes: { RedrivePolicy: '{oops' } });

    // Act
    const check = checkRedrivePolicy(new SQSClient({}), DEAD_LETTER, INGEST);

    // Assess
    await expect(check).rejects.toThrow(RedriveError);
    await expect(check).rejects.toThrow(
      `ingest queue ${INGEST.url} has a RedrivePolicy naming no dead-letter queue ({oops), not dead-letter queue`,
    );
  });

  it('refuses a queue without a RedrivePolicy, not calling it swapped when the other names elsewhere', async () => {
    // Act
    const check = checkRedrivePolicy(new SQSClient({}), DEAD_LETTER, INGEST);

    // Assess
    await expect(check).rejects.toThrow(
      `refusing to redrive: ingest queue ${INGEST.url} has no RedrivePolicy, not dead-letter queue ${DEAD_LETTER.url} (${DEAD_LETTER.arn})`,
    );
    await expect(check).rejects.not.toThrow('swapped');
  });
});

describe('Function: checkIsDeadLetterQueue()', () => {
  beforeEach(() => sqsMock.reset());

  it('names the queues that send their dead letters to it', async () => {
    // Prepare
    sqsMock.on(ListDeadLetterSourceQueuesCommand).resolves({ queueUrls: [INGEST.url] });

    // Act
    const checked = await checkIsDeadLetterQueue(new SQSClient({}), DEAD_LETTER);

    // Assess
    expect(checked).toBe(`Checked: ${DEAD_LETTER.url} is the dead-letter queue of ${INGEST.url}.`);
    expect(sqsMock).toReceiveCommandWith(ListDeadLetterSourceQueuesCommand, { QueueUrl: DEAD_LETTER.url });
  });

  it('refuses a queue that is no queue’s dead-letter queue', async () => {
    // Prepare
    sqsMock.on(ListDeadLetterSourceQueuesCommand).resolves({ queueUrls: [] });

    // Act
    const check = checkIsDeadLetterQueue(new SQSClient({}), INGEST);

    // Assess
    await expect(check).rejects.toThrow(
      `refusing to peek: no queue's RedrivePolicy names ${INGEST.url} (${INGEST.arn}) as its dead-letter queue`,
    );
  });
});
