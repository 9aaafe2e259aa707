import type { TrialRecord } from './trial.js';

export type PrunerKind = 'median' | 'successive_halving' | 'none';

/** What a running trial's pruner knows: the finished trials it may compare with (fixed when the trial starts). */
export interface PruneContext {
  kind: PrunerKind;
  /** Validation-loss curves of the finished complete trials it may see. */
  complete: number[][];
  /** Curves of every finished trial (complete and pruned): successive halving ranks all of them at a rung. */
  all: number[][];
}

/** Optuna's MedianPruner defaults: no pruning before 5 complete trials; compare from step 1. */
export const MEDIAN_STARTUP_TRIALS = 5;
/** Optuna's SuccessiveHalvingPruner default reduction factor. */
export const HALVING_FACTOR = 4;

/** The context for a trial from the finished trials visible to it. Curves only; params do not matter. */
export function pruneContext(kind: PrunerKind, visible: readonly TrialRecord[]): PruneContext {
  return {
    kind,
    complete: visible.filter((t) => t.state === 'complete').map((t) => t.intermediate),
    all: visible.filter((t) => t.state !== 'failed').map((t) => t.intermediate),
  };
}

/**
 * Whether to stop a trial after `step` (1-based) given its validation losses so far (lower is
 * better, whatever the tune metric). Median: stop when the trial's best loss so far is worse than
 * the median of the complete trials' losses at that step. Successive halving: at rungs
 * r·4^k (r = max(1, ⌊longest complete curve / 100⌋), as Optuna's min_resource 'auto'), continue
 * only when in the best quarter of the finished trials that reached the rung.
 */
export function shouldPrune(ctx: PruneContext, step: number, curve: readonly number[]): boolean {
  if (ctx.kind === 'median') return medianPrune(ctx, step, curve);
  if (ctx.kind === 'successive_halving') return halvingPrune(ctx, step, curve);
  return false;
}

function medianPrune(ctx: PruneContext, step: number, curve: readonly number[]): boolean {
  if (ctx.complete.length < MEDIAN_STARTUP_TRIALS) return false;
  const atStep = ctx.complete.filter((c) => c.length >= step).map((c) => c[step - 1]);
  if (atStep.length === 0) return false;
  const best = Math.min(...curve.slice(0, step));
  return best > median(atStep);
}

function halvingPrune(ctx: PruneContext, step: number, curve: readonly number[]): boolean {
  if (ctx.complete.length === 0) return false;
  const minResource = Math.max(1, Math.floor(Math.max(...ctx.complete.map((c) => c.length)) / 100));
  if (!isRung(step, minResource)) return false;
  const value = curve[step - 1];
  const competing = [...ctx.all.filter((c) => c.length >= step).map((c) => c[step - 1]), value].sort((a, b) => a - b);
  const keep = Math.max(0, Math.floor(competing.length / HALVING_FACTOR) - 1);
  return value > competing[keep];
}

function isRung(step: number, minResource: number): boolean {
  for (let r = minResource; r <= step; r *= HALVING_FACTOR) if (r === step) return true;
  return false;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
