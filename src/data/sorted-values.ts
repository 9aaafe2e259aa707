// Ascending numeric values and their quantiles: shared by the feature schema, reference statistics and the preprocessor.

/** Quantile q of ascending `sorted` by linear interpolation between closest ranks (numpy's default). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** The present (non-NaN) values, ascending. A plain loop: TypedArray.filter's callback is ~10× slower on millions of rows. */
export function sortedPresent(values: Float64Array): Float64Array {
  const present = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present[n++] = values[i];
  return present.subarray(0, n).sort();
}

/**
 * The median of the present (non-NaN) values: exactly `quantile(sortedPresent(values), 0.5)`,
 * without sorting. A quickselect finds the lower middle value and the minimum of the values
 * above it gives the upper one: O(n) where the sort was O(n log n) and the largest cost of
 * fitting a preprocessor (one sort per numeric column). NaN when no value is present.
 */
export function presentMedian(values: Float64Array): number {
  const present = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present[n++] = values[i];
  if (n === 0) return NaN;
  const pos = (n - 1) * 0.5;
  const lo = Math.floor(pos);
  selectKth(present, n, lo);
  const low = present[lo];
  let high = low;
  if (lo + 1 < n && pos > lo) {
    high = present[lo + 1];
    for (let i = lo + 2; i < n; i++) if (present[i] < high) high = present[i];
  }
  return low + (high - low) * (pos - lo);
}

/**
 * Reorders a[0..n) so that a[k] holds the k-th smallest value, everything before it is <= and
 * everything after it >= (Hoare partitioning around a median of three, which keeps sorted input
 * and runs of equal values linear).
 */
function selectKth(a: Float64Array, n: number, k: number): void {
  let left = 0;
  let right = n - 1;
  while (left < right) {
    const mid = (left + right) >> 1;
    const x = a[left], y = a[mid], z = a[right];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
