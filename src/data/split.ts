import { DataError } from '../errors.js';
import { Rng } from '../rng.js';

export interface SplitOptions {
  /** Fraction of rows for the test set, in (0, 1). */
  test: number;
  seed: number;
  /** Class index per row: split each class in proportion. */
  strata?: ArrayLike<number>;
  /** For error messages. */
  file?: string;
}

export interface Split {
  train: Uint32Array;
  test: Uint32Array;
}

/** Rows of each stratum, strata in ascending order so the draw order never depends on Map iteration quirks. */
function groupRows(rowCount: number, strata?: ArrayLike<number>): Uint32Array[] {
  if (strata === undefined) {
    const all = new Uint32Array(rowCount);
    for (let i = 0; i < rowCount; i++) all[i] = i;
    return [all];
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < rowCount; i++) {
    const s = strata[i];
    let rows = groups.get(s);
    if (rows === undefined) groups.set(s, (rows = []));
    rows.push(i);
  }
  return [...groups.keys()].sort((a, b) => a - b).map((k) => Uint32Array.from(groups.get(k) as number[]));
}

/** Test rows for a stratum of n: the fraction, rounded; with strata, at least one each side when n ≥ 2. */
function testCount(n: number, fraction: number, stratified: boolean): number {
  const k = Math.round(n * fraction);
  if (!stratified || n < 2) return stratified ? 0 : k;
  return Math.min(n - 1, Math.max(1, k));
}

/**
 * Splits rows 0..rowCount-1 into train and test, reproducibly for a seed (same inputs, same
 * split, bit for bit). With `strata`, each class is shuffled and split on its own so both
 * sets keep the class proportions. Both index sets come back sorted ascending.
 */
export function splitRows(rowCount: number, opts: SplitOptions): Split {
  const file = opts.file ?? '';
  if (!(opts.test > 0 && opts.test < 1)) {
    throw new DataError(`split.test must be in (0, 1), got ${opts.test}`, { file, rule: 'split' });
  }
  if (opts.strata !== undefined && opts.strata.length !== rowCount) {
    throw new DataError(`split strata has ${opts.strata.length} values for ${rowCount} rows`, { file, rule: 'split' });
  }
  const rng = new Rng(opts.seed);
  // Which rows are test rows; both lists then come from one ascending scan, sorted without a sort.
  const isTest = new Uint8Array(rowCount);
  let testRows = 0;
  for (const rows of groupRows(rowCount, opts.strata)) {
    rng.shuffle(rows);
    const k = testCount(rows.length, opts.test, opts.strata !== undefined);
    for (let i = 0; i < k; i++) isTest[rows[i]] = 1;
    testRows += k;
  }
  const trainRows = rowCount - testRows;
  if (trainRows === 0 || testRows === 0) {
    throw new DataError(`${file ? `${file}: ` : ''}splitting ${rowCount} row(s) with test ${opts.test} leaves ${trainRows} for training and ${testRows} for testing`, {
      file, rule: 'split', hint: 'Use more data, or change data.split.test so both sets get rows.',
    });
  }
  const train = new Uint32Array(trainRows);
  const test = new Uint32Array(testRows);
  for (let row = 0, a = 0, b = 0; row < rowCount; row++) {
    if (isTest[row] === 1) test[b++] = row;
    else train[a++] = row;
  }
  return { train, test };
}

/**
 * Holds out `fraction` of the given training rows for validation (early stopping), the same
 * way as splitRows; `strata` is per row of the full table. Returns row indices of the full table.
 */
export function validationSplit(
  train: Uint32Array,
  opts: { fraction: number; seed: number; strata?: ArrayLike<number>; file?: string },
): { train: Uint32Array; validation: Uint32Array } {
  const strata = opts.strata === undefined ? undefined : Float64Array.from(train, (row) => opts.strata![row]);
  const split = splitRows(train.length, { test: opts.fraction, seed: opts.seed, strata, file: opts.file });
  return { train: split.train.map((i) => train[i]), validation: split.test.map((i) => train[i]) };
}
