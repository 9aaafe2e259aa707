import type { TableEngine } from '../data/table-engine.js';
import { takeRows } from '../data/table.js';
import type { OutputReading } from '../evaluate/evaluation.js';
import { PipePilotError } from '../errors.js';
import { fitPreprocessor, transformTable } from '../features/preprocessor.js';
import { gbdtColumns } from '../model/gbdt/train-gbdt.js';
import type { DataSource, Files, Logger } from '../ports.js';
import { loadSpec } from '../spec/load-spec.js';
import type { LoadedPipeline, ModelSpec } from '../spec/types.js';
import { foldRows } from '../tune/folds.js';
import { modelTrainer } from '../tune/model-trainer.js';
import { runTrial, type Fold, type TrialTask } from '../tune/objective.js';
import { planStudy, runStudy, shardTrials, type StudyPlan } from '../tune/study.js';
import type { TrialRecord } from '../tune/trial.js';
import { prepareRows, type PreparedRows } from './prepare-rows.js';
import { readDataTable } from './read-data.js';
import { repoDataSource } from './run-pipeline.js';

/** Everything a worker needs to run trials: plain data, so it crosses a worker_threads boundary. */
export interface TrialSetup {
  folds: Fold[];
  model: ModelSpec;
  classCount: number;
  metric: string;
  reading: OutputReading;
}

/** Runs one group's trials and reports each as it finishes; the shell's worker pool, or inline. */
export type TrialExecutor = (tasks: TrialTask[], onTrial: (t: TrialRecord) => void) => Promise<void>;

export interface TuneDeps {
  files: Files;
  /** Where the data set comes from, as for `run` (a URL, S3, DVC, or the repository); default: repository files only. */
  data?: DataSource;
  /** What reads the data file (the shell's DuckDB engine); default: the JS readers. */
  engine?: TableEngine;
  log: Logger;
  /** Milliseconds, for trial durations. */
  now: () => number;
  /** Builds the executor once the folds exist (the shell starts its workers with the setup). */
  executor: (setup: TrialSetup) => Promise<TrialExecutor & { close?: () => Promise<void> }>;
}

export interface TuneRequest {
  pipelinePath: string;
  /** Overrides tune.trials. */
  trials?: number;
  shard?: { index: number; count: number };
  /** Trials already on disk (--resume): skipped, and conditioned on. */
  finished: readonly TrialRecord[];
  onTrial: (t: TrialRecord) => void;
  shouldStop: () => boolean;
}

export interface TuneResult {
  pipeline: LoadedPipeline;
  plan: StudyPlan;
  trials: TrialRecord[];
  /** True when a timeout or a signal ended the study before every trial ran. */
  stopped: boolean;
  numbers: number[];
}

/**
 * A study over the pipeline's `tune:` section: the training rows (never the test rows) are
 * split into the validation split or the cv folds, each fold gets a preprocessor fitted on its
 * own training part (as a run fits on the training rows), and the trials run group by group.
 */
export async function tunePipeline(deps: TuneDeps, req: TuneRequest): Promise<TuneResult> {
  const pipeline = await loadTunedPipeline(deps.files, req.pipelinePath);
  const tune = pipeline.spec.tune!;
  for (const w of pipeline.warnings ?? []) deps.log.warn(`${w.file}:${w.line}:${w.col}: ${w.message}`);
  if (pipeline.spec.data.stream === true) {
    // Trials refit on resampled folds of the training rows, which a pass over row groups cannot give.
    deps.log.warn(`${pipeline.file}: data.stream applies to pipepilot run only: tune reads the table into memory and splits it as a run without data.stream does (tune on a sample of a file too big for memory)`);
  }
  const plan = planStudy(tune, { trials: req.trials });
  const { rows, setup } = await prepareTrialSetup(deps.data ?? repoDataSource(deps.files), pipeline, deps.engine);
  deps.log.info(`tune: ${plan.sampler}, ${plan.trials} trials, ${setup.folds.length === 1 ? `validation split ${tune.validation_fraction}` : `${setup.folds.length}-fold cv`} of ${rows.trainTable.rowCount} training rows (test rows held out)`);
  const numbers = shardTrials(plan, req.shard);
  const execute = await deps.executor(setup);
  try {
    const { trials, stopped } = await runStudy({ plan, numbers, finished: req.finished, execute, onTrial: req.onTrial, shouldStop: req.shouldStop });
    return { pipeline, plan, trials, stopped, numbers };
  } finally {
    await execute.close?.();
  }
}

