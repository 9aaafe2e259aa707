import { validationSplit } from '../data/split.js';
import { Rng } from '../rng.js';

/** Row indices (into the training rows) of one fold: train on `train`, score on `valid`. */
export interface FoldRows {
  train: Uint32Array;
  valid: Uint32Array;
}

/**
 * How trials are scored, from the training rows only (the test rows never reach the tuner):
 * one seeded validation split of `validationFraction`, or with `cv` k folds where each row is
 * validated once. Stratified by class when `strata` is given. Deterministic for a seed.
 */
export function foldRows(rows: number, opts: { cv?: number; validationFraction: number; seed: number; strata?: ArrayLike<number> }): FoldRows[] {
  if (opts.cv === undefined) {
    const all = Uint32Array.from({ length: rows }, (_, i) => i);
    const split = validationSplit(all, { fraction: opts.validationFraction, seed: opts.seed, strata: opts.strata });
    return [{ train: split.train, valid: split.validation }];
  }
  const k = opts.cv;
  // Deal each stratum's shuffled rows round-robin onto the folds, so every fold keeps the class mix.
  const foldOf = new Uint32Array(rows);
  const rng = new Rng(opts.seed);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < rows; i++) {
    const s = opts.strata === undefined ? 0 : opts.strata[i];
    if (!groups.has(s)) groups.set(s, []);
    (groups.get(s) as number[]).push(i);
  }
  let next = 0;
  for (const s of [...groups.keys()].sort((a, b) => a - b)) {
    const members = rng.shuffle(Uint32Array.from(groups.get(s) as number[]));
    for (const r of members) foldOf[r] = next++ % k;
  }
  const folds: FoldRows[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const valid: number[] = [];
    for (let i = 0; i < rows; i++) (foldOf[i] === f ? valid : train).push(i);
    folds.push({ train: Uint32Array.from(train), valid: Uint32Array.from(valid) });
  }
  return folds;
}

