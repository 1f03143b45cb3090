import { describe, expect, it } from 'vitest';
import { parseNotification } from '../../lambda/parseNotification';
import { s3NotificationBody } from './factories';

describe('Function: parseNotification()', () => {
  it('reads every record of a body, decoding keys', () => {
    // Prepare
    const body = s3NotificationBody(['customers/daily/a b.csv', 'customers/daily/c+d.csv']);

    // Act
    const parsed = parseNotification(body);

    // Assess
    expect(parsed).toEqual({
      kind: 'objects',
      objects: [
        { bucket: 'drops', key: 'customers/daily/a b.csv', eventName: 'ObjectCreated:Put' },
        { bucket: 'drops', key: 'customers/daily/c+d.csv', eventName: 'ObjectCreated:Put' },
      ],
    });
  });

  it('recognises the s3:TestEvent S3 sends when notifications are configured', () => {
    // Prepare
    const body = JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'drops' });

    // Act / Assess
    expect(parseNotification(body)).toEqual({ kind: 'test-event' });
  });

  it.each([
    ['not json at all', 'body is not JSON'],
    ['"a string"', 'body is not a JSON object'],
    ['{"hello":"world"}', 'body has no S3 "Records" list'],
    ['{"Records":[{"s3":{"bucket":{"name":"b"}}}]}', 'Records[0] is not an S3 object notification'],
  ])('marks %s as invalid: %s', (body, reason) => {
    // Act / Assess
    expect(parseNotification(body)).toEqual({ kind: 'invalid', reason });
  });
});
