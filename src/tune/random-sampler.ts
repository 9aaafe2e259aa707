import type { Rng } from '../rng.js';
import { fromInternal, internalBounds, isActive, type Distribution, type ParamDef, type TrialParams } from './space.js';

/** One value drawn uniformly from a distribution (log ranges uniformly on the log scale). */
export function sampleUniform(dist: Distribution, rng: Rng): unknown {
  if (dist.kind === 'choice') return dist.choices[rng.int(dist.choices.length)];
  const [low, high] = internalBounds(dist);
  return fromInternal(dist, low + (high - low) * rng.next());
}

/** A trial's params drawn independently and uniformly, conditional params only when active. */
export function sampleRandomTrial(defs: readonly ParamDef[], rng: Rng): TrialParams {
  const out: TrialParams = {};
  for (const def of defs) if (isActive(def, out)) out[def.name] = sampleUniform(def.dist, rng);
  return out;
}
