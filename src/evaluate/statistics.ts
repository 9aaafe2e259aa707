/**
 * Small numeric building blocks shared by the metric files: compensated sums (so our means agree
 * with numpy's pairwise sums to ~1e-15 rather than drifting with n) and numpy-style quantiles.
 */

/** Neumaier-compensated sum of `values[i] * (weights?.[i] ?? 1)`. */
export function compensatedSum(values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const x = weights === undefined ? values[i] : values[i] * weights[i];
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/** Arithmetic mean; NaN for an empty array. */
export function mean(values: ArrayLike<number>): number {
  return values.length === 0 ? NaN : compensatedSum(values) / values.length;
}

/**
 * Quantile `q` in [0, 1] of an ascending-sorted array, with numpy's default ('linear')
 * interpolation: position q·(n−1) between the two nearest order statistics. NaN when empty.
 */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = q * (n - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, n - 1);
  const fraction = position - lower;
  // numpy's lerp form, which is exact at both ends.
  const a = sorted[lower];
  const b = sorted[upper];
  return fraction >= 0.5 ? b - (b - a) * (1 - fraction) : a + (b - a) * fraction;
}
