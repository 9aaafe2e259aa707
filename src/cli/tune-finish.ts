import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodeDataSource } from '../fetch/data-source.js';
import { selectBackend } from '../model/backend.js';
import { buildTuneReport } from '../report/tune-report.js';
import type { LoadedPipeline } from '../spec/types.js';
import { paramImportance } from '../tune/importance.js';
import type { StudyPlan } from '../tune/study.js';
import { bestTrial, type TrialRecord } from '../tune/trial.js';
import { runBundleFiles } from '../use-cases/run-bundle.js';
import { runPipeline, type RunResult } from '../use-cases/run-pipeline.js';
import type { CliIo } from './cli-io.js';
import { nodeFiles, writeDirectory } from './node-files.js';

export interface FinishedStudy {
  best?: TrialRecord;
  winner?: RunResult;
  report: string;
}

/**
 * The end of a whole study (unsharded, or merged): the best trial's params trained on all the
 * training rows and evaluated on the test rows with the usual metrics and gates (runPipeline),
 * written to DIR/winner/, and DIR/report.md with the trials, importance and history.
 */
export async function finishStudy(
  io: CliIo,
  ctx: { root: string; outDir: string; pipeline: LoadedPipeline; plan: StudyPlan; trials: TrialRecord[]; version: string; info: (s: string) => void; note?: string },
): Promise<FinishedStudy> {
  const { spec } = ctx.pipeline;
  const tune = spec.tune!;
  const best = bestTrial(ctx.trials, ctx.plan.direction);
  let winner: RunResult | undefined;
  if (best) {
    const backend = await selectBackend(asBackend(io.env.PIPEPILOT_BACKEND));
    winner = await runPipeline(
      { files: nodeFiles(ctx.root), data: nodeDataSource({ files: nodeFiles(ctx.root), env: io.env }), log: { info: ctx.info, warn: (s) => io.stderr(`warning: ${s}\n`) }, clock: { now: () => performance.now() } },
      { pipelinePath: ctx.pipeline.file, backend: { name: backend.name, reason: backend.reason }, codeVersion: ctx.version, params: best.params },
    );
    await writeDirectory(join(resolve(ctx.outDir), 'winner'), runBundleFiles(winner));
  }
  const report = buildTuneReport({
    pipeline: { name: spec.name, file: ctx.pipeline.file },
    metric: ctx.plan.metric,
    direction: ctx.plan.direction,
    sampler: ctx.plan.sampler,
    pruner: ctx.plan.pruner,
    objective: tune.cv ? `${tune.cv}-fold cv` : `validation split ${tune.validation_fraction}`,
    trials: ctx.trials,
    importance: paramImportance(ctx.plan.defs, ctx.trials),
    note: ctx.note,
    winnerReport: winner?.report,
  });
  writeFileSync(join(ctx.outDir, 'report.md'), report);
  return { best, winner, report };
}

function asBackend(name: string | undefined): 'tensorflow' | 'wasm' | 'cpu' | undefined {
  return name === 'tensorflow' || name === 'wasm' || name === 'cpu' ? name : undefined;
}