/** The pipeline, which must have a tune section. */
export async function loadTunedPipeline(files: Files, pipelinePath: string): Promise<LoadedPipeline> {
  const pipeline = loadSpec(await files.readText(pipelinePath), { file: pipelinePath, root: files.root, realpath: (p) => files.realpath(p) });
  if (!pipeline.spec.tune) {
    throw new PipePilotError(`${pipelinePath}: has no tune section`, { hint: 'add tune: {metric, space} (docs/pipeline.md#tune)' });
  }
  return pipeline;
}

/** The training rows and the folds trials are scored on (also what `npm run bench -- tune` hands Optuna). */
export async function prepareTrialSetup(data: DataSource, pipeline: LoadedPipeline, engine?: TableEngine): Promise<{ rows: PreparedRows; setup: TrialSetup }> {
  const rows = await readRows(data, pipeline, engine);
  return { rows, setup: trialSetup(pipeline, rows) };
}

/** The data set through the same DataSource port `run` reads it with, so remote and DVC sources (and their pins) work alike. */
async function readRows(data: DataSource, pipeline: LoadedPipeline, engine?: TableEngine): Promise<PreparedRows> {
  const { spec } = pipeline;
  const { table } = await readDataTable(data, spec, engine);
  return prepareRows(spec, table);
}

function trialSetup(pipeline: LoadedPipeline, rows: PreparedRows): TrialSetup {
  const { spec } = pipeline;
  const tune = spec.tune!;
  const task = spec.model.task;
  const strata = task === 'regression' ? undefined : rows.yTrain;
  const target = { name: rows.schema.target, task, classes: rows.classes, threshold: spec.evaluate.threshold };
  const folds = foldRows(rows.trainTable.rowCount, { cv: tune.cv, validationFraction: tune.validation_fraction, seed: tune.seed, strata }).map((f) => {
    const trainTable = takeRows(rows.trainTable, f.train);
    // Messages name rows as in the data file: fold rows → train rows → data rows.
    const origin = (idx: Uint32Array) => ({ file: spec.data.source, sourceRows: idx.map((i) => rows.trainSourceRows[i]) });
    const pre = fitPreprocessor({ table: trainTable, features: rows.schema, spec: spec.preprocess, target, origin: origin(f.train) });
    const pick = (idx: Uint32Array) => Float64Array.from(idx, (i) => rows.yTrain[i]);
    return {
      train: { ...transformTable(pre, trainTable, origin(f.train)), y: pick(f.train) },
      valid: { ...transformTable(pre, takeRows(rows.trainTable, f.valid), origin(f.valid)), y: pick(f.valid) },
      columns: gbdtColumns(pre),
    };
  });
  return {
    folds,
    model: spec.model,
    classCount: task === 'regression' ? 1 : rows.classes.length,
    metric: tune.metric,
    reading: { task, classes: rows.classes, threshold: spec.evaluate.threshold },
  };
}

/** Runs trials in this thread, one after another, yielding between trials so signals get through. */
export function inlineExecutor(setup: TrialSetup, now: () => number, shouldStop: () => boolean = () => false): TrialExecutor {
  const ctx = { ...setup, trainer: modelTrainer(setup.model, setup.classCount), now };
  return async (tasks, onTrial) => {
    for (const task of tasks) {
      if (shouldStop()) return;
      onTrial(runTrial(task, ctx));
      await new Promise((r) => setImmediate(r));
    }
  };
}
