import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../contract/triggerLedger';
import { formatStatus, type StatusReport } from '../../../scripts/ops/status/formatStatus';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const EMPTY = { visible: 0, inFlight: 0, delayed: 0 };

const report = (overrides: Partial<StatusReport> = {}): StatusReport => ({
  stackName: 'BlueshiftImportTrigger',
  nowMs: NOW,
  ingest: { url: 'https://sqs/ingest', depths: { visible: 12, inFlight: 3, delayed: 1 } },
  deadLetter: { url: 'https://sqs/dlq', depths: EMPTY },
  oldest: { ageSeconds: 95, atMs: NOW - 60_000 },
  ledger: { kind: 'on', tableName: 'Ledger', entries: [] },
  ...overrides,
});

const entry = (fields: Partial<LedgerEntry>): LedgerEntry => ({
  importUuid: 'uuid-a',
  version: 1,
  ...fields,
});

describe('Function: formatStatus()', () => {
  it('prints the queues as an aligned table and the oldest message’s age', () => {
    // Act
    const lines = formatStatus(report());

    // Assess
    expect(lines.slice(0, 6)).toEqual([
      'Stack BlueshiftImportTrigger at 2026-12-01T12:00:00Z',
      '',
      'QUEUE        VISIBLE  IN FLIGHT  DELAYED  URL',
      'ingest       12       3          1        https://sqs/ingest',
      'dead-letter  0        0          0        https://sqs/dlq',
      '',
    ]);
    expect(lines[6]).toBe('Oldest ingest message: 1 min (CloudWatch, minute of 11:59:00Z (1 min ago))');
  });

  it('says the oldest age is unknown when CloudWatch has no datapoint', () => {
    // Act
    const lines = formatStatus(report({ oldest: undefined }));

    // Assess
    expect(lines[6]).toMatch(/^Oldest ingest message: unknown \(no CloudWatch datapoint in the last 15 min/);
  });

  it('says why the oldest age is unknown when CloudWatch could not be read', () => {
    // Act
    const lines = formatStatus(report({ oldest: undefined, oldestUnreadable: 'User is not authorized' }));

    // Assess
    expect(lines[6]).toBe('Oldest ingest message: unknown (CloudWatch unreadable: User is not authorized)');
  });

  it('says why the ledger is unreadable, and still shows the queues', () => {
    // Act
    const lines = formatStatus(
      report({ ledger: { kind: 'unreadable', tableName: 'Ledger', reason: 'Requested resource not found' } }),
    );

    // Assess
    expect(lines[3]).toMatch(/^ingest {7}12/);
    expect(lines.at(-1)).toBe(
      'Trigger ledger Ledger: unreadable (Requested resource not found): no per-import history.',
    );
  });

  it('points at a redrive dry run when the dead-letter queue holds messages', () => {
    // Act
    const lines = formatStatus(
      report({ deadLetter: { url: 'https://sqs/dlq', depths: { ...EMPTY, visible: 2 } } }),
    );

    // Assess
    expect(lines).toContain(
      "2 message(s) in the dead-letter queue: see them with 'npm run ops -- redrive --dry-run'",
    );
  });

  it('shows per import its last trigger, outcome, busy-until (only while ahead) and files waiting', () => {
    // Prepare
    const entries = [
      entry({
        importUuid: 'uuid-a',
        triggeredAtMs: NOW - 600_000,
        lastOutcome: { verdict: 'triggered', status: '200', atMs: NOW - 600_000, message: 'ok' },
        busyUntilMs: NOW - 1000,
      }),
      entry({
        importUuid: 'uuid-b',
        lastOutcome: {
          verdict: 'busy',
          status: '405',
          atMs: NOW - 60_000,
          message: `Error: ${'x'.repeat(80)}`,
        },
        busyUntilMs: NOW + 120_000,
        waiting: { files: 4, atMs: NOW - 60_000 },
      }),
    ];

    // Act
    const lines = formatStatus(report({ ledger: { kind: 'on', tableName: 'Ledger', entries } }));

    // Assess
    const table = lines.slice(lines.indexOf('Imports (trigger ledger Ledger):') + 1);
    expect(table[0]).toMatch(/^IMPORT {2}LAST TRIGGER +LAST OUTCOME +BUSY UNTIL +FILES WAITING$/);
    expect(table[1]).toMatch(
      /^uuid-a {2}11:50:00Z \(10 min ago\) {2}triggered 200, 11:50:00Z \(10 min ago\): ok +- +-$/,
    );
    expect(table[2]).toContain('never');
    expect(table[2]).toContain(`busy 405, 11:59:00Z (1 min ago): Error: ${'x'.repeat(53)}…`);
    expect(table[2]).toMatch(/12:02:00Z \(in 2 min\) {2}4 \(1 min ago\)$/);
  });

  it('lists every deployed import with its prefixes, one never triggered too, and marks one no longer deployed', () => {
    // Prepare
    const imports = [
      { prefix: 'customers/', uuid: 'uuid-a' },
      { prefix: 'eu/customers/', uuid: 'uuid-a' },
      { prefix: 'orders/', uuid: 'uuid-new' },
    ];
    const entries = [
      entry({ importUuid: 'uuid-a', triggeredAtMs: NOW - 60_000 }),
      entry({ importUuid: 'uuid-gone' }),
    ];

    // Act
    const lines = formatStatus(report({ imports, ledger: { kind: 'on', tableName: 'Ledger', entries } }));

    // Assess
    expect(lines.slice(-4)).toEqual([
      'IMPORT     PREFIX                     LAST TRIGGER           LAST OUTCOME  BUSY UNTIL  FILES WAITING',
      'uuid-a     customers/, eu/customers/  11:59:00Z (1 min ago)  -             -           -',
      'uuid-new   orders/                    never                  -             -           -',
      'uuid-gone  (not deployed)             never                  -             -           -',
    ]);
  });

  it('says the ledger is off, or that no import has been seen yet', () => {
    // Act
    const off = formatStatus(report({ ledger: { kind: 'off' } }));
    const empty = formatStatus(report());

    // Assess
    expect(off.at(-1)).toBe(
      'Trigger ledger: off (the stack has no TriggerLedgerTableName output): no per-import history.',
    );
    expect(empty.slice(-2)).toEqual([
      'Imports (trigger ledger Ledger):',
      '  none yet: no file has reached the function',
    ]);
  });
});
