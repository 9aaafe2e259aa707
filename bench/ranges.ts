/**
 * `npm run bench -- ranges [--rows=N] [--rounds=R]`: a wide Parquet file (N rows, default
 * 1,000,000, × 40 DOUBLE columns, ZSTD, made once with DuckDB in the OS temp dir) served over
 * loopback HTTP with Range support, read the two ways a pipeline using 3 of its columns (2
 * features and the target) can: `data.read: whole` (download into a fresh cache, sha256-check,
 * read the table; `whole` reads all 40 columns as a run does today, `whole3` only the 3) and `data.read: ranges` (footer and the 3 columns' chunks, pin-checked, read).
 * Prints bytes served, requests, wall and CPU seconds per round, alternating the two. Loopback
 * hides network latency and bandwidth, so on a real link the byte ratio is the figure that
 * carries over; the server runs in this process, so CPU includes serving.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { nodeFiles } from '../src/cli/node-files.js';
import { columnsToRead, footerMetadata, footerRange, planRanges, rangesDigest, topColumns } from '../src/data/parquet-ranges.js';
import { jsTableEngine } from '../src/data/table-engine.js';
import { nodeDataSource } from '../src/fetch/data-source.js';
import { applyDefaults } from '../src/spec/defaults.js';
import type { DataSpec } from '../src/spec/types.js';

const COLUMNS = 40;

async function makeFile(rows: number): Promise<string> {
  const path = join(tmpdir(), `pipepilot-bench-ranges-${rows}.parquet`);
  if (existsSync(path)) return path;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('SELECT setseed(0.3)');
  const xs = Array.from({ length: COLUMNS - 1 }, (_, k) => `random() * ${k + 1} AS x${k}`).join(', ');
  await connection.run(`COPY (SELECT ${xs}, (random() < 0.5)::DOUBLE AS y FROM range(${rows})) TO '${path}' (FORMAT parquet, COMPRESSION zstd)`);
  connection.closeSync();
  return path;
}

/** A loopback file server with Range support (suffix and explicit), counting the body bytes it sends. */
async function serve(path: string) {
  const size = statSync(path).size;
  const etag = `"${size}-${statSync(path).mtimeMs}"`;
  const counts = { bytes: 0, requests: 0 };
  const server = createServer((req, res) => {
    counts.requests++;
    const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = size;
    if (m !== null) {
      start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
      end = m[1] === '' || m[2] === '' ? size : Math.min(size, Number(m[2]) + 1);
      res.writeHead(206, { etag, 'content-length': end - start, 'content-range': `bytes ${start}-${end - 1}/${size}` });
    } else {
      res.writeHead(200, { etag, 'content-length': size });
    }
    counts.bytes += end - start;
    createReadStream(path, { start, end: end - 1 }).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/wide.parquet`, counts, close: () => server.close() };
}

function spec(raw: Record<string, unknown>): DataSpec {
  return applyDefaults({ apiVersion: 'pipepilot/v1', name: 'bench', data: { target: 'y', features: { numeric: ['x3', 'x20'] }, ...raw } as never, model: { task: 'regression', type: 'linear' } }).data;
}

/** The ranges pin of the file for `data`, computed from the file on disk. */
function pinFor(path: string, data: DataSpec): { pin: string; bytes: number } {
  const file = readFileSync(path);
  const footer = footerRange(file, file.length, path);
  const metadata = footerMetadata(file.subarray(footer.start), path);
  const plan = planRanges(metadata, columnsToRead(data, [], topColumns(metadata)), footer, path);
  return { pin: rangesDigest({ fileSize: file.length, ranges: plan.map((r) => ({ start: r.start, bytes: file.subarray(r.start, r.end) })) }), bytes: plan.reduce((n, r) => n + r.end - r.start, 0) };
}

export default async function main(args: string[]): Promise<void> {
  const rows = Number(args.find((a) => a.startsWith('--rows='))?.slice(7) ?? 1_000_000);
  const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 3);
  const path = await makeFile(rows);
  const size = statSync(path).size;
  const server = await serve(path);
  const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
  const whole = spec({ source: server.url, sha256: sha });
  const pinned = pinFor(path, spec({ source: server.url, read: 'ranges', ranges_sha256: '0'.repeat(64) }));
  const ranged = spec({ source: server.url, read: 'ranges', ranges_sha256: pinned.pin });
  console.log(`${rows} rows × ${COLUMNS} DOUBLE columns, ZSTD: ${(size / 2 ** 20).toFixed(1)} MiB; the pipeline uses 3 columns (x3, x20, y), ${(pinned.bytes / 2 ** 20).toFixed(2)} MiB of footer and chunks`);
  const files = nodeFiles(tmpdir());
  const once = async (label: string, data: DataSpec, columns?: string[]) => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'pipepilot-bench-cache-'));
    const before = { ...server.counts };
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const file = await nodeDataSource({ files, env: {}, cacheDir }).readFile!(data, { sliceColumns: [] });
    const table = await jsTableEngine.readTable(file, { file: data.source, format: 'parquet', missingValues: data.missing_values, ...(columns && { columns }) });
    const wall = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(cpu);
    rmSync(cacheDir, { recursive: true, force: true });
    const bytes = server.counts.bytes - before.bytes;
    console.log(`${label.padEnd(7)} ${(bytes / 2 ** 20).toFixed(2).padStart(8)} MiB in ${String(server.counts.requests - before.requests).padStart(3)} requests, ${table.columns.size} columns read, wall ${wall.toFixed(2)} s, CPU ${((used.user + used.system) / 1e6).toFixed(2)} s`);
    return { bytes, wall };
  };
  const results: Record<string, { bytes: number; wall: number }[]> = { whole: [], whole3: [], ranges: [] };
  for (let r = 0; r < rounds; r++) {
    results.whole.push(await once('whole', whole));
    results.whole3.push(await once('whole3', whole, ['x3', 'x20', 'y']));
    results.ranges.push(await once('ranges', ranged));
  }
  const best = (xs: { wall: number }[]) => Math.min(...xs.map((x) => x.wall));
  console.log(`ranges / whole: bytes ${(results.ranges[0].bytes / results.whole[0].bytes).toFixed(3)}, best wall ${(best(results.ranges) / best(results.whole)).toFixed(3)} (vs the whole download reading 3 columns: ${(best(results.ranges) / best(results.whole3)).toFixed(3)})`);
  server.close();
}
