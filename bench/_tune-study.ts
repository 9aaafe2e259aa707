/**
 * What `npm run bench -- tune` and `-- tune-gbdt` share: our study over several seeds on one
 * validation split, the Python anchor (Optuna over scikit-learn) on the same rows, and the
 * comparison lines. Not a benchmark itself (the leading `_` keeps it out of the list).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFiles } from '../src/cli/node-files.js';
import { loadSpec } from '../src/spec/load-spec.js';
import { planStudy, runStudy, shardTrials } from '../src/tune/study.js';
import { bestTrial } from '../src/tune/trial.js';
import { repoDataSource } from '../src/use-cases/run-pipeline.js';
import { inlineExecutor, prepareTrialSetup, type TrialSetup } from '../src/use-cases/tune-pipeline.js';

const here = dirname(fileURLToPath(import.meta.url));

export interface SeedResult {
  best: number;
  rate: number;
}

export interface AnchorResult {
  optuna: string;
  sklearn: string;
  seeds: Record<string, { best: number; trials_per_s: number }>;
}

export const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Our TPE study once per seed (one worker, inline), all on the validation split of the first seed's pipeline. */
export async function ourStudies(pipelineText: (seed: number) => string, seeds: number[], trials: number): Promise<{ ours: SeedResult[]; setup: TrialSetup }> {
  const files = nodeFiles(resolve(here, '..'));
  const ours: SeedResult[] = [];
  let setup: TrialSetup | undefined;
  for (const seed of seeds) {
    const pipeline = loadSpec(pipelineText(seed), { file: 'bench.yaml', root: files.root });
    // One validation split for every seed and for Optuna (tune.seed also seeds the split): seeds vary the search only.
    setup ??= (await prepareTrialSetup(repoDataSource(files), pipeline)).setup;
    const plan = planStudy(pipeline.spec.tune!);
    const start = performance.now();
    const { trials: done } = await runStudy({ plan, numbers: shardTrials(plan), finished: [], execute: inlineExecutor(setup, () => performance.now()) });
    ours.push({ best: bestTrial(done, 'minimize')?.value ?? NaN, rate: trials / ((performance.now() - start) / 1000) });
  }
  return { ours, setup: setup! };
}

/** Runs bench/<script> on the first fold's rows plus `extra` (space, trials, seeds); undefined (said why) when it cannot. */
export function runAnchor(script: string, setup: TrialSetup, extra: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): AnchorResult | undefined {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) {
    console.log('optuna: not run (no /usr/bin/python3)');
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'pipepilot-bench-tune-'));
  try {
    const [fold] = setup.folds;
    // NaN (a missing value) does not survive JSON: null, read back as NaN by numpy.
    const values = (x: Float32Array) => Array.from(x, (v) => (Number.isNaN(v) ? null : v));
    writeFileSync(join(dir, 'setup.json'), JSON.stringify({
      train_x: values(fold.train.x), train_y: Array.from(fold.train.y), train_rows: fold.train.rows,
      valid_x: values(fold.valid.x), valid_y: Array.from(fold.valid.y), valid_rows: fold.valid.rows, cols: fold.train.cols,
      ...extra,
    }));
    const res = spawnSync(python, [join(here, script), join(dir, 'setup.json')], { encoding: 'utf8', env: { ...process.env, ...env } });
    if (res.status !== 0) {
      console.log(`optuna: failed: ${(res.stderr || String(res.error)).trim().split('\n').pop()}`);
      return undefined;
    }
    return JSON.parse(res.stdout) as AnchorResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Our figures, then the anchor's and the ratios (lower log loss is better). */
export function printComparison(r: { title: string; model: string; seeds: number[]; ours: SeedResult[]; anchor?: AnchorResult }): void {
  const { ours, anchor } = r;
  console.log(r.title);
  console.log(`ours   best log_loss per seed: ${ours.map((o) => o.best.toFixed(4)).join(' ')}`);
  console.log(`ours   median best ${median(ours.map((o) => o.best)).toFixed(4)}, ${median(ours.map((o) => o.rate)).toFixed(2)} trials/s`);
  if (anchor === undefined) return;
  const theirs = r.seeds.map((s) => anchor.seeds[String(s)]);
  console.log(`optuna ${anchor.optuna} + sklearn ${anchor.sklearn} ${r.model} best log_loss per seed: ${theirs.map((o) => o.best.toFixed(4)).join(' ')}`);
  console.log(`optuna median best ${median(theirs.map((o) => o.best)).toFixed(4)}, ${median(theirs.map((o) => o.trials_per_s)).toFixed(2)} trials/s`);
  console.log(`lower is better; ratio ours/optuna: median best log loss ${(median(ours.map((o) => o.best)) / median(theirs.map((o) => o.best))).toFixed(4)}, trials/s ${(median(ours.map((o) => o.rate)) / median(theirs.map((o) => o.trials_per_s))).toFixed(2)}`);
  console.log('(shared machine: timings are noisy)');
}
