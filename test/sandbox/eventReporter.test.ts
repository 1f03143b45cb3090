import { describe, expect, it } from 'vitest';
import { createKeyMatcher } from '../../lambda/mapKeyToImport';
import type { PolledInvocation } from '../../local/eventSource/startEventSourcePoller';
import { createEventReporter } from '../../local/sandbox/eventReporter';
import { DAILY, logLine, recordFor, triggeredLine } from './factories';

const reporter = () => {
  const printed: string[] = [];
  const events = createEventReporter(
    { matchKey: createKeyMatcher([DAILY]), maxReceiveCount: 3, clock: () => '12:00:00' },
    (line) => printed.push(line),
  );
  return { events, printed };
};
const invocation = (keys: string[], kept: string[] = []): PolledInvocation => ({
  records: keys.map((key, index) => recordFor(key, `m${index}`, kept.length > 0 ? 3 : 1)),
  outcome: 'returned',
  kept,
});

describe('Function: createEventReporter()', () => {
  it('prints an invocation with the log of as many records, and counts what it said', () => {
    // Prepare
    const { events, printed } = reporter();
    events.addLog({
      requestId: 'r1',
      records: 2,
      lines: [triggeredLine(DAILY.uuid, 2), logLine('batch done')],
    });

    // Act
    const waiting = events.flush([invocation(['customers/daily/a.csv', 'customers/daily/b.csv'])], 0);

    // Assess
    expect(waiting).toBe(0);
    expect(printed).toHaveLength(2);
    expect(printed[0]).toContain('triggered (200), 2 files coalesced into 1 call');
    expect(events.totals).toMatchObject({ triggers: 1, covered: 0, batches: 1 });
    expect([...events.totals.keys]).toEqual(['customers/daily/a.csv', 'customers/daily/b.csv']);
  });

  it('waits for a late log, then prints from the queue’s view once the grace is over', () => {
    // Prepare
    const { events, printed } = reporter();
    const invocations = [invocation(['customers/daily/a.csv'], ['m0'])];

    // Act
    const early = events.flush(invocations, 1_000);
    const late = events.flush(invocations, 2_600);

    // Assess
    expect(early).toBe(1);
    expect(late).toBe(0);
    expect(printed).toEqual([
      'customers/daily/a.csv → 0f8c2f4e (customers/daily/) → no outcome logged [receive 3 of 3] → moves to the dead-letter queue',
    ]);
    expect(events.totals).toMatchObject({ retried: 1, deadLettered: ['customers/daily/a.csv'] });
  });
});
