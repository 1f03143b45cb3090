import { describe, expect, it } from 'vitest';
import { coalesceByImport } from '../../lambda/coalesceByImport';
import { createKeyMatcher } from '../../lambda/mapKeyToImport';
import { eventBridgeBody, s3NotificationBodyAt, sqsRecord, WATCHED_BUCKET } from './factories';

const DAILY = 'aaaaaaaa-0000-4000-8000-000000000001';
const options = (settle: { first?: number; second?: number } = {}) => ({
  bucketName: WATCHED_BUCKET,
  matchKey: createKeyMatcher([
    { prefix: 'daily/', uuid: DAILY, ...(settle.first ? { settleSeconds: settle.first } : {}) },
    { prefix: 'daily-too/', uuid: DAILY, ...(settle.second ? { settleSeconds: settle.second } : {}) },
  ]),
});
const at = (iso: string) => Date.parse(iso);

describe('Function: coalesceByImport() – landing times and settle windows', () => {
  it('gives each file its S3 event time when SQS received the message later', () => {
    // Prepare
    const record = sqsRecord(
      s3NotificationBodyAt(['daily/a.csv', 'daily/b.csv'], '2026-11-30T12:00:00.000Z'),
      {
        sentTimestamp: at('2026-11-30T12:00:03.000Z'),
      },
    );

    // Act
    const files = coalesceByImport([record], options()).triggers.get(DAILY)?.files;

    // Assess
    expect(files).toEqual([
      { key: 'daily/a.csv', messageId: record.messageId, landedAtMs: at('2026-11-30T12:00:00.000Z') },
      { key: 'daily/b.csv', messageId: record.messageId, landedAtMs: at('2026-11-30T12:00:00.000Z') },
    ]);
  });

  it("reads an EventBridge event's time", () => {
    // Prepare: the factory's event says 12:00:00Z.
    const record = sqsRecord(eventBridgeBody('daily/a.csv'), { sentTimestamp: at('2026-11-30T12:00:09Z') });

    // Act
    const files = coalesceByImport([record], options()).triggers.get(DAILY)?.files;

    // Assess
    expect(files?.[0]?.landedAtMs).toBe(at('2026-11-30T12:00:00Z'));
  });

  it('leaves the landing time unknown when neither time can be read', () => {
    // Prepare
    const record = sqsRecord(s3NotificationBodyAt(['daily/a.csv'], 'soon'), { sentTimestamp: 'never' });

    // Act
    const files = coalesceByImport([record], options()).triggers.get(DAILY)?.files;

    // Assess
    expect(files?.[0]?.landedAtMs).toBeUndefined();
  });

  it("takes the longest settle window among the import's matched mappings, none when none has one", () => {
    // Prepare
    const records = [
      sqsRecord(s3NotificationBodyAt(['daily/a.csv'], undefined)),
      sqsRecord(s3NotificationBodyAt(['daily-too/b.csv'], undefined)),
    ];

    // Act
    const settled = coalesceByImport(records, options({ first: 30, second: 90 })).triggers.get(DAILY);
    const partly = coalesceByImport(records.slice(0, 1), options({ second: 90 })).triggers.get(DAILY);

    // Assess
    expect(settled?.settleSeconds).toBe(90);
    expect(partly?.settleSeconds).toBeUndefined();
  });
});
