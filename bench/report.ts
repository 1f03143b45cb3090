import { writeFileSync } from 'node:fs';
import type { BenchSettings } from './benchSettings';
import type { MachineInfo } from './machineInfo';

/** A peer measured in the same run, and how the figure compares to it. */
export interface Comparison {
  readonly name: string;
  readonly value: number;
  /** The ratio as reported, e.g. naive/ours or ours/floor. */
  readonly ratio: number;
  /** What the ratio divides, e.g. `naive/ours`. */
  readonly ratioOf: string;
}

/** One measured figure, with its peer and target where it has them. */
export interface Figure {
  /** The number of the issue's item that asked for the figure (item 6: issue 9's runs per drop). */
  readonly item: number;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly comparison?: Comparison;
  /** The target in words and whether the figure meets it; informational figures have none. */
  readonly target?: { readonly text: string; readonly met: boolean };
  /** How the figure was obtained, e.g. `median of 30`. */
  readonly runs: string;
}

/** Everything one bench run found, as written to bench/results.json. */
export interface BenchResults {
  readonly machine: MachineInfo;
  readonly settings: BenchSettings;
  readonly startedAt: string;
  readonly wallSeconds: number;
  readonly figures: readonly Figure[];
  readonly notes: readonly string[];
  /** Each item's raw samples and settings, in item order. */
  readonly details: readonly unknown[];
}

/** Three significant digits, whole numbers kept whole: enough for figures that vary by several percent. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) || Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

const verdict = (figure: Figure): string => (figure.target ? (figure.target.met ? 'PASS' : 'MISS') : '-');

/** The figures as a fixed-width text table, one row per figure. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['#', 'Figure', 'Value', 'Peer', 'Ratio', 'Target', 'Result', 'Runs'];
  const rows = figures.map((figure) => {
    const { comparison: peer } = figure;
    return [
      String(figure.item),
      figure.name,
      `${formatNumber(figure.value)} ${figure.unit}`,
      peer ? `${peer.name} ${formatNumber(peer.value)} ${figure.unit}` : '-',
      // A ratio over a zero (no covered files dead-lettered) has no finite value to print.
      peer && Number.isFinite(peer.ratio) ? `${peer.ratio.toFixed(2)}× ${peer.ratioOf}` : '-',
      figure.target?.text ?? '-',
      verdict(figure),
      figure.runs,
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The whole report as printed: machine, run counts, table, notes. */
export function formatReport(results: BenchResults): string {
  const { machine, settings } = results;
  const passed = results.figures.filter((figure) => figure.target?.met === true).length;
  const targeted = results.figures.filter((figure) => figure.target).length;
  return [
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, ${machine.platform}`,
    `Runs: BENCH_RUNS=${settings.runs} BENCH_WARMUP=${settings.warmup} BENCH_COLD_RUNS=${settings.coldRuns} ` +
      `BENCH_RSS_RUNS=${settings.rssRuns} BENCH_DROPS=${settings.drops}`,
    '',
    formatTable(results.figures),
    '',
    ...results.notes.map((note) => `- ${note}`),
    '',
    `${passed} of ${targeted} targets met; wall time ${results.wallSeconds.toFixed(0)} s.`,
  ].join('\n');
}

export function writeResults(path: string, results: BenchResults): void {
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
