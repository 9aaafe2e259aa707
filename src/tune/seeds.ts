import { fmix32 } from '../rng.js';

/**
 * Trial n's seed, from the study seed and n alone, so a trial draws the same values whatever
 * ran before it, on whichever worker or shard. A 32-bit avalanche (murmur3's finaliser) keeps
 * nearby (seed, n) pairs far apart; `stream` separates independent uses within one trial.
 */
export function trialSeed(studySeed: number, trial: number, stream = 0): number {
  let h = fmix32((studySeed ^ Math.floor(studySeed / 2 ** 32)) | 0);
  h = fmix32(h ^ Math.imul(trial + 1, 0x9e3779b1));
  return fmix32(h ^ Math.imul(stream + 1, 0x85ebca77));
}
