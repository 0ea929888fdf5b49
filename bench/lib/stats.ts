/** Order statistics over samples. Nearest-rank percentiles: no interpolation, so p99 of 100 samples is a real sample. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export function mean(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('mean of no samples');
  return samples.reduce((s, x) => s + x, 0) / samples.length;
}

/** Rounds for display and JSON, keeping 3 significant decimals for small numbers. */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
