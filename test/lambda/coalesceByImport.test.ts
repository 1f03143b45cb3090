import { describe, expect, it } from 'vitest';
import { coalesceByImport } from '../../lambda/coalesceByImport';
import { createKeyMatcher } from '../../lambda/mapKeyToImport';
import { eventBridgeBody, s3NotificationBody, sqsRecord, WATCHED_BUCKET } from './factories';

const DAILY = 'aaaaaaaa-0000-4000-8000-000000000001';
const VIP = 'aaaaaaaa-0000-4000-8000-000000000002';
const options = {
  bucketName: WATCHED_BUCKET,
  matchKey: createKeyMatcher([
    { prefix: 'daily/', uuid: DAILY, suffix: '.csv' },
    { prefix: 'vip/', uuid: VIP },
    { prefix: 'vip-too/', uuid: VIP },
  ]),
};

describe('Function: coalesceByImport()', () => {
  it('makes one trigger per distinct import, listing every record behind it', () => {
    // Prepare
    const records = [
      sqsRecord(s3NotificationBody(['daily/1.csv'])),
      sqsRecord(s3NotificationBody(['daily/2.csv', 'vip/a.json'])),
      sqsRecord(s3NotificationBody(['vip-too/b.json'])),
    ];

    // Act
    const plan = coalesceByImport(records, options);

    // Assess
    expect([...plan.triggers.keys()]).toEqual([DAILY, VIP]);
    expect([...(plan.triggers.get(DAILY)?.messageIds ?? [])]).toEqual([
      records[0]?.messageId,
      records[1]?.messageId,
    ]);
    expect([...(plan.triggers.get(VIP)?.messageIds ?? [])]).toEqual([
      records[1]?.messageId,
      records[2]?.messageId,
    ]);
    expect([...(plan.triggers.get(VIP)?.prefixes ?? [])]).toEqual(['vip/', 'vip-too/']);
    expect(plan.triggers.get(DAILY)?.keys).toEqual(['daily/1.csv', 'daily/2.csv']);
  });

  it('coalesces duplicate deliveries of the same S3 event into the one trigger', () => {
    // Prepare
    const body = s3NotificationBody(['daily/1.csv']);
    const records = [sqsRecord(body), sqsRecord(body)];

    // Act
    const plan = coalesceByImport(records, options);

    // Assess
    expect(plan.triggers.size).toBe(1);
    expect(plan.triggers.get(DAILY)?.messageIds.size).toBe(2);
  });

  it('sets aside unreadable bodies without affecting the others', () => {
    // Prepare
    const poison = sqsRecord('{"truncated":');
    const good = sqsRecord(s3NotificationBody(['daily/1.csv']));

    // Act
    const plan = coalesceByImport([poison, good], options);

    // Assess
    expect(plan.untriggerable).toEqual([{ record: poison, kind: 'invalid', reason: 'body is not JSON' }]);
    expect(plan.triggers.get(DAILY)?.messageIds.has(good.messageId)).toBe(true);
  });

  it('lists test events, unmapped keys, folder markers and non-create events as passed over', () => {
    // Prepare
    const test = sqsRecord(JSON.stringify({ Event: 's3:TestEvent' }));
    const other = sqsRecord(s3NotificationBody(['other/x.csv', 'daily/', 'daily/x.json']));
    const removed = sqsRecord(s3NotificationBody(['daily/old.csv'], 'ObjectRemoved:Delete'));
    const tagged = sqsRecord(eventBridgeBody('daily/tagged.csv', 'Object Tags Added'));

    // Act
    const plan = coalesceByImport([test, other, removed, tagged], options);

    // Assess
    expect(plan.testEvents).toEqual([test.messageId]);
    expect(plan.triggers.size).toBe(0);
    expect(plan.ignored.map((item) => item.reason)).toEqual([
      'no-prefix',
      'folder-marker',
      'suffix-mismatch',
      'event ObjectRemoved:Delete',
      'event Object Tags Added',
    ]);
  });

  it('plans EventBridge Object Created events like S3 notifications, coalescing both shapes', () => {
    // Prepare
    const records = [
      sqsRecord(eventBridgeBody('daily/a b.csv')),
      sqsRecord(s3NotificationBody(['daily/c.csv'])),
    ];

    // Act
    const plan = coalesceByImport(records, options);

    // Assess
    expect(plan.triggers.get(DAILY)?.keys).toEqual(['daily/a b.csv', 'daily/c.csv']);
    expect(plan.triggers.get(DAILY)?.messageIds.size).toBe(2);
  });

  it('sets aside a record of another bucket as untriggerable, naming the bucket', () => {
    // Prepare
    const foreign = sqsRecord(s3NotificationBody(['daily/1.csv'], 'ObjectCreated:Put', 'someone-elses'));
    const foreignEventBridge = sqsRecord(eventBridgeBody('daily/2.csv', 'Object Created', 'someone-elses'));

    // Act
    const plan = coalesceByImport([foreign, foreignEventBridge], options);

    // Assess
    expect(plan.triggers.size).toBe(0);
    expect(plan.untriggerable).toEqual(
      [foreign, foreignEventBridge].map((record) => ({
        record,
        kind: 'foreign-bucket',
        bucket: 'someone-elses',
        reason: `object of bucket someone-elses, not ${WATCHED_BUCKET}`,
      })),
    );
  });
});
