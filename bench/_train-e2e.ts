/**
 * The end-to-end half of `npm run bench -- train` (issue #10): `pipepilot run` as a user runs it
 * (its own node process, start-up included) on a 125,000 × 20 CSV, logistic regression and MLP,
 * against bench/train-e2e-anchor.py doing the same with pandas + scikit-learn (+ torch for the
 * MLP), also timed as a whole process. Rounds alternate ours and the anchor (ABAB) so a load
 * change on the shared machine falls on both; each line gives wall and CPU seconds (user + sys,
 * which the others' load distorts less) and the load average. The CSV is made once, seeded.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/rng.js';
import { timedProcess, type Timed } from './timed-process.js';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'pipepilot.js');
const ROWS = 125_000;
const NUMERIC = 18;
const MLP = { epochs: 5, batch: 256, lr: 0.001, hidden: [64, 32] };

/** 18 numeric columns (two with 2 % missing cells), 2 categorical, target yes/no from a noisy score. */
function writeCsv(path: string): void {
  const rng = new Rng(125);
  const segments = ['a', 'b', 'c', 'd'];
  const regions = ['north', 'south', 'east', 'west', 'centre'];
  const header = [...Array.from({ length: NUMERIC }, (_, i) => `x${i}`), 'segment', 'region', 'churned'];
  const lines = [header.join(',')];
  const x = new Float64Array(NUMERIC);
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < NUMERIC; c++) x[c] = rng.normal();
    const segment = segments[rng.int(4)];
    const region = regions[rng.int(5)];
    const score = x[0] - 0.7 * x[1] + 0.5 * x[2] * x[3] + 0.3 * Math.sin(3 * x[4]) + (segment === 'a' ? 0.5 : 0) + 0.8 * rng.normal();
    const cells = Array.from(x, (v, c) => (c >= 16 && rng.next() < 0.02 ? '' : v.toPrecision(6)));
    lines.push(`${cells.join(',')},${segment},${region},${score > 0 ? 'yes' : 'no'}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function pipelineYaml(type: 'linear' | 'mlp'): string {
  const params = type === 'mlp'
    ? `  params: {hidden_units: [${MLP.hidden.join(', ')}], epochs: ${MLP.epochs}, batch_size: ${MLP.batch}, learning_rate: ${MLP.lr}, early_stopping: false}\n`
    : '';
  return `apiVersion: pipepilot/v1
name: e2e-${type}
data:
  source: pipelines/data/e2e.csv
  target: churned
  positive_class: 'yes'
  split: {test: 0.2, seed: 42, stratify: true}
preprocess: {impute: {numeric: median}, scale: standard}
model:
  task: binary_classification
  type: ${type}
  seed: 42
${params}evaluate: {bootstrap: {samples: 1000}}
gates: [{metric: roc_auc, min: 0.8}]
`;
}

/** The anchor's run, or why it could not run (no python3, no pandas/scikit-learn/torch). */
function tryAnchor(python: string, args: string[], cwd: string): Timed | string {
  try {
    return timedProcess(python, args, cwd);
  } catch (err) {
    return (err as Error).message.trim().split('\n').pop() ?? 'failed';
  }
}

const best = (runs: Timed[], key: 'wall' | 'cpu') => Math.min(...runs.map((r) => r[key]));
const load = () => loadavg()[0].toFixed(1);

export async function benchEndToEnd(args: string[]): Promise<void> {
  const roundsArg = args.find((a) => a.startsWith('--rounds='));
  const rounds = roundsArg === undefined ? 3 : Number(roundsArg.slice('--rounds='.length));
  const cache = join(here, '.cache');
  mkdirSync(cache, { recursive: true });
  const csv = join(cache, `e2e-${ROWS}.csv`);
  if (!existsSync(csv)) writeCsv(csv);
  const repo = mkdtempSync(join(tmpdir(), 'pipepilot-bench-e2e-'));
  mkdirSync(join(repo, 'pipelines', 'data'), { recursive: true });
  mkdirSync(join(repo, '.git'));
  writeFileSync(join(repo, 'pipelines', 'data', 'e2e.csv'), readFileSync(csv));
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const anchor = join(here, 'train-e2e-anchor.py');
  try {
    console.log(`\nend to end: ${ROWS.toLocaleString()} × 20 CSV (22 MB), 100k train / 25k test, ${rounds} rounds alternated; best of each; node ${process.version}`);
    for (const type of ['linear', 'mlp'] as const) {
      writeFileSync(join(repo, 'pipelines', `e2e-${type}.yaml`), pipelineYaml(type));
      const ours: Timed[] = [];
      const theirs: Timed[] = [];
      const stages: Record<string, number>[] = [];
      let ourAuc = NaN;
      for (let round = 0; round < rounds; round++) {
        const run = timedProcess(process.execPath, [bin, 'run', `pipelines/e2e-${type}.yaml`, '--out', 'out', '--quiet'], repo);
        ours.push(run);
        const doc = JSON.parse(readFileSync(join(repo, 'out', 'metrics.json'), 'utf8')) as { durations_ms: Record<string, number>; metrics: { roc_auc: number } };
        stages.push(doc.durations_ms);
        ourAuc = doc.metrics.roc_auc;
        const other = tryAnchor(python, [anchor, 'pipelines/data/e2e.csv', type === 'linear' ? 'logreg' : 'mlp', String(MLP.epochs),
          String(MLP.batch), String(MLP.lr), MLP.hidden.join(',')], repo);
        if (typeof other === 'string') console.log(`  anchor not run: ${other}`);
        else theirs.push(other);
        console.log(`  round ${round + 1} ${type}: ours ${run.wall.toFixed(2)} s wall ${run.cpu.toFixed(2)} s cpu` +
          (typeof other === 'string' ? '' : `; anchor ${other.wall.toFixed(2)} s wall ${other.cpu.toFixed(2)} s cpu`) + `  (load ${load()})`);
      }
      const fastestAt = ours.findIndex((r) => r.wall === best(ours, 'wall'));
      const fastest = stages[fastestAt];
      // What the stages do not cover: Node's start, loading our modules and tfjs, the backend, writing the bundle, exit.
      const outside = Math.round(ours[fastestAt].wall * 1000 - fastest.total);
      console.log(`${type === 'linear' ? 'logreg' : 'mlp   '} ours   pipepilot run  ${best(ours, 'wall').toFixed(2)} s wall  ${best(ours, 'cpu').toFixed(2)} s cpu  ` +
        `peak RSS ${Math.max(...ours.map((r) => r.rssMiB)).toFixed(0)} MiB  stages (ms) ${JSON.stringify(fastest)} + ${outside} outside them (start-up, exit)  roc_auc ${ourAuc.toFixed(4)}`);
      if (theirs.length === 0) continue;
      const them = JSON.parse(theirs[theirs.length - 1].stdout) as { stages_s: Record<string, number>; metrics: Record<string, number> };
      const name = type === 'linear' ? 'pandas + scikit-learn LogisticRegression' : `pandas + scikit-learn + torch MLP (threads ${them.stages_s.threads})`;
      console.log(`       anchor ${name}  ${best(theirs, 'wall').toFixed(2)} s wall  ${best(theirs, 'cpu').toFixed(2)} s cpu  ` +
        `stages (s) ${JSON.stringify(Object.fromEntries(Object.entries(them.stages_s).map(([k, v]) => [k, Number(v.toFixed(3))])))}  roc_auc ${them.metrics.roc_auc.toFixed(4)}`);
      console.log(`       speed-up ours vs anchor (anchor time / ours): wall ${(best(theirs, 'wall') / best(ours, 'wall')).toFixed(2)}×  cpu ${(best(theirs, 'cpu') / best(ours, 'cpu')).toFixed(2)}×`);
    }
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}
