/**
 * `npm run bench -- gbdt [--rows=N] [--rounds=R] [--threads=T] [--ts] [--seeds=S] [--no-datasets]`:
 * gradient-boosted trees against XGBoost (tree_method hist, lossguide, 2 threads) and
 * scikit-learn's HistGradientBoosting (its OpenMP threads: all cores), same rows, same settings, same run:
 *  1. synthetic binary task, N × 20 (default 1,000,000; 80% train, 20% test), R rounds (default 2)
 *     interleaved — ours (wasm kernels, T threads, default 2), then both anchors, then again —
 *     each line with the load average when it ran: fit wall seconds, CPU seconds (all threads),
 *     test accuracy and ROC AUC, and per round the ratios. `--ts` adds the TypeScript reference
 *     kernels (1 thread) to each round: the before/after of the wasm kernels;
 *  2. the shared data sets (breast cancer, penguins) over S seeds (default 5) of the pipeline's
 *     own split: mean test metrics of the three;
 *  3. single-row scoring through scoreTable: the gbdt against the MLP, the server's per-request cost.
 * Settings everywhere: 100 trees, 31 leaves, learning rate 0.1, min 20 rows per leaf, l2 0,
 * 255 bins (XGBoost has no min-rows rule: min_child_weight 1e-3). The machine is shared: figures are noisy.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTable } from '../src/data/read-table.js';
import { evaluatePredictions } from '../src/evaluate/evaluation.js';
import { fitPreprocessor, transformTable } from '../src/features/preprocessor.js';
import { selectBackend } from '../src/model/backend.js';
import { fitModel } from '../src/model/fit-model.js';
import { fitGbdt, type GbdtSettings } from '../src/model/gbdt/boost.js';
import { gbdtColumns } from '../src/model/gbdt/train-gbdt.js';
import { TreeEnsemble } from '../src/model/gbdt/tree-predict.js';
import { loadScorer } from '../src/model/scorer.js';
import { Rng } from '../src/rng.js';
import { loadSpec } from '../src/spec/load-spec.js';
import type { PipelineSpec, Task } from '../src/spec/types.js';
import { prepareRows } from '../src/use-cases/prepare-rows.js';
import { scoreTable } from '../src/use-cases/predict.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const SETTINGS: GbdtSettings = { learningRate: 0.1, maxIter: 100, maxLeafNodes: 31, minSamplesLeaf: 20, minHessian: 1e-3, l2: 0, maxBins: 255, subsample: 1, colsample: 1 };

/** How our side of a comparison trains: the kernels and the threads (the trees are the same bits for all). */
interface Ours {
  label: string;
  kernels: 'wasm' | 'ts';
  threads: number;
}
const DEFAULT_OURS: Ours[] = [{ label: 'pipepilot', kernels: 'wasm', threads: 2 }];

interface Split {
  task: Task;
  classes: number;
  xTrain: Float32Array;
  yTrain: Float64Array;
  xTest: Float32Array;
  yTest: Float64Array;
  cols: number;
  categorical: number[];
}

/** `--rows=N` (one token: bench/index.ts takes every bare word for a benchmark name). */
function arg(args: string[], name: string): number | undefined {
  const given = args.find((a) => a.startsWith(`${name}=`));
  return given === undefined ? undefined : Number(given.slice(name.length + 1));
}

export default async function gbdtBench(args: string[]): Promise<void> {
  await selectBackend('wasm');
  const rows = arg(args, '--rows') ?? 1_000_000;
  const threads = arg(args, '--threads') ?? 2;
  const ours: Ours[] = [{ label: `pipepilot ${threads}t`, kernels: 'wasm', threads }];
  if (args.includes('--ts')) ours.push({ label: 'pipepilot ts 1t', kernels: 'ts', threads: 1 });
  console.log(`gbdt bench: 100 trees, 31 leaves, learning rate 0.1, min_samples_leaf 20, l2 0, 255 bins; shared machine, noisy figures\n`);
  synthetic(rows, arg(args, '--rounds') ?? 2, ours);
  if (!args.includes('--no-datasets')) await datasets(arg(args, '--seeds') ?? 5);
  await singleRow();
}

