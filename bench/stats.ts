/** The value at quantile `q` (0..1) of the samples, nearest-rank: always one of the measured values. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** The median of the samples (nearest-rank, so a measured value rather than an average of two). */
export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

/** Milliseconds taken by `work`, on the monotonic clock. */
export async function timeMs(work: () => Promise<unknown> | unknown): Promise<number> {
  const startedAt = performance.now();
  await work();
  return performance.now() - startedAt;
}

/** Rotates `items` by `round`, so interleaved measurements take turns going first. */
export function rotate<T>(items: readonly T[], round: number): T[] {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
