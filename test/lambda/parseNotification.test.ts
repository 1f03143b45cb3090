import { describe, expect, it } from 'vitest';
import { isObjectCreated, parseNotification } from '../../lambda/parseNotification';
import { eventBridgeBody, s3NotificationBody } from './factories';

describe('Function: parseNotification()', () => {
  it('reads every record of an S3 notification, decoding keys', () => {
    // Prepare
    const body = s3NotificationBody(['customers/daily/a b.csv', 'customers/daily/c+d.csv']);

    // Act
    const parsed = parseNotification(body);

    // Assess
    const at = '2026-11-30T12:00:00.000Z';
    expect(parsed).toEqual({
      kind: 'objects',
      objects: [
        { bucket: 'drops', key: 'customers/daily/a b.csv', eventName: 'ObjectCreated:Put', eventTime: at },
        { bucket: 'drops', key: 'customers/daily/c+d.csv', eventName: 'ObjectCreated:Put', eventTime: at },
      ],
    });
  });

  it('reads an EventBridge Object Created event, taking the key as it stands', () => {
    // Prepare
    const body = eventBridgeBody('exports/dt=2026-12-01/a+b c.csv');

    // Act
    const parsed = parseNotification(body);

    // Assess
    expect(parsed).toEqual({
      kind: 'objects',
      objects: [
        {
          bucket: 'drops',
          key: 'exports/dt=2026-12-01/a+b c.csv',
          eventName: 'Object Created',
          eventTime: '2026-11-30T12:00:00Z',
        },
      ],
    });
  });

  it('reads other EventBridge S3 events with their detail-type as the event name', () => {
    // Act
    const parsed = parseNotification(eventBridgeBody('exports/a.csv', 'Object Tags Added'));

    // Assess
    expect(parsed).toMatchObject({ kind: 'objects', objects: [{ eventName: 'Object Tags Added' }] });
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
    ['{"hello":"world"}', 'body is neither an S3 notification nor an EventBridge S3 event'],
    ['{"Records":[{"s3":{"bucket":{"name":"b"}}}]}', 'Records[0] is not an S3 object notification'],
    ['{"Records":[]}', 'body has an empty S3 "Records" list'],
    [
      '{"detail-type":"Object Created","source":"aws.ec2","detail":{"bucket":{"name":"b"},"object":{"key":"k"}}}',
      'EventBridge event is not an S3 object event',
    ],
    [
      '{"detail-type":"Object Created","source":"aws.s3","detail":{"bucket":{"name":"b"}}}',
      'EventBridge event is not an S3 object event',
    ],
  ])('marks %s as invalid: %s', (body, reason) => {
    // Act / Assess
    expect(parseNotification(body)).toEqual({ kind: 'invalid', reason });
  });
});

describe('Function: isObjectCreated()', () => {
  it.each([
    ['ObjectCreated:Put', true],
    ['ObjectCreated:CompleteMultipartUpload', true],
    ['Object Created', true],
    ['', true],
    ['ObjectRemoved:Delete', false],
    ['Object Tags Added', false],
    ['Object Deleted', false],
  ])('reads %s as created: %s', (eventName, created) => {
    // Act / Assess
    expect(isObjectCreated(eventName)).toBe(created);
  });
});
