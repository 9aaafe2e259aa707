/**
 * The streaming split (data.stream, issue 10): whether file row `row` is a test row, from a
 * seeded hash of its number alone, so a pass over any row group decides its rows without a
 * shuffle of all rows (which would need every row index in memory). About `fraction` of the
 * rows are test rows (binomial: for n rows the count is within ~3·√(n·f·(1−f)) of n·f); the
 * rows differ from `splitRows`' seeded shuffle, and classes are not stratified.
 *
 * Hand-written: MurmurHash3's 32-bit finalizer (fmix32) twice over the seed and the row, a
 * well-mixed integer hash in a few multiplies, with no library needed for it.
 */
export function isTestRow(row: number, seed: number, fraction: number): boolean {
  // fmix32 is a bijection on 32-bit words: distinct rows (below 2³², as every row index here) get distinct hashes.
  const h = fmix32((fmix32((seed ^ 0x9e3779b9) >>> 0) ^ row) >>> 0);
  return h / 0x1_0000_0000 < fraction;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
