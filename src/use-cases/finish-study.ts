import type { TableEngine } from '../data/table-engine.js';
import type { Clock, DataSource, Files, Logger } from '../ports.js';
import { buildTuneReport, type TuneReportInput } from '../report/tune-report.js';
import type { LoadedPipeline } from '../spec/types.js';
import { paramImportance } from '../tune/importance.js';
import type { StudyPlan } from '../tune/study.js';
import { bestTrial, type TrialRecord } from '../tune/trial.js';
import { runPipeline, type RunResult } from './run-pipeline.js';

export interface FinishStudyDeps {
  files: Files;
  data?: DataSource;
  /** What reads the data file, as for `run`; default: the JS readers. */
  engine?: TableEngine;
  log: Logger;
  clock: Clock;
}

export interface FinishStudyRequest {
  pipeline: LoadedPipeline;
  plan: StudyPlan;
  trials: TrialRecord[];
  /** The tfjs backend the shell initialised, and why. */
  backend: { name: string; reason: string };
  codeVersion: string;
  /** What shards conditioned on (merged TPE studies). */
  note?: string;
}

export interface FinishedStudy {
  best?: TrialRecord;
  /** The best params trained on all the training rows and gated on the test rows. */
  winner?: RunResult;
  /** report.md, every trial listed. */
  report: string;
  /** What the report was built from: a pull request body shows the same study with its top trials only. */
  reportInput: TuneReportInput;
}

/**
 * The end of a whole study (unsharded, merged, or in the action): the best trial's params
 * trained on all the training rows and evaluated on the test rows with the usual metrics and
 * gates (runPipeline, through the same data source as the trials), and the study's report.
 * Writing anything is the caller's job.
 */
export async function finishStudy(deps: FinishStudyDeps, req: FinishStudyRequest): Promise<FinishedStudy> {
  const { spec } = req.pipeline;
  const tune = spec.tune!;
  const best = bestTrial(req.trials, req.plan.direction);
  const winner = best
    ? await runPipeline(deps, { pipelinePath: req.pipeline.file, backend: req.backend, codeVersion: req.codeVersion, params: best.params })
    : undefined;
  const reportInput: TuneReportInput = {
    pipeline: { name: spec.name, file: req.pipeline.file },
    metric: req.plan.metric,
    direction: req.plan.direction,
    sampler: req.plan.sampler,
    pruner: req.plan.pruner,
    objective: tune.cv ? `${tune.cv}-fold cv` : `validation split ${tune.validation_fraction}`,
    trials: req.trials,
    importance: paramImportance(req.plan.defs, req.trials),
    note: req.note,
    winnerReport: winner?.report,
  };
  return { best, winner, report: buildTuneReport(reportInput), reportInput };
}
