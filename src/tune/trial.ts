import type { TrialParams } from './space.js';

export type TrialState = 'complete' | 'pruned' | 'failed';

/** One finished trial, as written to trials.jsonl. */
export interface TrialRecord {
  number: number;
  params: TrialParams;
  /** The objective (tune.metric on the validation rows, mean over folds); null unless complete. */
  value: number | null;
  state: TrialState;
  /** Wall time of the trial; the only field that differs between two runs of the same study. */
  duration_ms: number;
  /** The step (epoch) at which the pruner stopped it. */
  pruned_at?: number;
  /** The trainer's validation loss per step (first fold), what the pruner compares. */
  intermediate: number[];
  /** Why a failed trial failed (a diverged training, for example). */
  error?: string;
}

export type Direction = 'maximize' | 'minimize';

/** Whether a is a better objective value than b. */
export function better(a: number, b: number, direction: Direction): boolean {
  return direction === 'maximize' ? a > b : a < b;
}

/** The best complete trial (ties: the lower number), or undefined when none completed. */
export function bestTrial(trials: readonly TrialRecord[], direction: Direction): TrialRecord | undefined {
  let best: TrialRecord | undefined;
  for (const t of [...trials].sort((a, b) => a.number - b.number)) {
    if (t.state !== 'complete' || t.value === null) continue;
    if (best === undefined || better(t.value, best.value as number, direction)) best = t;
  }
  return best;
}
