/**
 * `npm run bench -- tune`: PipePilot's TPE against Optuna's (3.x, defaults) with scikit-learn's
 * MLPClassifier, on the same rows (breast-cancer: the validation split of the training rows,
 * preprocessed once and handed to both), the same space, the same trial count, over several
 * seeds, in one run. The metric is log loss (ROC AUC saturates at 1 on this validation split).
 * Prints the median best validation log loss and trials/s of each. One worker
 * on our side (Optuna's optimize is sequential here), no pruning on either side.
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
import { inlineExecutor, prepareTrialSetup } from '../src/use-cases/tune-pipeline.js';
import { repoDataSource } from '../src/use-cases/run-pipeline.js';

const here = dirname(fileURLToPath(import.meta.url));
const TRIALS = 30;
const EPOCHS = 60;
const SEEDS = [1, 2, 3, 4, 5];
const SPACE = { learning_rate: [0.0001, 0.1], l2: [0.000001, 0.01], hidden_units: [[8], [32], [32, 16]] };

function pipelineText(seed: number): string {
  return `apiVersion: pipepilot/v1
name: bench
data: {source: pipelines/data/breast-cancer.csv, target: diagnosis, positive_class: malignant}
model:
  task: binary_classification
  type: mlp
  params: {hidden_units: [8], epochs: ${EPOCHS}, batch_size: 32}
  seed: 42
tune:
  metric: log_loss
  sampler: tpe
  pruner: none
  parallelism: 1
  seed: ${seed}
  trials: ${TRIALS}
  space:
    learning_rate: {loguniform: [${SPACE.learning_rate.join(', ')}]}
    l2: {loguniform: [${SPACE.l2.join(', ')}]}
    hidden_units: {choice: [[8], [32], [32, 16]]}
`;
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export default async function bench(): Promise<void> {
  const files = nodeFiles(resolve(here, '..'));
  const ours: { best: number; rate: number }[] = [];
  let setupForAnchor: Awaited<ReturnType<typeof prepareTrialSetup>>['setup'] | undefined;
  for (const seed of SEEDS) {
    const pipeline = loadSpec(pipelineText(seed), { file: 'bench.yaml', root: files.root });
    // One validation split for every seed and for Optuna (tune.seed also seeds the split): seeds vary the search only.
    setupForAnchor ??= (await prepareTrialSetup(repoDataSource(files), pipeline)).setup;
    const setup = setupForAnchor;
    const plan = planStudy(pipeline.spec.tune!);
    const start = performance.now();
    const { trials } = await runStudy({ plan, numbers: shardTrials(plan), finished: [], execute: inlineExecutor(setup, () => performance.now()) });
    const s = (performance.now() - start) / 1000;
    ours.push({ best: bestTrial(trials, 'minimize')?.value ?? NaN, rate: TRIALS / s });
  }
  console.log(`breast-cancer, validation split 0.2 of the training rows; TPE, ${TRIALS} trials, seeds ${SEEDS.join(', ')}; MLP up to ${EPOCHS} epochs, early stopping`);
  console.log(`ours   best log_loss per seed: ${ours.map((o) => o.best.toFixed(4)).join(' ')}`);
  console.log(`ours   median best ${median(ours.map((o) => o.best)).toFixed(4)}, ${median(ours.map((o) => o.rate)).toFixed(2)} trials/s`);
  const anchor = runAnchor(setupForAnchor!);
  if (anchor === undefined) return;
  const theirs = SEEDS.map((s) => anchor.seeds[String(s)]);
  console.log(`optuna ${anchor.optuna} + sklearn ${anchor.sklearn} MLPClassifier best log_loss per seed: ${theirs.map((o) => o.best.toFixed(4)).join(' ')}`);
  console.log(`optuna median best ${median(theirs.map((o) => o.best)).toFixed(4)}, ${median(theirs.map((o) => o.trials_per_s)).toFixed(2)} trials/s`);
  console.log(`lower is better; ratio ours/optuna: median best log loss ${(median(ours.map((o) => o.best)) / median(theirs.map((o) => o.best))).toFixed(4)}, trials/s ${(median(ours.map((o) => o.rate)) / median(theirs.map((o) => o.trials_per_s))).toFixed(2)}`);
  console.log('(shared machine: timings are noisy)');
}

function runAnchor(setup: NonNullable<Parameters<typeof inlineExecutor>[0]>): { optuna: string; sklearn: string; seeds: Record<string, { best: number; trials_per_s: number }> } | undefined {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) {
    console.log('optuna: not run (no /usr/bin/python3)');
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'pipepilot-bench-tune-'));
  try {
    const [fold] = setup.folds;
    writeFileSync(join(dir, 'setup.json'), JSON.stringify({
      train_x: Array.from(fold.train.x), train_y: Array.from(fold.train.y), train_rows: fold.train.rows,
      valid_x: Array.from(fold.valid.x), valid_y: Array.from(fold.valid.y), valid_rows: fold.valid.rows, cols: fold.train.cols,
      learning_rate: SPACE.learning_rate, l2: SPACE.l2, hidden_units: SPACE.hidden_units,
      trials: TRIALS, epochs: EPOCHS, seeds: SEEDS, model_seed: 42,
    }));
    const res = spawnSync(python, [join(here, 'tune-anchor.py'), join(dir, 'setup.json')], { encoding: 'utf8' });
    if (res.status !== 0) {
      console.log(`optuna: failed: ${(res.stderr || String(res.error)).trim().split('\n').pop()}`);
      return undefined;
    }
    return JSON.parse(res.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
