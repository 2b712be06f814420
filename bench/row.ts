/** One line of bench/results.md: a result and, when the issue sets one, its target (0 = none). */
export type Row = { name: string; value: number; unit: string; target: number; better: 'higher' | 'lower' };

/** The p-th percentile (0–100) of samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
