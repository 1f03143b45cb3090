import { describe, expect, it } from 'vitest';
import { RedriveError } from '../../../scripts/ops/errors';
import { normaliseQueueUrl, refuseSameQueue } from '../../../scripts/ops/redrive/sameQueue';
import { DEAD_LETTER, INGEST } from './factories';

describe('Function: normaliseQueueUrl()', () => {
  it.each([
    'https://sqs.us-east-1.amazonaws.com/123456789012/Ingest',
    'https://SQS.US-EAST-1.amazonaws.com:443/123456789012/Ingest/',
    'http://sqs.us-east-1.amazonaws.com//123456789012/Ingest',
    'https://us-east-1.queue.amazonaws.com/123456789012/Ingest',
    'https://queue.amazonaws.com/123456789012/Ingest',
    'https://sqs-fips.us-east-1.amazonaws.com/123456789012/Ingest',
    'https://sqs.us-east-1.api.aws/123456789012/Ingest',
  ])('reads %s as the same queue as its usual URL', (url) => {
    // Act & Assess
    expect(normaliseQueueUrl(url)).toBe(normaliseQueueUrl(INGEST.url));
  });

  it.each([
    'https://sqs.us-east-1.amazonaws.com/123456789012/ingest',
    'https://sqs.eu-west-1.amazonaws.com/123456789012/Ingest',
    'https://sqs.us-east-1.amazonaws.com/210987654321/Ingest',
    'http://127.0.0.1:5000/123456789012/Ingest',
  ])('tells %s apart from it (names are case-sensitive; region, account and host count)', (url) => {
    // Act & Assess
    expect(normaliseQueueUrl(url)).not.toBe(normaliseQueueUrl(INGEST.url));
  });
});

describe('Function: refuseSameQueue()', () => {
  it('refuses one URL given twice', () => {
    // Act & Assess
    expect(() => refuseSameQueue({ url: INGEST.url }, { url: `${INGEST.url}/` })).toThrow(RedriveError);
  });

  it('refuses two URLs with one ARN', () => {
    // Act & Assess
    expect(() => refuseSameQueue({ url: 'http://localhost/1/q', arn: INGEST.arn }, INGEST)).toThrow(
      'the dead-letter queue and the ingest queue are the same queue (http://localhost/1/q)',
    );
  });

  it('lets two different queues pass', () => {
    // Act & Assess
    expect(() => refuseSameQueue(DEAD_LETTER, INGEST)).not.toThrow();
  });
});
