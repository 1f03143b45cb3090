import { describe, expect, it } from 'vitest';
import { createKeyMatcher } from '../../lambda/mapKeyToImport';
import { type BatchView, formatBatch } from '../../local/sandbox/formatBatch';
import { coveredLine, DAILY, logLine, recordFor, triggeredLine, VIP } from './factories';

const context = {
  matchKey: createKeyMatcher([DAILY, VIP]),
  maxReceiveCount: 3,
  clock: (atMs: number) => new Date(atMs).toISOString().slice(11, 19),
};
const batch = (overrides: Partial<BatchView>): BatchView => ({
  records: [],
  kept: [],
  outcome: 'returned',
  lines: [],
  ...overrides,
});

describe('Function: formatBatch()', () => {
  it('prints key → import → outcome for a triggered file', () => {
    // Act
    const formatted = formatBatch(
      batch({ records: [recordFor('customers/daily/a.csv', 'm1')], lines: [triggeredLine(DAILY.uuid)] }),
      context,
    );

    // Assess
    expect(formatted.lines).toEqual([
      'customers/daily/a.csv → 0f8c2f4e (customers/daily/) → triggered (200)',
    ]);
    expect(formatted.triggers).toBe(1);
    expect(formatted.files).toEqual([
      { key: 'customers/daily/a.csv', messageId: 'm1', outcome: 'triggered', toDeadLetters: false },
    ]);
  });

  it('says when files were coalesced into one call, and how many attempts it took', () => {
    // Act
    const formatted = formatBatch(
      batch({
        records: [recordFor('customers/daily/a.csv', 'm1'), recordFor('customers/daily/b.csv', 'm2')],
        lines: [triggeredLine(DAILY.uuid, 2, 2)],
      }),
      context,
    );

    // Assess
    expect(formatted.lines).toEqual([
      'customers/daily/a.csv → 0f8c2f4e (customers/daily/) → triggered (200, 2 attempts), 2 files coalesced into 1 call',
      'customers/daily/b.csv → 0f8c2f4e (customers/daily/) → triggered (200, 2 attempts), 2 files coalesced into 1 call',
    ]);
  });

  it('prints a covered file with the trigger that covered it', () => {
    // Act
    const formatted = formatBatch(
      batch({
        records: [recordFor('customers/daily/a.csv', 'm1')],
        lines: [coveredLine(DAILY.uuid, ['customers/daily/a.csv'])],
      }),
      context,
    );

    // Assess
    expect(formatted.lines).toEqual([
      'customers/daily/a.csv → 0f8c2f4e (customers/daily/) → covered by the trigger at 11:52:44: no call',
    ]);
    expect(formatted.files[0]?.outcome).toBe('covered');
    expect(formatted.triggers).toBe(0);
  });

  it('tells covered files from triggered ones of the same import by the logged sample of keys', () => {
    // Act
    const formatted = formatBatch(
      batch({
        records: [recordFor('customers/daily/old.csv', 'm1'), recordFor('customers/daily/new.csv', 'm2')],
        lines: [coveredLine(DAILY.uuid, ['customers/daily/old.csv']), triggeredLine(DAILY.uuid)],
      }),
      context,
    );

    // Assess
    expect(formatted.files.map((file) => [file.key, file.outcome])).toEqual([
      ['customers/daily/old.csv', 'covered'],
      ['customers/daily/new.csv', 'triggered'],
    ]);
  });

  it('prints a 405 as busy with the receive count, and the last receive as a move to the dead-letter queue', () => {
    // Prepare
    const busy = logLine('import not triggered; files will be retried', {
      importUuid: DAILY.uuid,
      status: 405,
      attempts: 1,
      verdict: 'busy',
      blueshiftMessage: 'Error: Action not supported',
    });

    // Act
    const second = formatBatch(
      batch({ records: [recordFor('customers/daily/a.csv', 'm1', 2)], kept: ['m1'], lines: [busy] }),
      context,
    );
    const last = formatBatch(
      batch({ records: [recordFor('customers/daily/a.csv', 'm1', 3)], kept: ['m1'], lines: [busy] }),
      context,
    );

    // Assess
    expect(second.lines).toEqual([
      'customers/daily/a.csv → 0f8c2f4e (customers/daily/) → busy (405: Error: Action not supported) [receive 2 of 3] → retried later',
    ]);
    expect(last.lines[0]).toMatch(/\[receive 3 of 3\] → moves to the dead-letter queue$/);
    expect(last.files[0]).toMatchObject({ outcome: 'busy', toDeadLetters: true });
  });

  it('prints a failure with its verdict, status and attempts', () => {
    // Act
    const formatted = formatBatch(
      batch({
        records: [recordFor('customers/vip/x.json', 'm1')],
        kept: ['m1'],
        lines: [
          logLine('import not triggered; files will be retried', {
            importUuid: VIP.uuid,
            status: 500,
            attempts: 3,
            verdict: 'transient',
            blueshiftMessage: 'Internal Server Error',
          }),
        ],
      }),
      context,
    );

    // Assess
    expect(formatted.lines).toEqual([
      'customers/vip/x.json → 7d9e1c2b (customers/vip/) → failed (transient 500, 3 attempts: Internal Server Error) → retried later',
    ]);
  });

  it('prints busy and settling waits without a call', () => {
    // Act
    const formatted = formatBatch(
      batch({
        records: [recordFor('customers/daily/a.csv', 'm1'), recordFor('customers/vip/x.json', 'm2')],
        kept: ['m1', 'm2'],
        lines: [
          logLine('import busy: files wait without a call', {
            importUuid: DAILY.uuid,
            delaySeconds: 12,
            busyUntil: '2026-12-01T12:00:11.000Z',
          }),
          logLine('import settling: files wait without a call', { importUuid: VIP.uuid, delaySeconds: 30 }),
        ],
      }),
      context,
    );

    // Assess
    expect(formatted.lines).toEqual([
      'customers/daily/a.csv → 0f8c2f4e (customers/daily/) → busy: waits 12 s without a call, busy until 12:00:11 → retried later',
      'customers/vip/x.json → 7d9e1c2b (customers/vip/) → settling: waits 30 s without a call → retried later',
    ]);
    expect(formatted.files.map((file) => file.outcome)).toEqual(['busy', 'settling']);
  });

  it('says why a file starts no import, and skips S3 test events', () => {
    // Act
    const formatted = formatBatch(
      batch({
        records: [
          recordFor('customers/daily/a.txt', 'm1'),
          recordFor('elsewhere/a.csv', 'm2'),
          { messageId: 'm3', receiveCount: 1, body: JSON.stringify({ Event: 's3:TestEvent' }) },
        ],
      }),
      context,
    );

    // Assess
    expect(formatted.lines).toEqual([
      'customers/daily/a.txt → no import (its suffix matches no import of its prefix): acknowledged',
      'elsewhere/a.csv → no import (under no configured prefix): acknowledged',
    ]);
  });

  it('falls back to the queue’s view without the function’s lines, and names an unreadable message', () => {
    // Act
    const formatted = formatBatch(
      batch({
        records: [
          recordFor('customers/daily/a.csv', 'm1'),
          { messageId: 'deadbeef-1', receiveCount: 1, body: 'oops' },
        ],
        kept: ['m1', 'deadbeef-1'],
        outcome: 'timed-out',
      }),
      context,
    );

    // Assess
    expect(formatted.lines).toEqual([
      'customers/daily/a.csv → 0f8c2f4e (customers/daily/) → the invocation timed-out → retried later',
      'message deadbeef: not an S3 event (body is not JSON) → retried later',
    ]);
    expect(formatted.files[0]?.outcome).toBe('unknown');
  });
});
