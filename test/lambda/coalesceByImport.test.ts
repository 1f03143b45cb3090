import { describe, expect, it } from 'vitest';
import { coalesceByImport } from '../../lambda/coalesceByImport';
import { createKeyMatcher } from '../../lambda/mapKeyToImport';
import { s3NotificationBody, sqsRecord } from './factories';

const DAILY = 'aaaaaaaa-0000-4000-8000-000000000001';
const VIP = 'aaaaaaaa-0000-4000-8000-000000000002';
const matchKey = createKeyMatcher([
  { prefix: 'daily/', uuid: DAILY, suffix: '.csv' },
  { prefix: 'vip/', uuid: VIP },
  { prefix: 'vip-too/', uuid: VIP },
]);

describe('Function: coalesceByImport()', () => {
  it('makes one trigger per distinct import, listing every record behind it', () => {
    // Prepare
    const records = [
      sqsRecord(s3NotificationBody(['daily/1.csv'])),
      sqsRecord(s3NotificationBody(['daily/2.csv', 'vip/a.json'])),
      sqsRecord(s3NotificationBody(['vip-too/b.json'])),
    ];

    // Act
    const plan = coalesceByImport(records, matchKey);

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
    const plan = coalesceByImport(records, matchKey);

    // Assess
    expect(plan.triggers.size).toBe(1);
    expect(plan.triggers.get(DAILY)?.messageIds.size).toBe(2);
  });

  it('sets aside unreadable bodies without affecting the others', () => {
    // Prepare
    const poison = sqsRecord('{"truncated":');
    const good = sqsRecord(s3NotificationBody(['daily/1.csv']));

    // Act
    const plan = coalesceByImport([poison, good], matchKey);

    // Assess
    expect(plan.invalid).toEqual([{ record: poison, reason: 'body is not JSON' }]);
    expect(plan.triggers.get(DAILY)?.messageIds.has(good.messageId)).toBe(true);
  });

  it('lists test events, unmapped keys, folder markers and non-create events as passed over', () => {
    // Prepare
    const test = sqsRecord(JSON.stringify({ Event: 's3:TestEvent' }));
    const other = sqsRecord(s3NotificationBody(['other/x.csv', 'daily/', 'daily/x.json']));
    const removed = sqsRecord(s3NotificationBody(['daily/old.csv'], 'ObjectRemoved:Delete'));

    // Act
    const plan = coalesceByImport([test, other, removed], matchKey);

    // Assess
    expect(plan.testEvents).toEqual([test.messageId]);
    expect(plan.triggers.size).toBe(0);
    expect(plan.ignored.map((item) => item.reason)).toEqual([
      'no-prefix',
      'folder-marker',
      'suffix-mismatch',
      'event ObjectRemoved:Delete',
    ]);
  });
});
