/**
 * `npm run bench -- scale [--rows=N] [--engine=duckdb|js|both]`: a linear-regression pipeline on
 * a 3,000,000-row ZSTD Parquet file, run as a user would (`pipepilot run` in its own process),
 * once per data engine (default both: DuckDB, then the JS readers via PIPEPILOT_DATA_ENGINE=js).
 * Prints wall time, CPU time, peak RSS and each stage's time from metrics.json. Anchor, in the
 * same run: DuckDB computing the same least-squares normal equations straight from the file.
 * Targets (issue 10): under 5 s and under 1 GiB.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timedProcess } from './timed-process.js';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'pipepilot.js');

async function makeParquet(path: string, rows: number): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  // setseed + random() make the file the same on every machine; y is linear in x1..x4 plus noise.
  await con.run('SELECT setseed(0.42)');
  await con.run(`COPY (
      SELECT x1, x2, x3, x4, 3.0 + 2.0*x1 - 1.5*x2 + 0.5*x3 + 0.0*x4 + (random() - 0.5) AS y
      FROM (SELECT random() AS x1, random()*10 AS x2, random()-0.5 AS x3, random()*100 AS x4 FROM range(${rows}))
    ) TO '${path}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
  con.closeSync();
}

async function duckdbAnchor(path: string): Promise<number> {
  const t0 = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const cols = ['1', 'x1', 'x2', 'x3', 'x4'];
  const sums: string[] = [];
  for (let i = 0; i < cols.length; i++) {
    for (let j = i; j < cols.length; j++) sums.push(`sum(${cols[i]}*${cols[j]})`);
    sums.push(`sum(${cols[i]}*y)`);
  }
  await (await con.run(`SELECT ${sums.join(', ')} FROM '${path}'`)).getRows();
  con.closeSync();
  return (performance.now() - t0) / 1000;
}

export default async function scale(args: string[]): Promise<void> {
  const rows = Number(args.find((a) => a.startsWith('--rows='))?.slice('--rows='.length) ?? 3_000_000);
  const cache = join(here, '.cache');
  mkdirSync(cache, { recursive: true });
  const file = join(cache, `scale-${rows}.parquet`);
  if (!existsSync(file)) {
    console.log(`generating ${rows.toLocaleString()} rows → ${file}`);
    await makeParquet(file, rows);
  }
  const repo = join(tmpdir(), `pipepilot-bench-scale-${process.pid}`);
  mkdirSync(join(repo, 'pipelines', 'data'), { recursive: true });
  mkdirSync(join(repo, '.git'));
  writeFileSync(join(repo, 'pipelines', 'data', 'scale.parquet'), readFileSync(file));
  writeFileSync(
    join(repo, 'pipelines', 'scale.yaml'),
    [
      'apiVersion: pipepilot/v1',
      'name: scale',
      'data: {source: pipelines/data/scale.parquet, target: y, split: {test: 0.2, seed: 1}}',
      'model: {task: regression, type: linear, seed: 1}',
      'evaluate: {bootstrap: {samples: 1000}}',
      'gates: [{metric: r2, min: 0.9}]',
    ].join('\n'),
  );
  let firstWall = NaN;
  // --engine=duckdb|js|both (with '=': bench/index.ts takes every bare word for a benchmark's name).
  const engineArg = args.find((a) => a.startsWith('--engine='))?.slice('--engine='.length) ?? 'both';
  const engines = engineArg === 'both' ? ['duckdb', 'js'] : [engineArg];
  console.log(`scale: ${rows.toLocaleString()} rows, ZSTD Parquet, linear regression (targets: < 5 s, < 1024 MiB)`);
  for (const engine of engines) {
    const out = join(repo, `out-${engine}`);
    const { wall, cpu, rssMiB } = timedProcess(process.execPath, [bin, 'run', 'pipelines/scale.yaml', '--out', out, '--quiet'], repo, { ...process.env, PIPEPILOT_DATA_ENGINE: engine });
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    console.log(`  engine ${engine}`);
    console.log(`    pipepilot run wall time   ${wall.toFixed(2)} s, CPU ${cpu.toFixed(2)} s (user+sys)`);
    console.log(`    peak RSS                  ${rssMiB.toFixed(0)} MiB`);
    console.log(`    stages (ms)               ${JSON.stringify(metrics.durations_ms)}`);
    console.log(`    r2                        ${metrics.metrics.r2.toFixed(4)}, content key ${metrics.content_key.slice(0, 19)}…`);
    if (engine === engines[0]) firstWall = wall;
  }
  const anchor = await duckdbAnchor(file);
  rmSync(repo, { recursive: true, force: true });
  console.log(`  anchor: DuckDB normal equations from the file ${anchor.toFixed(2)} s; ratio pipepilot (engine ${engines[0]})/duckdb ${(firstWall / anchor).toFixed(1)}×`);
  console.log('  (the machine may be shared: wall times are noisy, CPU time less so)');
}
