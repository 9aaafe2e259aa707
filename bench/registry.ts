/**
 * `npm run bench -- registry`: the git registry at scale, in this process (no node start-up in
 * the figures) plus the built CLI as a user runs it.
 *  - register of a ~1 MB model (an MLP, trained once beforehand; `--from-run`, so no training)
 *  - `history` and `verify` of a model with 1,000 versions
 *  - register into that model (version allocation and the idempotency scan over 1,000 versions)
 * Targets (registry issue): each well under a second. A registry kept in git tags slows down
 * with every version (one ref per version, `git tag -l` + a `git show` each); ours reads one tree.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';
import { nodeFiles } from '../src/cli/node-files.js';
import { createGit } from '../src/git/simple-git-client.js';
import { versionDir } from '../src/registry/layout.js';
import { readModelHistory } from '../src/use-cases/model-history.js';
import { verifyRegistry } from '../src/use-cases/verify-registry.js';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'pipepilot.js');
const VERSIONS = 1000;

const pipeline = (name: string, model: string) =>
  ['apiVersion: pipepilot/v1', `name: ${name}`, 'data: {source: data/bc.csv, target: diagnosis, positive_class: malignant}', model, 'evaluate: {bootstrap: {samples: 0}}'].join('\n') + '\n';

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; ms: number }> {
  let out = '';
  const t0 = performance.now();
  const code = await main(['node', 'pipepilot', ...args], { cwd, env: { PIPEPILOT_BACKEND: 'wasm' }, stdout: (s) => void (out += s), stderr: (s) => void (out += s), isTTY: false });
  return { code, out, ms: performance.now() - t0 };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
}

async function best(times: number, fn: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

/** 1,000 versions in one commit: copies of v1 whose metadata names its own version and a unique content key. */
function fanOut(repo: string, name: string): void {
  const v1 = join(repo, versionDir(name, 1));
  const meta = JSON.parse(readFileSync(join(v1, 'metadata.json'), 'utf8'));
  for (let v = 2; v <= VERSIONS; v++) {
    const dir = join(repo, versionDir(name, v));
    cpSync(v1, dir, { recursive: true });
    const key = `sha256:${createHash('sha256').update(`bench ${v}`).digest('hex')}`;
    writeFileSync(join(dir, 'metadata.json'), JSON.stringify({ ...meta, version: v, content_key: key }, null, 2) + '\n');
  }
  git(repo, 'add', '-A', 'models');
  git(repo, 'commit', '-q', '-m', `bench: ${VERSIONS} versions of ${name}`);
}

