// Ascending numeric values and their quantiles: shared by the feature schema, reference statistics and the preprocessor.

import type { Table } from './table.js';

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
  return sortFloat64(present.subarray(0, n));
}

/**
 * sortedPresent of each named numeric column of `table` (others are left out): sorted once and
 * shared by the preprocessor's fill and the reference statistics, which both need the training
 * columns in order (on 2.4M rows a sort is ~0.2 s a column). Read them, do not modify them.
 */
export function sortedPresentColumns(table: Table, names: readonly string[]): Map<string, Float64Array> {
  const sorted = new Map<string, Float64Array>();
  for (const name of names) {
    const column = table.columns.get(name);
    if (column?.kind === 'numeric') sorted.set(name, sortedPresent(column.values));
  }
  return sorted;
}

/** Below this many values the built-in sort is as fast as the radix passes. */
const RADIX_MIN = 4096;
const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
/** (word, shift, mask) of each 11-bit digit of a 64-bit key, least significant first: 11 + 11 + 10 bits per 32-bit word. */
const DIGITS: readonly [number, number, number][] = [[0, 0, 2047], [0, 11, 2047], [0, 22, 1023], [1, 0, 2047], [1, 11, 2047], [1, 22, 1023]];

/**
 * Sorts float64 values (no NaN) ascending in place, in exactly the order of the built-in
 * `Float64Array.prototype.sort()` (−0 before +0), by an LSD radix sort on their bits: six passes
 * of at most 11 bits, skipping a pass whose digit every value shares (the sign and exponent bits
 * of a column often are). Why by hand: the built-in sort compares, O(n log n), and the reference
 * statistics, the feature schema and the preprocessor sort every numeric column of the training
 * rows — on 2.4M rows that was the largest cost of `run` after the bootstrap.
 */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < RADIX_MIN) return values.sort();
  const counts = new Uint32Array(BUCKETS * DIGITS.length);
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  for (let i = 0; i < n; i++) {
    const lo = words[2 * i];
    const hi = words[2 * i + 1];
    // Sortable as unsigned: a positive value's sign bit set, a negative one's bits all flipped.
    const flip = -(hi >>> 31) | 0;
    const kLo = (lo ^ flip) >>> 0;
    const kHi = (hi ^ (flip | 0x80000000)) >>> 0;
    counts[kLo & 2047]++;
    counts[BUCKETS + ((kLo >>> 11) & 2047)]++;
    counts[2 * BUCKETS + (kLo >>> 22)]++;
    counts[3 * BUCKETS + (kHi & 2047)]++;
    counts[4 * BUCKETS + ((kHi >>> 11) & 2047)]++;
    counts[5 * BUCKETS + (kHi >>> 22)]++;
  }
  let from: Float64Array = values;
  let to: Float64Array = new Float64Array(n);
  for (let d = 0; d < DIGITS.length; d++) {
    const base = d * BUCKETS;
    let at = 0;
    let shared = false;
    for (let b = base; b < base + BUCKETS; b++) {
      const c = counts[b];
      if (c === n) shared = true;
      counts[b] = at;
      at += c;
    }
    if (shared) continue;
    const [word, shift, mask] = DIGITS[d];
    const fromWords = new Uint32Array(from.buffer, from.byteOffset, n * 2);
    for (let i = 0; i < n; i++) {
      const hi = fromWords[2 * i + 1];
      const flip = -(hi >>> 31) | 0;
      const key = word === 0 ? fromWords[2 * i] ^ flip : hi ^ (flip | 0x80000000);
      to[counts[base + ((key >>> shift) & mask)]++] = from[i];
    }
    [from, to] = [to, from];
  }
  if (from !== values) values.set(from);
  return values;
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
