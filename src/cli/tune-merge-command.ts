import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { planStudy } from '../tune/study.js';
import type { TrialRecord } from '../tune/trial.js';
import { loadTunedPipeline } from '../use-cases/tune-pipeline.js';
import { reportError, type CliIo } from './cli-io.js';
import { findRepoRoot, nodeFiles } from './node-files.js';
import { keyDifferences, readStudyKey, readTrials, studyKey, writeStudyKey, writeTrials } from './study-dir.js';
import { conclude } from './tune-command.js';
import { finishStudy } from './tune-finish.js';

export interface MergeOptions {
  dirs: string[];
  version: string;
  out?: string;
  json?: boolean;
  propose?: boolean;
  quiet?: boolean;
}

/**
 * `pipepilot tune merge DIR…`: the shards' trials as one study (checked to be the same study:
 * same pipeline text, sampler, seed, trial count), then the winner and report as an unsharded
 * run gives. For random and grid the merged trials are exactly the unsharded study's; TPE and the
 * pruners in a shard conditioned only on that shard's trials, which the report says.
 */
export async function tuneMergeCommand(io: CliIo, opts: MergeOptions): Promise<number> {
  const quiet = Boolean(opts.quiet || opts.json);
  const info = (s: string) => quiet || io.stderr(s + '\n');
  try {
    if (opts.dirs.length === 0) throw new UsageError('tune merge: pass the directories the shards wrote');
    const root = findRepoRoot(io.cwd);
    const dirs = opts.dirs.map((d) => resolve(io.cwd, d));
    const keys = dirs.map(readStudyKey);
    const pipeline = await loadTunedPipeline(nodeFiles(root), keys[0].pipeline);
    const plan = planStudy(pipeline.spec.tune!, { trials: keys[0].trials });
    const current = studyKey(pipeline, plan);
    keys.forEach((k, i) => {
      const diff = keyDifferences(k, current);
      if (diff.length > 0) throw new UsageError(`${dirs[i]}: not the study ${keys[0].pipeline} describes now (${diff.join('; ')})`, { hint: 'merge shards of one study, with the pipeline file as it was when they ran' });
    });
    const trials = mergeTrials(dirs, dirs.map(readTrials));
    const outDir = resolve(io.cwd, opts.out ?? `.pipepilot/tune/${pipeline.spec.name}`);
    writeStudyKey(outDir, current);
    writeTrials(outDir, trials);
    const missing = plan.trials - trials.length;
    if (missing > 0) info(`merge: ${missing} of ${plan.trials} trials missing (a shard not given, or stopped early)`);
    const shards = new Set(keys.map((k) => k.shard?.count ?? 1));
    const note = plan.sampler === 'tpe' || plan.pruner !== 'none'
      ? `Merged from ${dirs.length} shard(s) of ${[...shards].join('/')}: each shard's ${plan.sampler === 'tpe' ? 'TPE sampler' : ''}${plan.sampler === 'tpe' && plan.pruner !== 'none' ? ' and ' : ''}${plan.pruner !== 'none' ? `${plan.pruner} pruner` : ''} conditioned only on that shard's own trials, so these trials differ from an unsharded study's.`
      : undefined;
    const finished = await finishStudy(io, { root, outDir, pipeline, plan, trials, version: opts.version, info, note });
    return await conclude(io, { ...finished, outDir, json: opts.json, propose: opts.propose, root, pipelinePath: pipeline.file, trials, direction: plan.direction });
  } catch (err) {
    return reportError(io, err);
  }
}

/** The union by trial number; the same number twice must be the same trial (a shard given twice is fine). */
export function mergeTrials(dirs: readonly string[], lists: readonly TrialRecord[][]): TrialRecord[] {
  const byNumber = new Map<number, { t: TrialRecord; dir: string }>();
  lists.forEach((list, i) => {
    for (const t of list) {
      const seen = byNumber.get(t.number);
      if (seen && JSON.stringify({ ...seen.t, duration_ms: 0 }) !== JSON.stringify({ ...t, duration_ms: 0 })) {
        throw new UsageError(`trial ${t.number} differs between ${seen.dir} and ${dirs[i]}`, { hint: 'each trial number must come from one shard of one study' });
      }
      if (!seen) byNumber.set(t.number, { t, dir: dirs[i] });
    }
  });
  return [...byNumber.values()].map((v) => v.t).sort((a, b) => a.number - b.number);
}