export default async function registry(): Promise<void> {
  const repo = mkdtempSync(join(tmpdir(), 'pipepilot-bench-registry-'));
  try {
    git(repo, 'init', '-q', '-b', 'main');
    for (const [k, v] of [['user.name', 'bench'], ['user.email', 'bench@pipepilot.invalid'], ['gc.auto', '0'], ['commit.gpgsign', 'false']]) git(repo, 'config', k, v);
    mkdirSync(join(repo, 'data'));
    writeFileSync(join(repo, 'data/bc.csv'), readFileSync(join(here, '..', 'pipelines/data/breast-cancer.csv')));
    // hidden [1024, 256] on 30 inputs: ~293k float32 weights, about 1.1 MB of weights.bin.
    writeFileSync(join(repo, 'big.yaml'), pipeline('big', 'model: {task: binary_classification, type: mlp, seed: 1, params: {hidden_units: [1024, 256], epochs: 1, batch_size: 512}}'));
    writeFileSync(join(repo, 'small.yaml'), pipeline('small', 'model: {task: binary_classification, type: linear, seed: 1}'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'bench repo');

    for (const name of ['big', 'small']) {
      const run = await cli(['run', `${name}.yaml`, '--out', `.pipepilot/${name}`, '-q'], repo);
      if (run.code !== 0) throw new Error(`run ${name} failed:\n${run.out}`);
    }
    const weightsMb = statSync(join(repo, '.pipepilot/big/model/weights.bin')).size / 2 ** 20;
    const reg = await cli(['register', 'big.yaml', '--from-run', '.pipepilot/big', '-q'], repo);
    if (reg.code !== 0) throw new Error(reg.out);
    console.log(`register --from-run, ${weightsMb.toFixed(2)} MB weights (in process, incl. backend init and content-key check): ${reg.ms.toFixed(0)} ms`);

    if ((await cli(['register', 'small.yaml', '--from-run', '.pipepilot/small', '-q'], repo)).code !== 0) throw new Error('register small failed');
    const t0 = performance.now();
    fanOut(repo, 'small');
    console.log(`setup: ${VERSIONS} versions written and committed in ${((performance.now() - t0) / 1000).toFixed(1)} s (not a measured figure)`);

    // A deployment log to read: ten promotions of production and five of staging, one commit each.
    for (let i = 1; i <= 15; i++) {
      const env = i <= 10 ? 'production' : 'staging';
      mkdirSync(join(repo, 'models/small/deployments'), { recursive: true });
      writeFileSync(join(repo, `models/small/deployments/${env}.yaml`), `model: small\nversion: ${i * 60}\nreason: bench\n`);
      git(repo, 'add', 'models/small/deployments');
      git(repo, 'commit', '-q', '-m', `promote small v${i * 60} to ${env}`);
    }
    const files = nodeFiles(repo);
    const g = await createGit(repo);
    const historyMs = await best(3, async () => {
      const h = await readModelHistory({ git: g, files }, { model: 'small' });
      if (h.versions.length !== VERSIONS || h.environments.length !== 2 || h.versions[0].registered === null) throw new Error(`history: ${h.versions.length} versions`);
    });
    console.log(`history of ${VERSIONS} versions + 15 manifest changes (use case: one ls-tree, one log for who/when, every metadata.json parsed): ${historyMs.toFixed(0)} ms`);
    const cliHistory = await cli(['history', 'small', '--at', '2100-01-01'], repo);
    if (cliHistory.code !== 0) throw new Error(cliHistory.out);
    console.log(`\`pipepilot history small --at …\` in process (table of ${VERSIONS} rows rendered): ${cliHistory.ms.toFixed(0)} ms`);

    const verifyMs = await best(3, async () => {
      const r = await verifyRegistry({ files }, { model: 'small' });
      if (r.problems.length > 0 || r.models[0].versions !== VERSIONS) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    });
    console.log(`verify of ${VERSIONS} versions (every digest recomputed): ${verifyMs.toFixed(0)} ms`);

    writeFileSync(join(repo, 'small.yaml'), pipeline('small', 'model: {task: binary_classification, type: linear, seed: 2}'));
    if ((await cli(['run', 'small.yaml', '--out', '.pipepilot/small2', '-q'], repo)).code !== 0) throw new Error('run small2 failed');
    const reg2 = await cli(['register', 'small.yaml', '--from-run', '.pipepilot/small2', '-q'], repo);
    if (!/registered small v1001/.test(reg2.out)) throw new Error(reg2.out);
    console.log(`register --from-run into a model with ${VERSIONS} versions (allocation + idempotency scan): ${reg2.ms.toFixed(0)} ms`);
    const again = await cli(['register', 'small.yaml', '--from-run', '.pipepilot/small2', '-q'], repo);
    console.log(`same run again ("${again.out.trim().split(':')[1]?.trim()}"): ${again.ms.toFixed(0)} ms`);

    if (existsSync(join(here, '..', 'lib', 'cli', 'main.js'))) {
      for (const args of [['history', 'small'], ['verify', 'small'], ['register', 'small.yaml', '--from-run', '.pipepilot/small2', '-q']]) {
        const t = performance.now();
        const r = spawnSync(process.execPath, [bin, ...args], { cwd: repo, env: { ...process.env, PIPEPILOT_BACKEND: 'wasm' }, encoding: 'utf8' });
        console.log(`built CLI \`pipepilot ${args.slice(0, 2).join(' ')}\` as a process (node start-up included): ${(performance.now() - t).toFixed(0)} ms, exit ${r.status}`);
      }
    }
    console.log(`registry size on disk: ${readdirSync(join(repo, 'models/small')).length} entries in models/small/`);
  } finally {
    if (process.env.PIPEPILOT_BENCH_KEEP) console.log(`kept ${repo}`);
    else rmSync(repo, { recursive: true, force: true });
  }
}
