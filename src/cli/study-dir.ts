import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { StudyPlan } from '../tune/study.js';
import type { TrialRecord } from '../tune/trial.js';

/** `study.json`: what makes two trial files parts of the same study (merge and --resume check it). */
export interface StudyKey {
  format: 'pipepilot-study/v1';
  pipeline: string;
  /** sha256 of the pipeline text: a changed space or seed is a different study. */
  pipeline_sha256: string;
  sampler: string;
  seed: number;
  trials: number;
  parallelism: number;
  pruner: string;
  metric: string;
  direction: string;
  shard?: { index: number; count: number };
}

export function studyKey(pipeline: { file: string; text: string }, plan: StudyPlan, shard?: { index: number; count: number }): StudyKey {
  return {
    format: 'pipepilot-study/v1',
    pipeline: pipeline.file,
    pipeline_sha256: createHash('sha256').update(pipeline.text).digest('hex'),
    sampler: plan.sampler,
    seed: plan.seed,
    trials: plan.trials,
    parallelism: plan.parallelism,
    pruner: plan.pruner,
    metric: plan.metric,
    direction: plan.direction,
    ...(shard && shard.count > 1 && { shard }),
  };
}

/** Which fields differ between two keys, shard aside. */
export function keyDifferences(a: StudyKey, b: StudyKey): string[] {
  const fields = ['pipeline', 'pipeline_sha256', 'sampler', 'seed', 'trials', 'parallelism', 'pruner', 'metric', 'direction'] as const;
  return fields.filter((f) => a[f] !== b[f]).map((f) => `${f} ${JSON.stringify(a[f])} ≠ ${JSON.stringify(b[f])}`);
}

export function readStudyKey(dir: string): StudyKey {
  const file = join(dir, 'study.json');
  if (!existsSync(file)) throw new UsageError(`${file}: not found; is ${dir} a \`pipepilot tune --out\` directory?`, { hint: 'pass the directories `pipepilot tune --shard` wrote' });
  try {
    const key = JSON.parse(readFileSync(file, 'utf8')) as StudyKey;
    if (key.format !== 'pipepilot-study/v1') throw new Error(`format ${JSON.stringify(key.format)}`);
    return key;
  } catch (err) {
    throw new UsageError(`${file}: not a pipepilot study file (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
}

export function writeStudyKey(dir: string, key: StudyKey): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'study.json'), JSON.stringify(key, null, 2) + '\n');
}

/**
 * The trials in `dir/trials.jsonl`. A last line without its newline is a write cut short by a
 * kill and is dropped (that trial runs again on --resume); any other bad line is an error naming it.
 */
export function readTrials(dir: string): TrialRecord[] {
  const file = join(dir, 'trials.jsonl');
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  // The last element is '' after a final newline, or the cut-short line without one: dropped either way.
  const complete = lines.slice(0, -1);
  return complete.flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      const t = JSON.parse(line) as TrialRecord;
      if (!Number.isInteger(t.number) || typeof t.params !== 'object' || !['complete', 'pruned', 'failed'].includes(t.state)) throw new Error('not a trial record');
      return [t];
    } catch (err) {
      throw new UsageError(`${file}:${i + 1}: ${err instanceof Error ? err.message : String(err)}`, { hint: 'trials.jsonl is written by pipepilot tune; remove the broken line or the directory', cause: err });
    }
  });
}

/** Appends one trial as a line: finished trials are on disk before the next starts (Ctrl-C keeps them). */
export function appendTrial(dir: string, t: TrialRecord): void {
  appendFileSync(join(dir, 'trials.jsonl'), JSON.stringify(t) + '\n');
}

export function writeTrials(dir: string, trials: readonly TrialRecord[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'trials.jsonl'), trials.map((t) => JSON.stringify(t) + '\n').join(''));
}
