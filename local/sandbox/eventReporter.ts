import type { PolledInvocation } from '../eventSource/startEventSourcePoller';
import { type FormatContext, formatBatch } from './formatBatch';
import type { InvocationLog } from './functionLogs';

/** How long an invocation waits for its log lines before it is printed from the queue's view alone. */
const LOG_GRACE_MS = 1_500;

/** Running totals of what the printed lines said. */
export interface ReportedTotals {
  readonly keys: ReadonlySet<string>;
  readonly triggers: number;
  readonly covered: number;
  readonly retried: number;
  /** Files whose message moved (or is about to move) to the dead-letter queue. */
  readonly deadLettered: readonly string[];
  /** Invocations printed. */
  readonly batches: number;
}

/**
 * Pairs each finished invocation with its log lines (the oldest unpaired log of as many records: the poller
 * and the function's stdout are separate channels) and prints its lines.
 */
export function createEventReporter(context: FormatContext, print: (line: string) => void) {
  const logs: InvocationLog[] = [];
  const seenAt = new Map<number, number>();
  let next = 0;
  const totals = {
    keys: new Set<string>(),
    triggers: 0,
    covered: 0,
    retried: 0,
    deadLettered: [] as string[],
    batches: 0,
  };

  const report = (invocation: PolledInvocation, log: InvocationLog | undefined) => {
    const formatted = formatBatch({ ...invocation, lines: log?.lines ?? [] }, context);
    for (const line of formatted.lines) print(line);
    totals.triggers += formatted.triggers;
    totals.batches++;
    totals.retried += invocation.records.filter((record) => record.receiveCount > 1).length;
    for (const file of formatted.files) {
      totals.keys.add(file.key);
      if (file.outcome === 'covered') totals.covered++;
      if (file.toDeadLetters) totals.deadLettered.push(file.key);
    }
  };

  return {
    totals: totals as ReportedTotals,
    addLog: (log: InvocationLog) => void logs.push(log),
    /** Prints every invocation that can be printed now; returns how many still wait. */
    flush(invocations: readonly PolledInvocation[], nowMs: number, force = false): number {
      while (next < invocations.length) {
        const invocation = invocations[next] as PolledInvocation;
        const at = logs.findIndex((log) => log.records === invocation.records.length);
        const since = seenAt.get(next) ?? nowMs;
        seenAt.set(next, since);
        if (at < 0 && !force && nowMs - since < LOG_GRACE_MS) break;
        report(invocation, at < 0 ? undefined : logs.splice(at, 1)[0]);
        seenAt.delete(next);
        next++;
      }
      return invocations.length - next;
    },
  };
}
