import { describe, expect, it } from 'vitest';
import { describeMessageBody, s3KeysInBody } from '../../../scripts/ops/redrive/describeMessageBody';
import { eventBridgeObjectCreatedBody, s3NotificationBody } from './factories';

describe('Function: s3KeysInBody()', () => {
  it('returns every record’s key, decoded from S3’s form encoding', () => {
    // Prepare
    const body = s3NotificationBody('customers/daily/file 1.csv', 'customers/daily/ünï+côde.csv');

    // Act
    const keys = s3KeysInBody(body);

    // Assess
    expect(keys).toEqual(['customers/daily/file 1.csv', 'customers/daily/ünï+côde.csv']);
  });

  it('keeps a key with a malformed escape as sent', () => {
    // Prepare
    const body = JSON.stringify({
      Records: [{ s3: { bucket: { name: 'drop-bucket' }, object: { key: 'bad%E0%A4%A.csv' } } }],
    });

    // Act & Assess
    expect(s3KeysInBody(body)).toEqual(['bad%E0%A4%A.csv']);
  });

  it('returns the key of an EventBridge "Object Created" event, as EventBridge sends it', () => {
    // Prepare
    const body = eventBridgeObjectCreatedBody('customers/daily/file 1+2.csv');

    // Act
    const keys = s3KeysInBody(body);

    // Assess
    expect(keys).toEqual(['customers/daily/file 1+2.csv']);
  });

  it('returns undefined for an EventBridge event that is not from S3', () => {
    // Prepare
    const body = JSON.stringify({
      'detail-type': 'EC2 Instance State-change Notification',
      source: 'aws.ec2',
      detail: { 'instance-id': 'i-1' },
    });

    // Act & Assess
    expect(s3KeysInBody(body)).toBeUndefined();
  });

  it('returns undefined for a body that is not an S3 notification', () => {
    // Act & Assess
    expect(s3KeysInBody('not json')).toBeUndefined();
    expect(s3KeysInBody('{"Event":"s3:TestEvent"}')).toBeUndefined();
  });
});

describe('Function: describeMessageBody()', () => {
  it('lists the keys of a notification', () => {
    // Act & Assess
    expect(describeMessageBody(s3NotificationBody('a/1.csv', 'a/2.csv'))).toBe('a/1.csv, a/2.csv');
  });

  it('lists the key of an EventBridge event', () => {
    // Act & Assess
    expect(describeMessageBody(eventBridgeObjectCreatedBody('b/ünï.csv'))).toBe('b/ünï.csv');
  });

  it('shows a short excerpt of anything else', () => {
    // Prepare
    const body = `garbage ${'x'.repeat(500)}`;

    // Act
    const line = describeMessageBody(body);

    // Assess
    expect(line).toMatch(/^\(no S3 keys\) garbage x+…$/);
    expect(line.length).toBeLessThan(150);
  });
});
