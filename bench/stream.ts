/**
 * `npm run bench -- stream [--rows=20000000[,3000000,…]] [--task=regression|binary] [--engines=duckdb,js] [--in-memory] [--heap=MiB]`:
 * `pipepilot run` with `data.stream: true` (issue 10) on ZSTD Parquet files of 20M rows (and any
 * other sizes given) × 8 columns (6 numeric features, one categorical of 8 levels, the target),
 * each run in its own process under /usr/bin/time. Prints wall, CPU and peak RSS per size, so
 * RSS against rows shows what the memory grows with: the row group (fixed) and the test rows'
 * predictions and labels (kept for the metrics and the bootstrap). `--in-memory` also runs the
 * smallest size without data.stream, for comparison. Files are generated with DuckDB into the OS
 * temp dir and kept there between runs. Anchor, same run: DuckDB computing the same normal
 * equations from the file. Each size runs once per engine (PIPEPILOT_DATA_ENGINE: DuckDB decoding the
 * row groups, then the JS readers), in turn, and says whether their metrics and model bytes are
 * identical. `--heap=256` runs the streamed runs with V8's heap capped
 * (--max-old-space-size): finishing under the cap shows the bound is real, not GC slack.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timedProcess } from './timed-process.js';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'pipepilot.js');
const FEATURES = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'];

async function makeParquet(path: string, rows: number): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  // setseed + random(): the same file on every machine. y is linear in the features plus noise;
  // label thresholds it (binary task). ROW_GROUP_SIZE is DuckDB's default, written out.
  await con.run('SELECT setseed(0.42)');
  await con.run(`COPY (
      SELECT *, CASE WHEN y + (random() - 0.5) * 4 > 6.5 THEN 'yes' ELSE 'no' END AS label FROM (
        SELECT x1, x2, x3, x4, x5, x6, c,
          3.0 + 2.0*x1 - 1.5*x2 + 0.5*x3 + 0.1*x4 - 0.2*x5 + 0.0*x6 + CASE c WHEN 'c0' THEN 1.0 WHEN 'c1' THEN -1.0 ELSE 0.0 END + (random() - 0.5) AS y
        FROM (SELECT random() AS x1, random()*10 AS x2, random()-0.5 AS x3, random()*100 AS x4, random()*2 AS x5, random() AS x6,
                     'c' || CAST(floor(random()*8) AS INTEGER) AS c FROM range(${rows}))))
    TO '${path}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
  con.closeSync();
}

async function duckdbAnchor(path: string): Promise<number> {
  const t0 = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const cols = ['1', ...FEATURES];
  const sums: string[] = [];
  for (let i = 0; i < cols.length; i++) {
    for (let j = i; j < cols.length; j++) sums.push(`sum(${cols[i]}*${cols[j]})`);
    sums.push(`sum(${cols[i]}*y)`);
  }
  await (await con.run(`SELECT ${sums.join(', ')} FROM '${path}' GROUP BY c`)).getRows();
  con.closeSync();
  return (performance.now() - t0) / 1000;
}

function pipeline(task: string, stream: boolean): string {
  const target = task === 'binary' ? 'label, positive_class: "yes"' : 'y';
  return [
    'apiVersion: pipepilot/v1',
    'name: stream',
    `data: {source: data/stream.parquet, target: ${target},${stream ? ' stream: true,' : ''} features: {numeric: [${FEATURES.join(', ')}], categorical: [c]}, split: {test: 0.2, seed: 1}}`,
    `model: {task: ${task === 'binary' ? 'binary_classification' : 'regression'}, type: linear, seed: 1}`,
    'evaluate: {bootstrap: {samples: 1000}}',
  ].join('\n') + '\n';
}

interface Measured {
  wall: number;
  cpu: number;
  rssMiB: number;
  metrics: { durations_ms: Record<string, number>; metrics: Record<string, number>; bootstrap_samples: number; data: { rows: { train: number; test: number } } };
  weights: Buffer;
}

function runOnce(repo: string, file: string, task: string, stream: boolean, engine: string, heapMiB?: number): Measured {
  const out = join(repo, 'out');
  rmSync(out, { recursive: true, force: true });
  rmSync(join(repo, 'data', 'stream.parquet'), { force: true });
  linkSync(file, join(repo, 'data', 'stream.parquet')); // a hard link: the repo holds the file without a copy
  writeFileSync(join(repo, 'stream.yaml'), pipeline(task, stream));
  const heap = heapMiB === undefined ? [] : [`--max-old-space-size=${heapMiB}`];
  const { wall, cpu, rssMiB } = timedProcess(process.execPath, [...heap, bin, 'run', 'stream.yaml', '--out', out, '--quiet'], repo, { ...process.env, PIPEPILOT_DATA_ENGINE: engine });
  return {
    wall,
    cpu,
    rssMiB,
    metrics: JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')),
    weights: readFileSync(join(out, 'model', 'weights.bin')),
  };
}

export default async function stream(args: string[]): Promise<void> {
  const sizes = (args.find((a) => a.startsWith('--rows='))?.slice('--rows='.length) ?? '20000000').split(',').map(Number).sort((a, b) => a - b);
  const task = args.find((a) => a.startsWith('--task='))?.slice('--task='.length) ?? 'regression';
  const heapArg = args.find((a) => a.startsWith('--heap='))?.slice('--heap='.length);
  const heapMiB = heapArg === undefined ? undefined : Number(heapArg);
  // Both data engines by default, in turn on each size: DuckDB decoding the row groups, and hyparquet (the JS readers).
  const engines = (args.find((a) => a.startsWith('--engines='))?.slice('--engines='.length) ?? 'duckdb,js').split(',');
  const cache = join(tmpdir(), 'pipepilot-bench-stream');
  mkdirSync(cache, { recursive: true });
  const repo = join(cache, `repo-${process.pid}`);
  mkdirSync(join(repo, 'data'), { recursive: true });
  mkdirSync(join(repo, '.git'));
  console.log(`stream: ${task}, linear, data.stream: true, ZSTD Parquet (row groups of 122,880 rows), 6 numeric + 1 categorical feature${heapMiB === undefined ? '' : `, V8 heap capped at ${heapMiB} MiB`}; load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  const rows: { n: number; m: Measured }[] = [];
  try {
    for (const n of sizes) {
      const file = join(cache, `stream-${n}.parquet`);
      if (!existsSync(file)) {
        console.log(`  generating ${n.toLocaleString()} rows → ${file}`);
        await makeParquet(file, n);
      }
      const byEngine: Measured[] = [];
      for (const engine of engines) {
        const m = runOnce(repo, file, task, true, engine, heapMiB);
        byEngine.push(m);
        const headline = task === 'binary' ? `roc_auc ${m.metrics.metrics.roc_auc.toFixed(4)}` : `r2 ${m.metrics.metrics.r2.toFixed(4)}`;
        console.log(`  ${(n / 1e6).toFixed(0).padStart(3)}M rows (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB file), ${engine.padEnd(6)}: wall ${m.wall.toFixed(1)} s, CPU ${m.cpu.toFixed(1)} s, peak RSS ${m.rssMiB.toFixed(0)} MiB; ${m.metrics.data.rows.test.toLocaleString()} test rows, ${m.metrics.bootstrap_samples} resamples, ${headline}`);
        console.log(`       stages (ms) ${JSON.stringify(m.metrics.durations_ms)}`);
      }
      rows.push({ n, m: byEngine[0] });
      if (byEngine.length === 2) {
        const [a, b] = byEngine;
        const same = JSON.stringify(a.metrics.metrics) === JSON.stringify(b.metrics.metrics) && a.weights.equals(b.weights);
        console.log(`       ${engines[0]}/${engines[1]}: wall ${(a.wall / b.wall).toFixed(2)}×, CPU ${(a.cpu / b.cpu).toFixed(2)}×; metrics and model bytes ${same ? 'identical' : 'DIFFER'}`);
      }
    }
    if (rows.length >= 2) {
      const [a, b] = [rows[0], rows[rows.length - 1]];
      const slope = (b.m.rssMiB - a.m.rssMiB) / ((b.m.metrics.data.rows.test - a.m.metrics.data.rows.test) / 1e6);
      console.log(`  RSS growth: ${slope.toFixed(1)} MiB per million test rows (${(slope * 0.2).toFixed(1)} MiB per million rows at test 0.2), from ${(a.n / 1e6).toFixed(0)}M to ${(b.n / 1e6).toFixed(0)}M rows`);
    }
    if (args.includes('--in-memory')) {
      const n = sizes[0];
      const m = runOnce(repo, join(cache, `stream-${n}.parquet`), task, false, engines[0]);
      console.log(`  in memory (no data.stream), ${(n / 1e6).toFixed(0)}M rows: wall ${m.wall.toFixed(1)} s, CPU ${m.cpu.toFixed(1)} s, peak RSS ${m.rssMiB.toFixed(0)} MiB`);
    }
    const biggest = join(cache, `stream-${sizes[sizes.length - 1]}.parquet`);
    const anchor = await duckdbAnchor(biggest);
    const last = rows[rows.length - 1].m;
    console.log(`  anchor: DuckDB normal equations from the ${(sizes[sizes.length - 1] / 1e6).toFixed(0)}M-row file ${anchor.toFixed(2)} s; pipepilot (${engines[0]})/duckdb wall ${(last.wall / anchor).toFixed(1)}×`);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}
