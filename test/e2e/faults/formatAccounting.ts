import type { Accounting } from './accountDrops';

/** The accounting as an aligned two-column table, for a soak run's output. */
export function formatAccounting(
  accounting: Accounting,
  extra: Record<string, string | number> = {},
): string {
  const rows: [string, string | number][] = [
    ['files dropped', accounting.files],
    ['imports', accounting.imports],
    ['calls to Blueshift', accounting.calls],
    ['calls faulted', accounting.faultedCalls],
    ['fault rate', `${(accounting.faultRate * 100).toFixed(1)} %`],
    ['imports triggered after their last drop', accounting.importsTriggeredAfterLastDrop],
    ['files triggered after their drop', accounting.filesTriggered],
    ['files in the dead-letter queue', accounting.filesDeadLettered],
    ['dead-lettered without cause', accounting.deadLetteredWithoutCause.length],
    ['files lost', accounting.lost.length],
    ...Object.entries(extra),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}
