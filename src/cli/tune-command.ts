import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { nodeDataSource } from '../fetch/data-source.js';
import { dataEngineFor } from '../engine/data-engine.js';
import { planStudy } from '../tune/study.js';
import { bestTrial, type TrialRecord } from '../tune/trial.js';
import { inlineExecutor, loadTunedPipeline, tunePipeline, type TrialSetup } from '../use-cases/tune-pipeline.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';
import { findRepoRoot, nodeFiles, toRepoPath } from './node-files.js';
import { appendTrial, keyDifferences, readStudyKey, readTrials, studyKey, writeStudyKey, writeTrials, type StudyKey } from './study-dir.js';
import { proposeParams } from './tune-propose.js';
import { finishStudy } from './tune-finish.js';
import { workerPool } from './tune-workers.js';

export interface TuneOptions {
  pipeline: string;
  version: string;
  trials?: string;
  timeout?: string;
  workers?: string;
  shard?: string;
  out?: string;
  json?: boolean;
  resume?: boolean;
  propose?: boolean;
  quiet?: boolean;
}

/** Exit code of a study stopped by Ctrl-C or SIGTERM (128 + SIGINT), its finished trials on disk. */
export const EXIT_INTERRUPTED = 130;

/** `pipepilot tune <pipeline>`: the study, then (unsharded) the winner on the test rows and report.md. */
export async function tuneCommand(io: CliIo, opts: TuneOptions): Promise<number> {
  const quiet = Boolean(opts.quiet || opts.json);
  const info = (s: string) => quiet || io.stderr(s + '\n');
  const signals = interruptFlag();
  try {
    const root = findRepoRoot(io.cwd);
    const pipelinePath = toRepoPath(root, opts.pipeline, io.cwd);
    const shard = parseShard(opts.shard);
    const trials = positiveInt('--trials', opts.trials);
    const timeoutS = positiveInt('--timeout', opts.timeout);
    const workers = positiveInt('--workers', opts.workers) ?? availableParallelism();
    if (opts.propose && shard.count > 1) throw new UsageError('--propose needs the whole study: run it on `pipepilot tune merge`, not on a shard');
    const files = nodeFiles(root);
    const pipeline = await loadTunedPipeline(files, pipelinePath);
    const suffix = shard.count > 1 ? `-shard-${shard.index}-of-${shard.count}` : '';
    const outDir = resolve(io.cwd, opts.out ?? `.pipepilot/tune/${pipeline.spec.name}${suffix}`);
    const key = studyKey(pipeline, planStudy(pipeline.spec.tune!, { trials }), shard);
    const finished = prepareOutDir(outDir, Boolean(opts.resume), key);
    writeStudyKey(outDir, key);
    const started = performance.now();
    const shouldStop = () => signals.raised || (timeoutS !== undefined && performance.now() - started > timeoutS * 1000);
    let abort: (() => Promise<void>) | undefined;
    signals.onRaise(() => {
      info('interrupted: finishing no more trials; the finished ones are in trials.jsonl (--resume continues)');
      void abort?.();
    });
    const result = await tunePipeline(
      {
        files,
        data: nodeDataSource({ files, env: io.env, warn: (s) => io.stderr(`warning: ${s}\n`) }),
        engine: dataEngineFor(io.env, info),
        log: { info, warn: (s) => io.stderr(`warning: ${s}\n`) },
        now: () => performance.now(),
        executor: async (setup: TrialSetup) => {
          if (workers <= 1) return inlineExecutor(setup, () => performance.now(), shouldStop);
          const pool = workerPool(setup, workers);
          abort = pool.abort;
          return pool;
        },
      },
      {
        pipelinePath,
        trials,
        shard,
        finished,
        shouldStop,
        onTrial: (t) => {
          appendTrial(outDir, t);
          info(`trial ${t.number}: ${t.state}${t.value === null ? '' : ` ${t.value.toPrecision(4)}`}${t.pruned_at ? ` at step ${t.pruned_at}` : ''}`);
        },
      },
    );
    if (signals.raised) {
      io.stderr(`stopped: ${readTrials(outDir).length} trials in ${join(outDir, 'trials.jsonl')}; rerun with --resume to continue\n`);
      return EXIT_INTERRUPTED;
    }
    if (result.stopped) info(`timeout: stopped after ${result.trials.length} trials`);
    if (shard.count > 1) {
      io.stdout(opts.json ? JSON.stringify(summary(result.trials, result.plan.direction), null, 2) + '\n' : `shard ${shard.index}/${shard.count}: ${result.trials.length} trials in ${outDir}\n`);
      return EXIT.ok;
    }
    const finishedStudy = await finishStudy(io, { root, outDir, pipeline: result.pipeline, plan: result.plan, trials: result.trials, version: opts.version, info });
    return await conclude(io, { ...finishedStudy, outDir, json: opts.json, propose: opts.propose, root, pipelinePath, trials: result.trials, direction: result.plan.direction });
  } catch (err) {
    return reportError(io, err);
  } finally {
    signals.dispose();
  }
}