function synthetic(rows: number, rounds: number, ours: Ours[]): void {
  const cols = 20;
  const rng = new Rng(2024);
  const x = new Float32Array(rows * cols);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    const s = x[o] - 0.7 * x[o + 1] + 0.5 * x[o + 2] * x[o + 3] + 0.3 * Math.sin(3 * x[o + 4]) + 0.5 * rng.normal();
    y[r] = s > 0 ? 1 : 0;
    if (r % 20 === 0) x[o + 5] = NaN; // 5% missing in one column: every library routes it
  }
  const nTrain = Math.floor(rows * 0.8);
  const split: Split = {
    task: 'binary_classification', classes: 2, cols, categorical: [],
    xTrain: x.subarray(0, nTrain * cols), yTrain: y.subarray(0, nTrain), xTest: x.subarray(nTrain * cols), yTest: y.subarray(nTrain),
  };
  console.log(`1. synthetic binary, ${rows.toLocaleString('en')} × ${cols} (${nTrain.toLocaleString('en')} train), ${rounds} interleaved rounds`);
  const digests = new Set<string>();
  for (let round = 1; round <= rounds; round++) {
    console.log(`   round ${round}`);
    const results = compare(split, SETTINGS, ours, digests);
    printTable(results, ['accuracy', 'roc_auc']);
    const first = results[0];
    for (const r of results.slice(1)) {
      console.log(`   ${first.name} / ${r.name}: wall ${(first.fitS / r.fitS).toFixed(2)}×, CPU ${(first.cpuS / r.cpuS).toFixed(2)}×`);
    }
  }
  console.log(`   our trees, every round and kernel: ${digests.size === 1 ? 'the same bits' : `${digests.size} different models (a reproducibility bug)`}`);
  console.log('');
}

/** 1-minute load average, the figure every timing line carries. */
function load(): string {
  return loadavg()[0].toFixed(1);
}

interface Result {
  name: string;
  fitS: number;
  /** CPU seconds of the fit, every thread (process-wide user + system). */
  cpuS: number;
  /** 1-minute load average when the fit ended. */
  load: string;
  metrics: Record<string, number>;
}

/** Trains ours in-process and the anchors in python on the same float32 rows; scores all with our metric code. */
function compare(s: Split, settings: GbdtSettings, ours: Ours[] = DEFAULT_OURS, digests?: Set<string>): Result[] {
  const columns = Array.from({ length: s.cols }, (_, i) => ({ name: `f${i}`, ...(s.categorical.includes(i) ? { categories: 254 } : {}) }));
  const results: Result[] = [];
  for (const o of ours) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const fit = fitGbdt({
      task: s.task, settings, seed: 1, x: s.xTrain, rows: s.yTrain.length, cols: s.cols, columns, y: s.yTrain, classCount: s.classes,
      kernels: o.kernels, threads: o.threads,
    });
    const fitS = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    digests?.add(createHash('sha256').update(JSON.stringify(fit.model)).digest('hex'));
    const out = new TreeEnsemble(fit.model).predict(s.xTest, s.yTest.length, s.cols);
    results.push({ name: o.label, fitS, cpuS: (used.user + used.system) / 1e6, load: load(), metrics: metricsOf(s, out) });
  }
  for (const anchor of runAnchors(s, settings)) results.push(anchor);
  return results;
}

function metricsOf(s: Split, output: Float32Array): Record<string, number> {
  const classes = Array.from({ length: s.classes }, (_, i) => String(i));
  const ev = evaluatePredictions({
    task: s.task, yTrue: s.yTest, output, classes, threshold: 0.5,
    bootstrap: { samples: 0, seed: 1, confidence: 0.95 }, slices: [], minSliceRows: 10,
  });
  return ev.metrics as Record<string, number>;
}

