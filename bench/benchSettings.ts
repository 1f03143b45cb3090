/** How many times each figure is measured; every count can be set from the environment. */
export interface BenchSettings {
  /**
   * Timed rounds of the per-record cost (item 2); item 1, whose call counts never vary, runs a sixth as many
   * (at least 3). `BENCH_RUNS`, @default 60
   */
  readonly runs: number;
  /** Untimed rounds first, so the JIT and the key cache are warm. `BENCH_WARMUP`, @default 5 */
  readonly warmup: number;
  /** Fresh `node` processes per cold-start variant. `BENCH_COLD_RUNS`, @default 50 */
  readonly coldRuns: number;
  /** Fresh processes for the peak-RSS figure. `BENCH_RSS_RUNS`, @default 3 */
  readonly rssRuns: number;
  /** Object drops timed end to end on moto. `BENCH_DROPS`, @default 50 */
  readonly drops: number;
}

const DEFAULTS: BenchSettings = { runs: 60, warmup: 5, coldRuns: 50, rssRuns: 3, drops: 50 };

const VARIABLES: Record<keyof BenchSettings, string> = {
  runs: 'BENCH_RUNS',
  warmup: 'BENCH_WARMUP',
  coldRuns: 'BENCH_COLD_RUNS',
  rssRuns: 'BENCH_RSS_RUNS',
  drops: 'BENCH_DROPS',
};

/** Reads the counts; throws naming every variable that is not a positive whole number (warm-up may be 0). */
export function benchSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): BenchSettings {
  const problems: string[] = [];
  const settings = { ...DEFAULTS };
  for (const [field, name] of Object.entries(VARIABLES) as [keyof BenchSettings, string][]) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    const least = field === 'warmup' ? 0 : 1;
    if (!Number.isInteger(value) || value < least) problems.push(`${name} must be a whole number ≥ ${least}`);
    settings[field] = value;
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  return settings;
}
