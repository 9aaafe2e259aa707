import { Rng } from '../rng.js';
import type { TuneSpec } from '../spec/types.js';
import { Grid } from './grid-sampler.js';
import type { TrialTask } from './objective.js';
import { pruneContext, type PrunerKind } from './pruner.js';
import { sampleRandomTrial } from './random-sampler.js';
import { trialSeed } from './seeds.js';
import { parseSpace, type ParamDef } from './space.js';
import { sampleTpeTrial } from './tpe-sampler.js';
import type { Direction, TrialRecord } from './trial.js';

export interface StudyPlan {
  defs: ParamDef[];
  sampler: TuneSpec['sampler'];
  direction: Direction;
  metric: string;
  seed: number;
  /** Trials of the whole study (a grid caps it at its size). */
  trials: number;
  parallelism: number;
  pruner: PrunerKind;
  grid?: Grid;
}

/** The study a `tune:` section describes; `trials` overrides tune.trials (the CLI's --trials). */
export function planStudy(tune: TuneSpec, opts: { trials?: number } = {}): StudyPlan {
  const defs = parseSpace(tune.space);
  const grid = tune.sampler === 'grid' ? new Grid(defs, { points: tune.grid_points, seed: tune.seed }) : undefined;
  const wanted = opts.trials ?? tune.trials;
  return {
    defs,
    sampler: tune.sampler,
    direction: tune.direction,
    metric: tune.metric,
    seed: tune.seed,
    trials: grid ? Math.min(wanted, grid.size) : wanted,
    parallelism: tune.parallelism,
    pruner: tune.pruner,
    ...(grid && { grid }),
  };
}

/** Trials are proposed in groups of `parallelism`; trial n may see only trials of earlier groups. */
export function groupStart(plan: StudyPlan, n: number): number {
  return n - (n % plan.parallelism);
}

/**
 * Trial n's params and pruning context. Depends only on the plan, n, and the finished trials
 * numbered below n's group (callers pass what they have; the rest is filtered here), so the
 * same study runs the same trials on 1 worker or 8. Sampler draws come from Rng(trialSeed(seed, n)).
 */
export function proposeTrial(plan: StudyPlan, n: number, finished: readonly TrialRecord[]): TrialTask {
  const visible = finished.filter((t) => t.number < groupStart(plan, n));
  const rng = new Rng(trialSeed(plan.seed, n));
  const params = plan.grid
    ? plan.grid.trial(n)
    : plan.sampler === 'tpe'
      ? sampleTpeTrial(plan.defs, visible, plan.direction, rng)
      : sampleRandomTrial(plan.defs, rng);
  return { number: n, params, prune: pruneContext(plan.pruner, visible) };
}

/** The trial numbers a shard runs: those ≡ index (mod count), below the study's trial count. */
export function shardTrials(plan: StudyPlan, shard: { index: number; count: number } = { index: 0, count: 1 }): number[] {
  const out: number[] = [];
  for (let n = shard.index; n < plan.trials; n += shard.count) out.push(n);
  return out;
}

export interface StudyRun {
  plan: StudyPlan;
  /** Trial numbers to run, ascending; those already in `finished` are skipped (--resume). */
  numbers: readonly number[];
  /** Trials finished before (a resumed study) — also what later groups condition on. */
  finished: readonly TrialRecord[];
  /** Runs one group's trials (in any order, in parallel if it likes); calls onTrial as each finishes. */
  execute: (tasks: TrialTask[], onTrial: (t: TrialRecord) => void) => Promise<void>;
  /** Called for every trial as it finishes (the shell appends it to trials.jsonl). */
  onTrial?: (t: TrialRecord) => void;
  /** Asked before each group: a timeout or a signal ends the study between groups. */
  shouldStop?: () => boolean;
}

/** Runs the study group by group. Returns every finished trial (earlier ones included), by number. */
export async function runStudy(run: StudyRun): Promise<{ trials: TrialRecord[]; stopped: boolean }> {
  const finished = [...run.finished];
  const done = new Set(finished.map((t) => t.number));
  const todo = run.numbers.filter((n) => !done.has(n));
  let stopped = false;
  for (let i = 0; i < todo.length;) {
    if (run.shouldStop?.()) {
      stopped = true;
      break;
    }
    const start = groupStart(run.plan, todo[i]);
    const group: number[] = [];
    while (i < todo.length && groupStart(run.plan, todo[i]) === start) group.push(todo[i++]);
    const tasks = group.map((n) => proposeTrial(run.plan, n, finished));
    await run.execute(tasks, (t) => {
      finished.push(t);
      run.onTrial?.(t);
    });
  }
  return { trials: finished.sort((a, b) => a.number - b.number), stopped };
}
