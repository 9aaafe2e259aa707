import type { TuneSpec } from '../../../src/spec/types.js';
import type { TrialTask } from '../../../src/tune/objective.js';
import { shouldPrune } from '../../../src/tune/pruner.js';
import type { TrialRecord } from '../../../src/tune/trial.js';

export function tuneSpec(over: Partial<TuneSpec>): TuneSpec {
  return {
    metric: 'mse', direction: 'minimize', trials: 20, sampler: 'random', seed: 3,
    validation_fraction: 0.2, pruner: 'none', parallelism: 4, grid_points: 5,
    space: { x: { uniform: [-5, 5] }, kind: { choice: ['a', 'b', 'c'] } },
    ...over,
  };
}

/**
 * A synthetic objective with a known optimum (x = 1.5, kind b), whose "validation loss" curve
 * falls towards the objective over 20 steps, so pruners have something to watch. Not a model:
 * it stands in for the trainer where the study engine, not training, is under test.
 */
export function syntheticTrial(task: TrialTask): TrialRecord {
  const x = Number(task.params.x ?? 0);
  const value = (x - 1.5) ** 2 + (task.params.kind === 'b' ? 0 : 1);
  const curve: number[] = [];
  for (let step = 1; step <= 20; step++) {
    curve.push(value + 5 / step);
    if (shouldPrune(task.prune, step, curve)) {
      return { number: task.number, params: task.params, value: null, state: 'pruned', pruned_at: step, duration_ms: 0, intermediate: curve };
    }
  }
  return { number: task.number, params: task.params, value, state: 'complete', duration_ms: 0, intermediate: curve };
}

/** An executor that runs a group's trials in a scrambled order, as parallel workers finishing at random would. */
export function scrambledExecutor(salt: number) {
  return async (tasks: TrialTask[], onTrial: (t: TrialRecord) => void) => {
    const order = tasks.map((t, i) => ({ t, k: (i * 7 + salt * 13) % (tasks.length + 3) })).sort((a, b) => a.k - b.k);
    for (const { t } of order) onTrial(syntheticTrial(t));
  };
}

export const inOrderExecutor = async (tasks: TrialTask[], onTrial: (t: TrialRecord) => void) => {
  for (const t of tasks) onTrial(syntheticTrial(t));
};

/** What must agree between two runs of one study: everything but the wall time. */
export function comparable(trials: readonly TrialRecord[]) {
  return trials.map(({ duration_ms: _ignored, ...rest }) => rest);
}
