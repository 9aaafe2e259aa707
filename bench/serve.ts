/**
 * `npm run bench -- serve`: the inference server in this process on 127.0.0.1 (loopback only),
 * loaded by autocannon for ~5 s per scenario (bounded; it ends by itself):
 *  - single-record POST /models/bc/predict
 *  - 256-record POST /models/bc/predict/batch
 * each against a server recording live outcomes (the default) and one that does not
 * (`--pending-rows 0`), alternated ABBA… after a warm-up (`--rounds=N` pairs, default 2). Prints requests/s,
 * p50/p99 latency, rows/s and this process's CPU time per request per run, the medians, their
 * ratios, and the load average. The model is a small MLP ([64, 32]) trained on
 * the breast-cancer data and registered in a temp repository, deployed to production.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Registry } from 'prom-client';
import { main } from '../src/cli/main.js';
import { createGit } from '../src/git/simple-git-client.js';
import { selectBackend } from '../src/model/backend.js';
import { LiveWindow } from '../src/monitor/live-window.js';
import { Rng } from '../src/rng.js';
import { gitDeploymentSource } from '../src/serve/deployment-source.js';
import { createServer } from '../src/serve/server.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types; this is the one call we make.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const here = dirname(fileURLToPath(import.meta.url));
const SECONDS = 5;

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

async function deployedRepo(): Promise<{ repo: string; rows: Record<string, number>[] }> {
  const repo = mkdtempSync(join(tmpdir(), 'pipepilot-bench-serve-'));
  git(repo, 'init', '-q', '-b', 'main');
  for (const [k, v] of [['user.name', 'bench'], ['user.email', 'bench@pipepilot.invalid'], ['gc.auto', '0'], ['commit.gpgsign', 'false']]) git(repo, 'config', k, v);
  const csv = readFileSync(join(here, '..', 'pipelines/data/breast-cancer.csv'), 'utf8');
  mkdirSync(join(repo, 'data'));
  writeFileSync(join(repo, 'data/bc.csv'), csv);
  writeFileSync(join(repo, 'bc.yaml'), ['apiVersion: pipepilot/v1', 'name: bc', 'data: {source: data/bc.csv, target: diagnosis, positive_class: malignant}', 'model: {task: binary_classification, type: mlp, seed: 1, params: {hidden_units: [64, 32], epochs: 5}}', 'evaluate: {bootstrap: {samples: 0}}', 'gates: []'].join('\n') + '\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'bench repo');
  let out = '';
  const code = await main(['node', 'pipepilot', 'register', 'bc.yaml', '-q', '--force', '--reason', 'bench'], { cwd: repo, env: process.env, stdout: (s) => void (out += s), stderr: (s) => void (out += s), isTTY: false });
  if (code !== 0) throw new Error(`register failed:\n${out}`);
  mkdirSync(join(repo, 'models/bc/deployments'), { recursive: true });
  writeFileSync(join(repo, 'models/bc/deployments/production.yaml'), 'model: bc\nversion: 1\nreason: bench\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'deploy bc v1');
  const [header, ...lines] = csv.trim().split('\n');
  const names = header.split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(',').flatMap((v, i) => (names[i] === 'diagnosis' ? [] : [[names[i], Number(v)]]))));
  return { repo, rows };
}

/**
 * The bookkeeping `--pending-rows 0` turns off, alone: a version's LiveWindow recording one
 * single-record answer (its request id and prediction in the ring, its status and latency), with
 * the ring on and off, alternated. CPU µs per request, so the figure holds on a loaded machine
 * better than the end-to-end req/s, which a neighbour's work can halve.
 */
function recordingCostUs(rounds: number): { on: number; off: number } {
  const calls = 200_000;
  const perCall = (pendingRows: number | undefined, round: number) => {
    const w = new LiveWindow({ task: 'binary_classification', classes: ['benign', 'malignant'], ...(pendingRows === undefined ? {} : { pendingRows }) });
    const ids = Array.from({ length: calls }, (_, i) => `r${round}-${i}`);
    const before = process.cpuUsage();
    for (let i = 0; i < calls; i++) {
      w.recordPredictions(ids[i], [i % 3 === 0 ? 'malignant' : 'benign']);
      w.recordRequest(200, 0.001);
    }
    const used = process.cpuUsage(before);
    return (used.user + used.system) / calls;
  };
  const on: number[] = [];
  const off: number[] = [];
  for (let round = 0; round < rounds; round++) {
    on.push(perCall(undefined, round));
    off.push(perCall(0, round));
  }
  return { on: median(on), off: median(off) };
}

