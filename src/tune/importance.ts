import { toInternal, type ParamDef } from './space.js';
import type { TrialRecord } from './trial.js';

/** Bins per numeric param: few trials spread over more bins say nothing. */
const NUMERIC_BINS = 4;

/**
 * Each param's share of the objective's variance explained by its main effect, over the
 * complete trials: the variance of the per-bin means (bins: each choice, or quantile bins of a
 * numeric param on its own scale) weighted by bin size, over the total variance, normalised to
 * sum to 1. This is the first-order term of fANOVA (Hutter et al., 2014) estimated from binned
 * trials rather than a random forest: cheap, deterministic, and good enough to say which knob
 * mattered. Params never active in two trials get 0. Sorted by importance, ties by name.
 */
export function paramImportance(defs: readonly ParamDef[], trials: readonly TrialRecord[]): { name: string; importance: number }[] {
  const complete = trials.filter((t) => t.state === 'complete' && t.value !== null);
  const raw = defs.map((def) => ({ name: def.name, effect: mainEffect(def, complete) }));
  const total = raw.reduce((s, r) => s + r.effect, 0);
  return raw
    .map((r) => ({ name: r.name, importance: total > 0 ? r.effect / total : 0 }))
    .sort((a, b) => b.importance - a.importance || (a.name < b.name ? -1 : 1));
}

function mainEffect(def: ParamDef, trials: readonly TrialRecord[]): number {
  const withParam = trials.filter((t) => def.name in t.params);
  if (withParam.length < 2) return 0;
  const values = withParam.map((t) => t.value as number);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  if (!(variance > 0)) return 0;
  const keys = withParam.map((t) => binKey(def, t.params[def.name], withParam));
  const bins = new Map<string, number[]>();
  keys.forEach((k, i) => (bins.get(k) ?? bins.set(k, []).get(k)!).push(values[i]));
  let between = 0;
  for (const vs of bins.values()) {
    const m = vs.reduce((a, b) => a + b, 0) / vs.length;
    between += (vs.length / values.length) * (m - mean) ** 2;
  }
  return between / variance;
}

function binKey(def: ParamDef, value: unknown, trials: readonly TrialRecord[]): string {
  const dist = def.dist;
  if (dist.kind === 'choice') return JSON.stringify(value);
  const scaled = trials.map((t) => toInternal(dist, Number(t.params[def.name]))).sort((a, b) => a - b);
  const x = toInternal(dist, Number(value));
  let bin = 0;
  for (let b = 1; b < NUMERIC_BINS; b++) if (x > scaled[Math.floor((b * scaled.length) / NUMERIC_BINS) - 1]) bin = b;
  return String(bin);
}
