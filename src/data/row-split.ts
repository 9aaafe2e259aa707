import { fmix32 } from '../rng.js';

/**
 * The streaming split (data.stream, issue 10): whether file row `row` is a test row, from a
 * seeded hash of its number alone, so a pass over any row group decides its rows without a
 * shuffle of all rows (which would need every row index in memory). About `fraction` of the
 * rows are test rows (binomial: for n rows the count is within ~3·√(n·f·(1−f)) of n·f); the
 * rows differ from `splitRows`' seeded shuffle, and classes are not stratified.
 *
 * The hash: MurmurHash3's finalizer (fmix32, src/rng.ts) twice over the seed and the row.
 */
export function isTestRow(row: number, seed: number, fraction: number): boolean {
  // fmix32 is a bijection on 32-bit words: distinct rows (below 2³², as every row index here) get distinct hashes.
  const h = fmix32((fmix32((seed ^ 0x9e3779b9) >>> 0) ^ row) >>> 0);
  return h / 0x1_0000_0000 < fraction;
}