function runAnchors(s: Split, settings: GbdtSettings): Result[] {
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const dir = mkdtempSync(join(tmpdir(), 'pipepilot-gbdt-bench-'));
  try {
    const file = (name: string, a: Float32Array | Float64Array) => {
      const p = join(dir, name);
      writeFileSync(p, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      return p;
    };
    const cfg = {
      train_x: file('xtr.bin', s.xTrain), train_y: file('ytr.bin', s.yTrain), test_x: file('xte.bin', s.xTest),
      rows_train: s.yTrain.length, rows_test: s.yTest.length, cols: s.cols, task: s.task, classes: s.classes, categorical: s.categorical,
      trees: settings.maxIter, leaves: settings.maxLeafNodes, learning_rate: settings.learningRate, min_samples_leaf: settings.minSamplesLeaf,
      l2: settings.l2, max_bins: settings.maxBins, out_prefix: join(dir, 'out-'),
    };
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify(cfg));
    const res = spawnSync(python, [join(here, 'gbdt-anchor.py'), join(dir, 'cfg.json')], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const line = res.stdout?.trim().split('\n').pop();
    if (res.status !== 0 || !line) {
      console.log(`   anchors: ${python} failed: ${(res.stderr || String(res.error)).trim().split('\n').pop()}`);
      return [];
    }
    const parsed = JSON.parse(line) as Record<string, { fit_s: number; cpu_s: number; load: number; out: string; version: string } | string>;
    const results: Result[] = [];
    for (const name of ['xgboost', 'sklearn']) {
      const a = parsed[name];
      if (typeof a !== 'object') {
        console.log(`   ${name}: not run (${String(parsed[`${name}_error`])})`);
        continue;
      }
      const buf = readFileSync(a.out);
      const output = Float32Array.from(new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8));
      results.push({ name: `${name} ${a.version}`, fitS: a.fit_s, cpuS: a.cpu_s, load: a.load.toFixed(1), metrics: metricsOf(s, output) });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(results: Result[], metrics: string[]): void {
  console.log(`   ${'library'.padEnd(18)} ${'fit s'.padStart(8)} ${'CPU s'.padStart(8)} ${'load'.padStart(5)}  ${metrics.map((m) => m.padStart(9)).join(' ')}`);
  for (const r of results) {
    const line = [r.name.padEnd(18), r.fitS.toFixed(2).padStart(8), r.cpuS.toFixed(2).padStart(8), r.load.padStart(5)].join(' ');
    console.log(`   ${line}  ${metrics.map((m) => (r.metrics[m] ?? NaN).toFixed(4).padStart(9)).join(' ')}`);
  }
}

/** The example pipelines' data, split by the pipeline's own code with each seed, preprocessed by the ordinal transform. */
async function datasets(seeds: number): Promise<void> {
  const cases: { pipeline: string; metrics: string[] }[] = [
    { pipeline: 'pipelines/breast-cancer-gbdt.yaml', metrics: ['accuracy', 'roc_auc', 'log_loss'] },
    { pipeline: 'pipelines/penguins-gbdt.yaml', metrics: ['accuracy', 'f1_macro', 'log_loss'] },
  ];
  console.log(`2. shared data sets, ${seeds} seeds of the pipeline's split (our settings above for all three; categories native in ours and sklearn, codes as numbers in XGBoost)`);
  for (const c of cases) {
    const sums = new Map<string, { fitS: number; cpuS: number; metrics: Record<string, number>; n: number }>();
    for (let seed = 1; seed <= seeds; seed++) {
      const split = await datasetSplit(c.pipeline, seed);
      for (const r of compare(split, SETTINGS)) {
        const name = r.name.split(' ')[0];
        const acc = sums.get(name) ?? { fitS: 0, cpuS: 0, metrics: {}, n: 0 };
        acc.fitS += r.fitS;
        acc.cpuS += r.cpuS;
        acc.n += 1;
        for (const m of c.metrics) acc.metrics[m] = (acc.metrics[m] ?? 0) + r.metrics[m];
        sums.set(name, acc);
      }
    }
    console.log(`   ${c.pipeline} (mean over seeds)`);
    printTable([...sums].map(([name, s]) => ({ name, fitS: s.fitS / s.n, cpuS: s.cpuS / s.n, load: load(), metrics: Object.fromEntries(Object.entries(s.metrics).map(([k, v]) => [k, v / s.n])) })), c.metrics);
  }
  console.log('');
}

async function datasetSplit(pipelinePath: string, seed: number): Promise<Split> {
  const text = readFileSync(join(root, pipelinePath), 'utf8');
  const spec: PipelineSpec = loadSpec(text, { file: pipelinePath, root }).spec;
  spec.data.split.seed = seed;
  const raw = await readTable(readFileSync(join(root, spec.data.source)), { file: spec.data.source, format: spec.data.format, missingValues: spec.data.missing_values });
  return splitFrom(spec, raw);
}

function splitFrom(spec: PipelineSpec, raw: Parameters<typeof prepareRows>[1]): Split {
  const rows = prepareRows(spec, raw);
  const pre = fitPreprocessor({ table: rows.trainTable, features: rows.schema, spec: spec.preprocess, target: { name: rows.schema.target, task: spec.model.task, classes: rows.classes, threshold: 0.5 } });
  const train = transformTable(pre, rows.trainTable);
  const test = transformTable(pre, rows.testTable);
  const columns = gbdtColumns(pre);
  return {
    task: spec.model.task, classes: rows.classes.length, cols: train.cols,
    categorical: columns.flatMap((c, i) => (c.categories === undefined ? [] : [i])),
    xTrain: train.x, yTrain: rows.yTrain, xTest: test.x, yTest: rows.yTest,
  };
}

/** Per-request cost in the server: one record through scoreTable, gbdt (100 trees × 31 leaves) against an MLP [64, 32]. */
async function singleRow(): Promise<void> {
  const spec = loadSpec(readFileSync(join(root, 'pipelines/breast-cancer-gbdt.yaml'), 'utf8'), { file: 'bc', root }).spec;
  const raw = await readTable(readFileSync(join(root, spec.data.source)), { file: spec.data.source, format: spec.data.format, missingValues: spec.data.missing_values });
  const rows = prepareRows(spec, raw);
  const target = { name: rows.schema.target, task: spec.model.task, classes: rows.classes, threshold: 0.5 };
  const timings: [string, number][] = [];
  for (const type of ['gbdt', 'mlp'] as const) {
    const preSpec = { ...spec.preprocess, encode: type === 'gbdt' ? ('ordinal' as const) : ('onehot' as const) };
    const pre = fitPreprocessor({ table: rows.trainTable, features: rows.schema, spec: preSpec, target });
    const train = transformTable(pre, rows.trainTable);
    const params = type === 'gbdt' ? spec.model.params : { ...spec.model.params, hidden_units: [64, 32], learning_rate: 0.001, epochs: 5, batch_size: 64 };
    const fitted = fitModel({ task: spec.model.task, type, params, seed: 1, ...train, y: rows.yTrain, classCount: 2 }, pre, { name: 'bench' });
    const scoring = { model: await loadScorer(fitted.modelJson, fitted.weightsBin), preprocessor: pre };
    const one = rows.testTable;
    const single = { rowCount: 1, columns: new Map([...one.columns].map(([k, c]) => [k, c.kind === 'numeric' ? { kind: 'numeric' as const, values: c.values.subarray(0, 1) } : { kind: 'categorical' as const, values: c.values.slice(0, 1) }])) };
    for (let i = 0; i < 200; i++) scoreTable(scoring, single, 'bench'); // warm-up
    const n = 2000;
    const start = performance.now();
    for (let i = 0; i < n; i++) scoreTable(scoring, single, 'bench');
    timings.push([type, ((performance.now() - start) / n) * 1000]);
    scoring.model.dispose();
  }
  console.log('3. single-row scoring through scoreTable (breast cancer, 30 features; the server adds HTTP on top)');
  for (const [type, us] of timings) console.log(`   ${type.padEnd(5)} ${us.toFixed(1)} µs per row`);
  console.log(`   gbdt / mlp: ${(timings[0][1] / timings[1][1]).toFixed(2)}× the time`);
}