/** Prints the outcome, proposes the params when asked, and picks the exit code from the winner's gates. */
export async function conclude(
  io: CliIo,
  r: Awaited<ReturnType<typeof finishStudy>> & { outDir: string; json?: boolean; propose?: boolean; root: string; pipelinePath: string; trials: TrialRecord[]; direction: 'maximize' | 'minimize' },
): Promise<number> {
  if (r.best === undefined || r.winner === undefined) {
    io.stderr(`no trial completed (${r.trials.length} trials); see ${join(r.outDir, 'report.md')}\n`);
    return EXIT.gatesFailed;
  }
  const proposed = r.propose ? await proposeParams(r.root, r.pipelinePath, r.best.params) : undefined;
  if (r.json) {
    io.stdout(JSON.stringify({ ...summary(r.trials, r.direction), gates_passed: r.winner.gatesPassed, metrics: r.winner.metrics.metrics, proposed: proposed ?? null }, null, 2) + '\n');
  } else {
    io.stdout(`best trial ${r.best.number}: ${r.best.value} with ${JSON.stringify(r.best.params)}\n`);
    io.stdout(`winner on the test rows: gates ${r.winner.gatesPassed ? 'passed' : 'failed'}; wrote ${r.outDir}/{trials.jsonl, report.md, winner/}\n`);
    if (proposed) io.stdout(`proposed: ${r.pipelinePath} model.params ${proposed.changed.length > 0 ? `now sets ${proposed.changed.join(', ')}` : 'already holds the best params'}\n`);
  }
  for (const g of r.winner.metrics.gates.filter((g) => g.status === 'failed')) io.stderr(`gate failed: ${g.message}\n`);
  return r.winner.gatesPassed ? EXIT.ok : EXIT.gatesFailed;
}

function summary(trials: readonly TrialRecord[], direction: 'maximize' | 'minimize') {
  const best = bestTrial(trials, direction);
  const count = (s: string) => trials.filter((t) => t.state === s).length;
  return { trials: trials.length, complete: count('complete'), pruned: count('pruned'), failed: count('failed'), best: best ? { number: best.number, value: best.value, params: best.params } : null };
}

/** A fresh out dir, or with --resume the trials already in it. */
function prepareOutDir(outDir: string, resume: boolean, key: StudyKey): TrialRecord[] {
  const existing = readTrials(outDir);
  if (!resume && existing.length > 0) {
    throw new UsageError(`${outDir} already holds ${existing.length} trials`, { hint: 'continue that study with --resume, or pass another --out' });
  }
  if (resume && existsSync(join(outDir, 'study.json'))) {
    const diff = keyDifferences(readStudyKey(outDir), key);
    if (diff.length > 0) throw new UsageError(`${outDir} holds another study (${diff.join('; ')})`, { hint: 'resume with the same pipeline and settings, or pass another --out' });
  }
  // Rewritten without a line a kill cut short, so the next append starts on a line of its own.
  if (resume) writeTrials(outDir, existing);
  return existing;
}

export function parseShard(given: string | undefined): { index: number; count: number } {
  if (given === undefined) return { index: 0, count: 1 };
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(given);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index >= count) throw new UsageError(`--shard ${given}: expected I/N with 0 <= I < N, e.g. --shard 0/4`);
  return { index, count };
}

function positiveInt(flag: string, given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  if (!/^\d{1,9}$/.test(given) || Number(given) < 1) throw new UsageError(`${flag} ${given}: expected a positive integer`);
  return Number(given);
}

/** SIGINT/SIGTERM set a flag (the study stops between trials) instead of killing the process mid-write. */
function interruptFlag() {
  const state = { raised: false, handlers: [] as (() => void)[] };
  const onSignal = () => {
    if (state.raised) return;
    state.raised = true;
    for (const h of state.handlers) h();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    get raised() {
      return state.raised;
    },
    onRaise: (h: () => void) => void state.handlers.push(h),
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
