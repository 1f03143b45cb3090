import { describe, expect, it } from 'vitest';
import { s3NotificationBodyAt, sqsRecord } from './factories';
import { DAILY, dropRecord, iso, ledgerBatch, NOW, VIP } from './ledgerBatch';

const FAILED_503 = { verdict: 'transient', status: 503, message: 'down', attempts: 3 } as const;

describe('Function: processBatch() – files an earlier trigger covered', () => {
  it('acknowledges a record without a call when a trigger sent after its file landed (plus the margin) covers it', async () => {
    // Prepare
    const landedAtMs = NOW - 60_000;
    const triggeredAtMs = landedAtMs + 1000;
    const batch = ledgerBatch({}, [{ importUuid: DAILY, triggeredAtMs, version: 3 }]);
    const record = dropRecord(['daily/a.csv'], 60);

    // Act
    const response = await batch.run(record);

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(batch.calledUuids()).toEqual([]);
    expect(batch.infoMessages()).toContain(`files covered by the trigger at ${iso(triggeredAtMs)}`);
    expect(batch.counted.FilesCovered).toEqual([1]);
    expect(batch.ledger.counts).toEqual({ reads: 1, writes: 0 });
  });

  it('logs covered files once per import with a count and at most five sample keys, not once per file', async () => {
    // Prepare
    const triggeredAtMs = NOW - 1000;
    const batch = ledgerBatch({}, [{ importUuid: DAILY, triggeredAtMs, version: 3 }]);
    const records = Array.from({ length: 4 }, (_, index) =>
      dropRecord([`daily/${index}-a.csv`, `daily/${index}-b.csv`], 60),
    );

    // Act
    await batch.run(...records);

    // Assess
    const lines = batch.log.info.mock.calls.filter(([message]) =>
      (message as string).includes('covered by the trigger'),
    );
    expect(lines).toEqual([
      [
        `files covered by the trigger at ${iso(triggeredAtMs)}`,
        {
          importUuid: DAILY,
          files: 8,
          triggeredAt: iso(triggeredAtMs),
          sampleKeys: ['daily/0-a.csv', 'daily/0-b.csv', 'daily/1-a.csv', 'daily/1-b.csv', 'daily/2-a.csv'],
        },
      ],
    ]);
  });

  it('calls when the trigger was sent less than the margin after the file landed', async () => {
    // Prepare
    const batch = ledgerBatch({}, [{ importUuid: DAILY, triggeredAtMs: NOW - 60_000 + 999, version: 1 }]);

    // Act
    await batch.run(dropRecord(['daily/a.csv'], 60));

    // Assess
    expect(batch.calledUuids()).toEqual([DAILY]);
    expect(batch.counted.FilesCovered).toEqual([0]);
  });

  it('takes SentTimestamp as the landing time when it is earlier than the event time', async () => {
    // Prepare: the event time is a minute late (a skewed clock); SQS received the message before it.
    const sentAtMs = NOW - 120_000;
    const body = s3NotificationBodyAt(['daily/a.csv'], iso(NOW - 60_000));
    const batch = ledgerBatch({}, [{ importUuid: DAILY, triggeredAtMs: sentAtMs + 5000, version: 1 }]);

    // Act
    const response = await batch.run(sqsRecord(body, { sentTimestamp: sentAtMs }));

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(batch.calledUuids()).toEqual([]);
  });

  it('uses SentTimestamp when the event time is missing or unreadable', async () => {
    // Prepare
    const sentAtMs = NOW - 120_000;
    const batch = ledgerBatch({}, [{ importUuid: DAILY, triggeredAtMs: sentAtMs + 5000, version: 1 }]);
    const missing = sqsRecord(s3NotificationBodyAt(['daily/a.csv'], undefined), { sentTimestamp: sentAtMs });
    const odd = sqsRecord(s3NotificationBodyAt(['daily/b.csv'], 'yesterday'), { sentTimestamp: sentAtMs });

    // Act
    await batch.run(missing, odd);

    // Assess
    expect(batch.calledUuids()).toEqual([]);
    expect(batch.counted.FilesCovered).toEqual([2]);
  });

  it('never covers a file with neither a readable event time nor a SentTimestamp', async () => {
    // Prepare
    const batch = ledgerBatch({}, [{ importUuid: DAILY, triggeredAtMs: NOW, version: 1 }]);
    const record = sqsRecord(s3NotificationBodyAt(['daily/a.csv'], 'not a time'), { sentTimestamp: '' });

    // Act
    await batch.run(record);

    // Assess
    expect(batch.calledUuids()).toEqual([DAILY]);
  });

  it('calls only the uncovered import of a record with two files, and the record follows that call', async () => {
    // Prepare
    const batch = ledgerBatch({ [VIP]: FAILED_503 }, [{ importUuid: DAILY, triggeredAtMs: NOW, version: 1 }]);
    const record = dropRecord(['daily/a.csv', 'vip/b.csv'], 60);

    // Act
    const response = await batch.run(record);

    // Assess
    expect(batch.calledUuids()).toEqual([VIP]);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
    expect(batch.counted.FilesCovered).toEqual([1]);
  });

  it('calls an import once for its uncovered files, though another record of it is covered', async () => {
    // Prepare
    const batch = ledgerBatch({}, [{ importUuid: DAILY, triggeredAtMs: NOW - 30_000, version: 1 }]);
    const old = dropRecord(['daily/old.csv'], 60);
    const fresh = dropRecord(['daily/new.csv'], 10);

    // Act
    const response = await batch.run(old, fresh);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(batch.calledUuids()).toEqual([DAILY]);
    expect(batch.counted.FilesPerTrigger).toEqual([1]);
  });
});
