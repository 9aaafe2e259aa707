import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { MetricsDoc } from '../../src/evaluate/metrics-doc.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { bcData, manifestYaml, smallPipeline } from '../helpers/registry-fixtures.js';
import { projectRoot } from '../helpers/temp-project.js';
import { tempRepo, type TempRepo } from '../helpers/temp-repo.js';

const VS_PRODUCTION = '[{metric: roc_auc, max_drop: 0.01, vs: production}]';
/** The production model: all 30 features. */
const good = smallPipeline({ gates: VS_PRODUCTION });
/** A clearly worse candidate: one weak feature instead of thirty (same split seed, so the same test rows). */
const worse = smallPipeline({ gates: VS_PRODUCTION, features: '{numeric: [se_texture], infer: false}' });

function promote(repo: TempRepo, version: number): string {
  mkdirSync(join(repo.dir, 'models/bc/deployments'), { recursive: true });
  writeFileSync(join(repo.dir, 'models/bc/deployments/production.yaml'), manifestYaml('bc', version));
  repo.git(repo.dir, 'add', 'models/bc/deployments/production.yaml');
  repo.git(repo.dir, 'commit', '-q', '-m', `promote bc v${version} to production`);
  return repo.git(repo.dir, 'rev-parse', 'HEAD').trim();
}

const metricsOf = (dir: string, out: string) => JSON.parse(readFileSync(join(dir, out, 'metrics.json'), 'utf8')) as MetricsDoc;

