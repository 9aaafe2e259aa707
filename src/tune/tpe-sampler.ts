import type { Rng } from '../rng.js';
import { CategoricalParzen, NumericParzen } from './parzen.js';
import { sampleUniform } from './random-sampler.js';
import { choiceIndex, fromInternal, internalBounds, isActive, toInternal, type Distribution, type ParamDef, type TrialParams } from './space.js';
import type { Direction, TrialRecord } from './trial.js';

/** Optuna's TPESampler defaults. */
export const TPE_DEFAULTS = { startupTrials: 10, eiCandidates: 24 } as const;

/** Optuna's default gamma: the "good" group is the best 10 %, at most 25 trials. */
export function gammaCount(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/**
 * Tree-structured Parzen Estimator (Bergstra et al., 2011), univariate like Optuna's default:
 * until 10 trials have finished, params are drawn uniformly; then for each param the finished
 * trials are split into the best gamma(n) (l) and the rest (g), a Parzen estimator is fitted to
 * each, 24 candidates are drawn from l, and the one maximising log l(x) − log g(x) (the expected
 * improvement's ordering) is taken. Pruned trials count as worse than every complete one (those
 * stopped later ranking better), as in Optuna. Conditional params learn from the trials where
 * they were active. Pure: the history and the trial's Rng in, params out.
 */
export function sampleTpeTrial(defs: readonly ParamDef[], history: readonly TrialRecord[], direction: Direction, rng: Rng): TrialParams {
  const ranked = rankTrials(history, direction);
  const out: TrialParams = {};
  for (const def of defs) {
    if (!isActive(def, out)) continue;
    out[def.name] = ranked.length < TPE_DEFAULTS.startupTrials ? sampleUniform(def.dist, rng) : sampleParam(def, ranked, rng);
  }
  return out;
}

/** Complete trials best first, then pruned ones (later pruning first), in trial order within ties. */
function rankTrials(history: readonly TrialRecord[], direction: Direction): TrialRecord[] {
  const sign = direction === 'maximize' ? -1 : 1;
  const complete = history.filter((t) => t.state === 'complete' && t.value !== null);
  const pruned = history.filter((t) => t.state === 'pruned');
  complete.sort((a, b) => sign * ((a.value as number) - (b.value as number)) || a.number - b.number);
  const lastValue = (t: TrialRecord) => t.intermediate[t.intermediate.length - 1] ?? Infinity;
  pruned.sort((a, b) => (b.pruned_at ?? 0) - (a.pruned_at ?? 0) || lastValue(a) - lastValue(b) || a.number - b.number);
  return [...complete, ...pruned];
}

function sampleParam(def: ParamDef, ranked: readonly TrialRecord[], rng: Rng): unknown {
  const nBelow = gammaCount(ranked.length);
  // Observations in trial order, so the weights' ramp favours recent trials as Optuna's does.
  const observe = (group: readonly TrialRecord[]) =>
    [...group].filter((t) => def.name in t.params).sort((a, b) => a.number - b.number).map((t) => t.params[def.name]);
  const below = observe(ranked.slice(0, nBelow));
  const above = observe(ranked.slice(nBelow));
  return def.dist.kind === 'choice' ? sampleChoice(def.dist, below, above, rng) : sampleNumeric(def.dist, below, above, rng);
}

function sampleNumeric(dist: Extract<Distribution, { kind: 'float' | 'int' }>, below: unknown[], above: unknown[], rng: Rng): number {
  const [low, high] = internalBounds(dist);
  const internal = (vs: unknown[]) => vs.map((v) => toInternal(dist, Number(v)));
  const l = new NumericParzen(internal(below), low, high);
  const g = new NumericParzen(internal(above), low, high);
  let best: number | undefined;
  let bestScore = -Infinity;
  for (let i = 0; i < TPE_DEFAULTS.eiCandidates; i++) {
    const value = fromInternal(dist, l.sample(rng));
    const bin = dist.kind === 'int' ? intBin(dist, value) : undefined;
    const x = toInternal(dist, value);
    const score = l.logPdf(x, bin) - g.logPdf(x, bin);
    if (score > bestScore || best === undefined) [best, bestScore] = [value, score];
  }
  return best as number;
}

/** The internal-scale interval an integer stands for: [v − ½, v + ½], on the log scale for log ranges. */
function intBin(dist: Extract<Distribution, { kind: 'int' }>, v: number): [number, number] {
  return dist.log ? [Math.log(Math.max(v - 0.5, v / 2)), Math.log(v + 0.5)] : [v - 0.5, v + 0.5];
}

function sampleChoice(dist: Extract<Distribution, { kind: 'choice' }>, below: unknown[], above: unknown[], rng: Rng): unknown {
  const k = dist.choices.length;
  const idx = (vs: unknown[]) => vs.map((v) => choiceIndex(dist.choices, v)).filter((i) => i >= 0);
  const l = new CategoricalParzen(idx(below), k);
  const g = new CategoricalParzen(idx(above), k);
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < TPE_DEFAULTS.eiCandidates; i++) {
    const c = l.sample(rng);
    const score = l.logPdf(c) - g.logPdf(c);
    if (best < 0 || score > bestScore) [best, bestScore] = [c, score];
  }
  return dist.choices[best];
}
