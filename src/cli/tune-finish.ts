import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodeDataSource } from '../fetch/data-source.js';
import { dataEngineFor } from '../engine/data-engine.js';
import { selectBackend } from '../model/backend.js';
import type { LoadedPipeline } from '../spec/types.js';
import type { StudyPlan } from '../tune/study.js';
import type { TrialRecord } from '../tune/trial.js';
import { finishStudy as finishStudyRun, type FinishedStudy } from '../use-cases/finish-study.js';
import { runBundleFiles } from '../use-cases/run-bundle.js';
import type { CliIo } from './cli-io.js';
import { nodeFiles, writeDirectory } from './node-files.js';

export type { FinishedStudy };

/**
 * The CLI's end of a whole study (unsharded, or merged): the winner trained and gated on the
 * test rows (finishStudy), written to DIR/winner/, and DIR/report.md.
 */
export async function finishStudy(
  io: CliIo,
  ctx: { root: string; outDir: string; pipeline: LoadedPipeline; plan: StudyPlan; trials: TrialRecord[]; version: string; info: (s: string) => void; note?: string },
): Promise<FinishedStudy> {
  const files = nodeFiles(ctx.root);
  const backend = await selectBackend(asBackend(io.env.PIPEPILOT_BACKEND));
  const finished = await finishStudyRun(
    { files, data: nodeDataSource({ files, env: io.env }), engine: dataEngineFor(io.env, ctx.info), log: { info: ctx.info, warn: (s) => io.stderr(`warning: ${s}\n`) }, clock: { now: () => performance.now() } },
    { pipeline: ctx.pipeline, plan: ctx.plan, trials: ctx.trials, backend: { name: backend.name, reason: backend.reason }, codeVersion: ctx.version, note: ctx.note },
  );
  if (finished.winner) await writeDirectory(join(resolve(ctx.outDir), 'winner'), runBundleFiles(finished.winner));
  writeFileSync(join(ctx.outDir, 'report.md'), finished.report);
  return finished;
}

function asBackend(name: string | undefined): 'tensorflow' | 'wasm' | 'cpu' | undefined {
  return name === 'tensorflow' || name === 'wasm' || name === 'cpu' ? name : undefined;
}