describe('gates against production in the CLI (--baseline-ref)', () => {
  it('a candidate worse than production fails the max_drop gate in `run` (exit 1) and in `register` (refused)', async () => {
    const repo = tempRepo({ 'p.yaml': good, 'data/bc.csv': bcData });
    expect((await runCli(['register', 'p.yaml', '-q'], repo.dir)).stdout).toMatch(/registered bc v1/);
    promote(repo, 1);
    writeFileSync(join(repo.dir, 'p.yaml'), worse);

    const run = await runCli(['run', 'p.yaml', '--out', 'out'], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/baseline: production is bc v1 at HEAD\n/);
    expect(run.stderr).toMatch(/gate failed: roc_auc 0\.\d+ vs production v1 0\.\d+: difference -0\.\d+.*> max_drop 0\.01/);
    const metrics = metricsOf(repo.dir, 'out');
    expect(metrics.baseline?.version).toBe(1);
    expect(readFileSync(join(repo.dir, 'out/report.md'), 'utf8')).toContain('### Compared with production v1');

    const head = repo.git(repo.dir, 'rev-parse', 'HEAD');
    const register = await runCli(['register', 'p.yaml', '-q'], repo.dir);
    expect(register.code).toBe(1);
    expect(register.stderr).toMatch(/gate failed: roc_auc .* vs production v1[\s\S]*not registering bc: 1 gate result\(s\) failed/);
    expect(repo.git(repo.dir, 'rev-parse', 'HEAD')).toBe(head);

    // Forced through, the version records what it was compared with.
    const forced = await runCli(['register', 'p.yaml', '-q', '--force', '--reason', 'accepted for the test'], repo.dir);
    expect(forced.stdout).toMatch(/registered bc v2/);
    const meta = JSON.parse(readFileSync(join(repo.dir, 'models/bc/v2/metadata.json'), 'utf8'));
    expect(meta.baseline_version).toBe(1);
    expect(meta.gates_passed).toBe(false);
  });

  it('no production manifest → no baseline, passes (in a registry, and outside git altogether)', async () => {
    const repo = tempRepo({ 'p.yaml': worse, 'data/bc.csv': bcData });
    const run = await runCli(['run', 'p.yaml', '--out', 'out'], repo.dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/baseline: none \(no bc production manifest at HEAD\)/);
    const metrics = metricsOf(repo.dir, 'out');
    expect(metrics.baseline).toBeUndefined();
    expect(metrics.gates.map((g) => g.status)).toEqual(['no_baseline']);
    const register = await runCli(['register', 'p.yaml', '-q'], repo.dir);
    expect(register.stdout).toMatch(/registered bc v1/);
    expect(JSON.parse(readFileSync(join(repo.dir, 'models/bc/v1/metadata.json'), 'utf8')).baseline_version).toBeNull();

    // Not a git repository: `run` works as before; asking for a baseline ref there is a usage error.
    const plain = mkdtempSync(join(tmpdir(), 'pipepilot-nogit-'));
    onTestFinished(() => rmSync(plain, { recursive: true, force: true }));
    mkdirSync(join(plain, 'data'));
    writeFileSync(join(plain, 'data/bc.csv'), readFileSync(join(projectRoot, bcData.copy)));
    writeFileSync(join(plain, 'p.yaml'), worse);
    const outside = await runCli(['run', 'p.yaml', '--out', 'out', '-q'], plain);
    expect(outside.stderr).toBe('');
    expect(outside.code).toBe(0);
    expect(metricsOf(plain, 'out').gates[0].status).toBe('no_baseline');
    const asked = await runCli(['run', 'p.yaml', '--baseline-ref', 'main', '-q'], plain);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(/--baseline-ref main: .* is not in a git repository/);
  });

  it('--baseline-ref picks the manifest at that commit, reading a version the work tree no longer has from that commit', async () => {
    const repo = tempRepo({ 'p.yaml': good, 'data/bc.csv': bcData });
    expect((await runCli(['register', 'p.yaml', '-q'], repo.dir)).stdout).toMatch(/registered bc v1/);
    writeFileSync(join(repo.dir, 'p.yaml'), worse);
    expect((await runCli(['register', 'p.yaml', '-q'], repo.dir)).stdout).toMatch(/registered bc v2/);
    const base = promote(repo, 1);
    promote(repo, 2);

    // HEAD's production is v2, the same model as the candidate: nothing dropped.
    const atHead = await runCli(['run', 'p.yaml', '--out', 'head', '-q'], repo.dir);
    expect(atHead.code).toBe(0);
    expect(metricsOf(repo.dir, 'head').baseline?.version).toBe(2);
    expect(metricsOf(repo.dir, 'head').gates[0].status).toBe('passed');

    // The PR's base had v1 in production: the candidate is judged against it, and fails.
    const atBase = await runCli(['run', 'p.yaml', '--out', 'base', '--baseline-ref', base], repo.dir);
    expect(atBase.code).toBe(1);
    expect(atBase.stderr).toContain(`baseline: production is bc v1 at ${base}\n`);
    const fromTree = metricsOf(repo.dir, 'base').baseline!;
    expect(fromTree.version).toBe(1);

    // v1 removed from the branch since: its files (weights.bin included) are read from the base commit, digest-checked.
    repo.git(repo.dir, 'rm', '-q', '-r', 'models/bc/v1');
    repo.git(repo.dir, 'commit', '-q', '-m', 'remove v1');
    const fromCommit = await runCli(['run', 'p.yaml', '--out', 'base2', '--baseline-ref', base], repo.dir);
    expect(fromCommit.code).toBe(1);
    expect(fromCommit.stderr).toContain(`baseline: production is bc v1 at ${base} (files read from that commit)`);
    expect(metricsOf(repo.dir, 'base2').baseline).toEqual(fromTree);

    for (const [ref, expected] of [['no-such-branch', /--baseline-ref 'no-such-branch' names no commit/], ['HEAD~99', /names no commit/]] as const) {
      const bad = await runCli(['run', 'p.yaml', '--baseline-ref', ref, '-q'], repo.dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(expected);
      expect(looksLikeStackTrace(bad.stderr)).toBe(false);
    }
    const fromRun = await runCli(['register', 'p.yaml', '--from-run', 'head', '--baseline-ref', base], repo.dir);
    expect(fromRun.code).toBe(2);
    expect(fromRun.stderr).toMatch(/--baseline-ref does not go with --from-run/);
  });

  it('a tampered baseline file is refused, naming it (never scored)', async () => {
    const repo = tempRepo({ 'p.yaml': good, 'data/bc.csv': bcData });
    expect((await runCli(['register', 'p.yaml', '-q'], repo.dir)).stdout).toMatch(/registered bc v1/);
    promote(repo, 1);
    const weights = join(repo.dir, 'models/bc/v1/weights.bin');
    const bytes = readFileSync(weights);
    bytes[0] ^= 0xff;
    writeFileSync(weights, bytes);
    const res = await runCli(['run', 'p.yaml', '-q'], repo.dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/models\/bc\/v1\/weights\.bin: digest .* does not match metadata\.json/);
  });
});