/** `--rounds=N` (one token: bench/index.ts takes every bare word for a benchmark name). */
function roundsArg(args: string[]): number {
  const given = args.find((a) => a.startsWith('--rounds='));
  const n = given === undefined ? 2 : Number(given.slice('--rounds='.length));
  if (!Number.isInteger(n) || n < 1 || n > 20) throw new Error(`--rounds must be a whole number from 1 to 20, got ${given}`);
  return n;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export default async function serve(args: string[] = []): Promise<void> {
  const rounds = roundsArg(args);
  const backend = await selectBackend();
  const { repo, rows } = await deployedRepo();
  // Two servers on the same registry: live outcomes recorded (the default, a 10,000-row feedback
  // ring per version) and not (`--pending-rows 0`). Runs alternate between them (ABBA…), so a
  // neighbour's load on this shared machine falls on both about equally; medians are compared.
  const variants = [
    { name: 'recording', live: {} },
    { name: 'not recording', live: { pendingRows: 0 } },
  ];
  const apps = [];
  try {
    for (const v of variants) {
      const source = await gitDeploymentSource(await createGit(repo), { env: 'production' });
      const app = createServer({ loadDeployment: source.load, clock: { now: () => Date.now() }, log: { info: () => {}, warn: (m) => console.error(m) }, rng: new Rng(1), metrics: new Registry(), live: v.live });
      apps.push(app);
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const refreshed = await app.refresh();
      if (refreshed.models[0]?.action !== 'swapped') throw new Error(`model not loaded: ${JSON.stringify(refreshed)}`);
      Object.assign(v, { url });
    }
    console.log(`serve bench: backend ${backend.name}, MLP [64, 32] on 30 features, ${SECONDS} s per run, 10 connections, ${rounds} round(s) of recording / not recording (--pending-rows 0), alternated ABBA after a 2 s warm-up of each`);
    console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores (a shared machine: figures are noisy)`);
    const scenarios = [
      { name: 'single record /predict', path: '/models/bc/predict', body: JSON.stringify(rows[0]), rowsPerRequest: 1 },
      { name: '256-record /predict/batch', path: '/models/bc/predict/batch', body: JSON.stringify({ records: rows.slice(0, 256) }), rowsPerRequest: 256 },
    ];
    for (const s of scenarios) {
      const rps: number[][] = variants.map(() => []);
      const cpu: number[][] = variants.map(() => []);
      // A short warm-up of each (JIT, tfjs kernels, sockets), then ABBA…: the order flips every
      // round, so a trend in the neighbours' load falls on both sides alike.
      for (const v of variants) await autocannon({ url: (v as typeof v & { url: string }).url + s.path, method: 'POST', headers: { 'content-type': 'application/json' }, body: s.body, connections: 10, duration: 2 });
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? [0, 1] : [1, 0];
        for (const i of order) {
          const v = variants[i];
          const url = (v as typeof v & { url: string }).url;
          // CPU time of this process (server and load generator) per request: on a machine other
          // engineers load, wall-clock req/s swings with their work, CPU per request much less.
          const before = process.cpuUsage();
          const r = await autocannon({ url: url + s.path, method: 'POST', headers: { 'content-type': 'application/json' }, body: s.body, connections: 10, duration: SECONDS });
          const used = process.cpuUsage(before);
          const cpuUs = (used.user + used.system) / Math.max(1, r.requests.total);
          rps[i].push(r.requests.average);
          cpu[i].push(cpuUs);
          console.log(`${s.name.padEnd(26)} ${v.name.padEnd(14)} ${r.requests.average.toFixed(0).padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ${(r.requests.average * s.rowsPerRequest).toFixed(0).padStart(8)} rows/s  ${cpuUs.toFixed(0).padStart(6)} µs CPU/request  (${r.requests.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors)`);
        }
      }
      const [on, off] = rps.map(median);
      const [cpuOn, cpuOff] = cpu.map(median);
      console.log(`${s.name.padEnd(26)} median ${on.toFixed(0)} req/s recording, ${off.toFixed(0)} not recording: recording/not = ${(on / off).toFixed(3)} (budget ≥ 0.90)`);
      console.log(`${s.name.padEnd(26)} median CPU ${cpuOn.toFixed(0)} µs/request recording, ${cpuOff.toFixed(0)} not recording: capacity recording/not = ${(cpuOff / cpuOn).toFixed(3)} (budget ≥ 0.90)`);
    }
    const cost = recordingCostUs(Math.max(3, rounds));
    const added = cost.on - cost.off;
    console.log(`recording alone (LiveWindow, 200,000 answers, median of ${Math.max(3, rounds)}): ${cost.on.toFixed(2)} µs CPU/request with the feedback ring, ${cost.off.toFixed(2)} without: +${added.toFixed(2)} µs, ${(100 * added / (1e6 / 4700)).toFixed(1)} % of a request at the 4,700 req/s anchor (213 µs)`);
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    for (const app of apps) await app.close();
    rmSync(repo, { recursive: true, force: true });
  }
}
