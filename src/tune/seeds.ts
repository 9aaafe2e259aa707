/**
 * Trial n's seed, from the study seed and n alone, so a trial draws the same values whatever
 * ran before it, on whichever worker or shard. A 32-bit avalanche (murmur3's finaliser) keeps
 * nearby (seed, n) pairs far apart; `stream` separates independent uses within one trial.
 */
export function trialSeed(studySeed: number, trial: number, stream = 0): number {
  let h = mix((studySeed ^ Math.floor(studySeed / 2 ** 32)) | 0);
  h = mix(h ^ Math.imul(trial + 1, 0x9e3779b1));
  return mix(h ^ Math.imul(stream + 1, 0x85ebca77));
}

function mix(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
