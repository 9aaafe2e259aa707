/**
 * `npm run bench -- read-table [--rows=N]`: reads a ZSTD Parquet file of N rows (default
 * 3,000,000) × 5 DOUBLE columns (one with nulls) into a Table, the same data as CSV, and a
 * 125,000 × 20 CSV (the size of the issue-10 `run` comparison), each with both data engines
 * (the JS readers, then DuckDB: src/engine), and prints time and memory. The files are made
 * once with DuckDB in the OS temp dir (not committed). Also checks each Parquet column's sum
 * against DuckDB's, so a fast wrong reader cannot pass. The machine may be shared: figures are noisy.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsTableEngine, type TableEngine } from '../src/data/table-engine.js';
import { duckDbTableEngine } from '../src/engine/duckdb-engine.js';
import type { DataFormat } from '../src/spec/types.js';

const SELECT = (rows: number) => `SELECT random() AS a, random() * 100 AS b, random() - 0.5 AS c, (i % 1000)::DOUBLE AS d,
  CASE WHEN i % 97 = 0 THEN NULL ELSE random() END AS e FROM range(${rows}) t(i)`;

async function makeFiles(rows: number): Promise<{ parquet: string; csv: string; sums: Record<string, number> }> {
  const parquet = join(tmpdir(), `pipepilot-bench-${rows}.parquet`);
  const csv = join(tmpdir(), `pipepilot-bench-${rows}.csv`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  if (!existsSync(parquet)) await connection.run(`COPY (${SELECT(rows)}) TO '${parquet}' (FORMAT parquet, COMPRESSION zstd)`);
  if (!existsSync(csv)) await connection.run(`COPY (SELECT * FROM '${parquet}') TO '${csv}' (FORMAT csv, HEADER)`);
  const reader = await connection.runAndReadAll(`SELECT sum(a), sum(b), sum(c), sum(d), sum(e) FROM '${parquet}'`);
  const [row] = reader.getRows();
  connection.closeSync();
  return { parquet, csv, sums: Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((k, i) => [k, Number(row[i])])) };
}

async function makeWideCsv(rows: number): Promise<string> {
  const csv = join(tmpdir(), `pipepilot-bench-wide-${rows}.csv`);
  if (existsSync(csv)) return csv;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('SELECT setseed(0.1)');
  const xs = Array.from({ length: 20 }, (_, k) => `round(random() * 4 - 2, 6) AS x${k}`).join(', ');
  await connection.run(`COPY (SELECT ${xs}, (random() < 0.5)::INT AS y FROM range(${rows})) TO '${csv}' (FORMAT csv, HEADER)`);
  connection.closeSync();
  return csv;
}

async function measure(path: string, format: DataFormat, engine: TableEngine): Promise<Float64Array[]> {
  const bytes = readFileSync(path);
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  const timer = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
  const start = performance.now();
  const table = await engine.readTable({ bytes, path }, { file: path, format, missingValues: ['', 'NA'] });
  const ms = performance.now() - start;
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const mib = (n: number) => (n / 2 ** 20).toFixed(0);
  console.log(`${engine.name.padEnd(6)} ${format.padEnd(7)} ${table.rowCount} rows × ${table.columns.size} columns, ${mib(bytes.byteLength)} MiB file: ` +
    `${(ms / 1000).toFixed(2)} s, rss ${mib(before.rss)} → peak ${mib(peakRss)} MiB (sampled), heap now ${mib(process.memoryUsage().heapUsed)} MiB`);
  return [...table.columns.values()].map((c) => c.values as Float64Array);
}

export default async function bench(args: string[]): Promise<void> {
  // --rows=N (with '=': bench/index.ts takes every bare word for a benchmark's name).
  const rows = Number(args.find((a) => a.startsWith('--rows='))?.slice('--rows='.length) ?? 3_000_000);
  const { parquet, csv, sums } = await makeFiles(rows);
  const wide = await makeWideCsv(125_000);
  const fallbacks: string[] = [];
  const duckdb = duckDbTableEngine({ onFallback: (r) => fallbacks.push(r) });
  for (const engine of [jsTableEngine, duckdb]) {
    const columns = await measure(parquet, 'parquet', engine);
    Object.values(sums).forEach((expected, k) => {
      let sum = 0;
      for (const v of columns[k]) if (!Number.isNaN(v)) sum += v;
      if (Math.abs(sum - expected) > 1e-6 * Math.max(1, Math.abs(expected))) throw new Error(`column ${k}: sum ${sum}, DuckDB says ${expected}`);
    });
    await measure(csv, 'csv', engine);
    await measure(wide, 'csv', engine);
  }
  console.log('parquet column sums match DuckDB\'s with both engines');
  if (fallbacks.length > 0) console.log(`DuckDB engine fell back: ${fallbacks.join('; ')}`);
}
