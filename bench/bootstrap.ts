/**
 * `npm run bench -- bootstrap`: the evaluation's percentile bootstrap (issue 10) — 1000
 * resamples of 25,000 test rows (a 125k-row data set's 20 % split), the five binary headline
 * metrics — best of 5 in process, wall and CPU seconds. Anchor, in the same run when python3 has
 * numpy and scikit-learn: the bootstrap written the usual way (numpy draws, sklearn metrics per
 * resample), on 100 resamples only (1000 take ~30 s of CPU), so the two compare per resample.
 * Different random draws, so the intervals agree only to about 3 decimals.
 *
 * Then the scale run's bootstrap (`npm run bench -- scale`: 166 resamples × 600k regression rows,
 * 100M draws) on the calling thread alone and shared with worker threads (one per further core,
 * as a run does), alternated, best of 5 each, checking the intervals are the same bits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrapIntervals } from '../src/evaluate/bootstrap.js';
import { HEADLINE_METRICS, taskResampler } from '../src/evaluate/evaluation.js';
import { Rng } from '../src/rng.js';
import { bootstrapWorkers } from '../src/cli/bootstrap-workers.js';
import { availableParallelism } from 'node:os';

const ROWS = 25_000;
const RESAMPLES = 1000;
const ANCHOR_RESAMPLES = 100;

export default async function bench(): Promise<void> {
  const rng = new Rng(3);
  const y = new Float64Array(ROWS);
  const p = new Float32Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    y[i] = rng.next() < 0.5 ? 1 : 0;
    p[i] = Math.round(1000 / (1 + Math.exp(-(y[i] * 1.5 - 0.75 + rng.normal())))) / 1000; // ties, as real scores have
  }
  const reading = { task: 'binary_classification' as const, classes: ['no', 'yes'], threshold: 0.5 };
  const opts = { samples: RESAMPLES, seed: 42, confidence: 0.95, metrics: HEADLINE_METRICS.binary_classification };
  let wall = Infinity;
  let cpu = Infinity;
  let roc: { low: number; high: number } | undefined;
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    roc = bootstrapIntervals(taskResampler(reading, y, p), ROWS, opts).roc_auc;
    const c = process.cpuUsage(c0);
    wall = Math.min(wall, (performance.now() - t0) / 1000);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
  }
  console.log(`bootstrap ${RESAMPLES} resamples × ${ROWS} rows, ${opts.metrics.join(', ')} (load ${loadavg()[0].toFixed(1)})`);
  console.log(`ours    best of 5: ${wall.toFixed(3)} s wall  ${cpu.toFixed(3)} s cpu  roc_auc [${roc!.low.toFixed(4)}, ${roc!.high.toFixed(4)}]`);
  await sharedBootstrap();
  const anchor = runAnchor(y, p);
  if (typeof anchor === 'string') {
    console.log(`anchor: not run (${anchor})`);
    return;
  }
  const perOurs = (s: number) => ((s / RESAMPLES) * 1000).toFixed(3);
  const perAnchor = (s: number) => ((s / ANCHOR_RESAMPLES) * 1000).toFixed(3);
  console.log(`ours    per resample: ${perOurs(wall)} ms wall  ${perOurs(cpu)} ms cpu`);
  console.log(`numpy + scikit-learn, ${ANCHOR_RESAMPLES} resamples: ${anchor.wall_s.toFixed(2)} s wall  ${anchor.cpu_s.toFixed(2)} s cpu; ` +
    `per resample ${perAnchor(anchor.wall_s)} ms wall  ${perAnchor(anchor.cpu_s)} ms cpu  roc_auc [${anchor.roc_auc[0].toFixed(4)}, ${anchor.roc_auc[1].toFixed(4)}]`);
  console.log(`ratio anchor/ours per resample: wall ${((anchor.wall_s / ANCHOR_RESAMPLES) / (wall / RESAMPLES)).toFixed(0)}×  cpu ${((anchor.cpu_s / ANCHOR_RESAMPLES) / (cpu / RESAMPLES)).toFixed(0)}×`);
}

function runAnchor(y: Float64Array, p: Float32Array): { wall_s: number; cpu_s: number; roc_auc: number[] } | string {
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const dir = mkdtempSync(join(tmpdir(), 'pipepilot-bench-bootstrap-'));
  try {
    writeFileSync(join(dir, 'y.bin'), new Uint8Array(y.buffer));
    writeFileSync(join(dir, 'p.bin'), new Uint8Array(p.buffer));
    const script = join(dirname(fileURLToPath(import.meta.url)), 'bootstrap-anchor.py');
    const res = spawnSync(python, [script, join(dir, 'y.bin'), join(dir, 'p.bin'), String(ROWS), String(ANCHOR_RESAMPLES)], { encoding: 'utf8' });
    if (res.status !== 0) return (res.stderr || String(res.error)).trim().split('\n').pop() ?? 'failed';
    return JSON.parse(res.stdout) as { wall_s: number; cpu_s: number; roc_auc: number[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sharedBootstrap(): Promise<void> {
  const rows = 600_000;
  const rng = new Rng(5);
  const y = new Float64Array(rows);
  const p = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    y[i] = rng.normal() * 3;
    p[i] = y[i] + rng.normal() * 0.3;
  }
  const reading = { task: 'regression' as const, classes: [], threshold: 0.5 };
  const opts = { samples: 166, seed: 42, confidence: 0.95, metrics: HEADLINE_METRICS.regression };
  const pool = bootstrapWorkers(availableParallelism() - 1);
  const best = { alone: { wall: Infinity, cpu: Infinity }, shared: { wall: Infinity, cpu: Infinity } };
  let reference: string | undefined;
  for (let round = 0; round < 5; round++) {
    for (const mode of ['alone', 'shared'] as const) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const intervals = JSON.stringify(bootstrapIntervals(taskResampler(reading, y, p), rows, opts, mode === 'shared' ? pool : undefined));
      const c = process.cpuUsage(c0);
      reference ??= intervals;
      if (intervals !== reference) throw new Error('bootstrap: the shared bootstrap gave other intervals');
      best[mode].wall = Math.min(best[mode].wall, (performance.now() - t0) / 1000);
      best[mode].cpu = Math.min(best[mode].cpu, (c.user + c.system) / 1e6);
    }
  }
  await pool.close();
  console.log(`scale's bootstrap, 166 resamples × ${rows} regression rows, ${pool.count} helper thread(s) (load ${loadavg()[0].toFixed(1)}), best of 5, alternated, same intervals bit for bit:`);
  console.log(`  calling thread alone: ${best.alone.wall.toFixed(3)} s wall  ${best.alone.cpu.toFixed(3)} s cpu`);
  console.log(`  shared:               ${best.shared.wall.toFixed(3)} s wall  ${best.shared.cpu.toFixed(3)} s cpu  (wall ratio alone/shared ${(best.alone.wall / best.shared.wall).toFixed(2)}×)`);
}
