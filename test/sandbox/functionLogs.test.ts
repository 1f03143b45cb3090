import { describe, expect, it } from 'vitest';
import { createLogCollector, type InvocationLog } from '../../local/sandbox/functionLogs';
import { logLine } from './factories';

const collector = () => {
  const invocations: InvocationLog[] = [];
  const other: string[] = [];
  const collect = createLogCollector({
    onInvocation: (log) => invocations.push(log),
    onOtherLine: (line) => other.push(line),
  });
  return { collect, invocations, other };
};
const json = (line: unknown) => `${JSON.stringify(line)}\n`;

describe('Function: createLogCollector()', () => {
  it('hands on an invocation’s lines when its batch-done line arrives, across chunk boundaries', () => {
    // Prepare
    const { collect, invocations } = collector();
    const text = json(logLine('import triggered')) + json(logLine('batch done', { records: 2 }));

    // Act
    collect(text.slice(0, 25));
    const before = invocations.length;
    collect(text.slice(25));

    // Assess
    expect(before).toBe(0);
    expect(invocations).toHaveLength(1);
    expect(invocations[0]).toMatchObject({ requestId: 'req-1', records: 2 });
    expect(invocations[0]?.lines.map((line) => line.message)).toEqual(['import triggered', 'batch done']);
  });

  it('keeps concurrent invocations apart by request ID', () => {
    // Prepare
    const { collect, invocations } = collector();

    // Act
    collect(
      json(logLine('import triggered', {}, 'a')) +
        json(logLine('files covered by the trigger at x', {}, 'b')),
    );
    collect(
      json(logLine('batch done', { records: 1 }, 'b')) + json(logLine('batch done', { records: 3 }, 'a')),
    );

    // Assess
    expect(invocations.map((log) => [log.requestId, log.records, log.lines.length])).toEqual([
      ['b', 1, 2],
      ['a', 3, 2],
    ]);
  });

  it('drops the metrics (EMF) lines and passes any other output on as text', () => {
    // Prepare
    const { collect, invocations, other } = collector();

    // Act
    collect('{"_aws":{"Timestamp":1,"CloudWatchMetrics":[]},"ImportTriggers":1}\n');
    collect('Error: boom\n    at handler\n\n');

    // Assess
    expect(invocations).toEqual([]);
    expect(other).toEqual(['Error: boom', '    at handler']);
  });
});
