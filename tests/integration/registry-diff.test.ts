import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VersionDiff } from '../../src/registry/version-diff.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { manifestYaml, smallPipeline } from '../helpers/registry-fixtures.js';
import { projectRoot } from '../helpers/temp-project.js';
import { templateRepo, type TempRepo } from '../helpers/temp-repo.js';

/** The breast-cancer CSV with a `grade` column (1, 2 or 3), cut to its first `rows` rows. */
function bcWithGrade(rows: number): string {
  const lines = readFileSync(join(projectRoot, 'pipelines/data/breast-cancer.csv'), 'utf8').trim().split(/\r?\n/);
  return [`${lines[0]},grade`, ...lines.slice(1, rows + 1).map((l, i) => `${l},${(i % 3) + 1}`)].join('\n') + '\n';
}

const v1Features = '{numeric: [mean_radius, worst_area, grade], infer: false}';
const v2Features = '{numeric: [mean_radius, worst_texture], categorical: [grade], infer: false}';
const LOOSE = '[{metric: accuracy, min: 0.8}]';

/** v1: three numeric features on all 569 rows; v2: one swapped, `grade` made categorical, 500 rows, a solver parameter and the scaling changed. */
/** A copy of the two versions, registered once per test run (see templateRepo). */
function twoVersions(): Promise<TempRepo> {
  return templateRepo('registry-diff-two-versions', { 'p.yaml': smallPipeline({ features: v1Features, bootstrap: 50, gates: LOOSE }), 'data/bc.csv': bcWithGrade(569) }, async (repo) => {
    const first = await runCli(['register', 'p.yaml', '-q'], repo.dir);
    expect(first.stdout, first.stderr).toMatch(/registered bc v1/);
    writeFileSync(join(repo.dir, 'data/bc.csv'), bcWithGrade(500));
    writeFileSync(join(repo.dir, 'p.yaml'), smallPipeline({ features: v2Features, bootstrap: 50, params: '{max_iter: 50}', preprocess: '{scale: minmax}', gates: LOOSE }));
    const second = await runCli(['register', 'p.yaml', '-q'], repo.dir);
    expect(second.stdout, second.stderr).toMatch(/registered bc v2/);
  });
}

describe('pipepilot diff', () => {
  it('diff shows param, metric and feature changes as markdown', async () => {
    const repo = await twoVersions();
    const res = await runCli(['diff', 'bc', '1', 'v2'], repo.dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const md = res.stdout;
    expect(md).toMatch(/^## bc: v1 → v2\n/);
    // Every metric with both values, intervals where there are some, and a direction and verdict.
    expect(md).toMatch(/\| metric \| v1 \| v2 \| change \|/);
    expect(md).toMatch(/\n\| accuracy \| 0\.\d{4} \(0\.\d{4} – [\d.]+\) \| 0\.\d{4} \([\d.]+ – [\d.]+\) \| (0 \(same\)|[+-]0\.\d{4} [↑↓] (better|worse)( ≈)?) \|/);
    expect(md).toMatch(/\n\| log_loss \(lower is better\) \| /);
    const json = JSON.parse((await runCli(['diff', 'bc', 'v1', 'v2', '--json'], repo.dir)).stdout) as VersionDiff;
    for (const m of json.metrics.filter((x) => x.difference !== null && x.difference !== 0)) {
      const arrow = m.difference! > 0 ? '↑' : '↓';
      const verdict = (m.difference! > 0) !== m.lower_is_better ? 'better' : 'worse';
      expect(m.verdict).toBe(verdict);
      expect(md).toContain(`| ${m.name}${m.lower_is_better ? ' (lower is better)' : ''} |`);
      expect(md).toMatch(new RegExp(`\\| [+-]?[\\d.e-]+ ${arrow} ${verdict}( ≈)? \\|\\n`));
    }
    expect(md).toContain('| max_iter | `1000` | `50` |');
    expect(md).toContain('### Preprocessing\n\n| setting | v1 | v2 |\n|---|---|---|\n| scale | `standard` | `minmax` |\n\n');
    expect(json.preprocess).toEqual([{ name: 'scale', from: 'standard', to: 'minmax' }]);
    expect(md).toMatch(/fingerprint changed: `sha256:[0-9a-f]{12}…` → `sha256:[0-9a-f]{12}…`/);
    expect(md).toContain('| read | 569 | 500 | -69 |');
    expect(md).toContain('- added (1): `worst_texture` (numeric)');
    expect(md).toContain('- removed (1): `worst_area` (numeric)');
    expect(md).toContain('- `grade`: numeric → categorical');
    expect(md).toMatch(/1 feature unchanged; model inputs 3 → \d+/);
    expect(md).toMatch(/\| pipeline blob \| `[0-9a-f]{40}` \| `[0-9a-f]{40}` \|/);
  });

  it('--json: the same as data', async () => {
    const repo = await twoVersions();
    const res = await runCli(['diff', 'bc', 'v1', '2', '--json'], repo.dir);
    expect(res.code).toBe(0);
    const d = JSON.parse(res.stdout) as VersionDiff;
    expect([d.from.version, d.to.version]).toEqual([1, 2]);
    expect(d.params).toEqual([{ name: 'max_iter', from: 1000, to: 50 }]);
    expect(d.features.added).toEqual([{ name: 'worst_texture', kind: 'numeric' }]);
    expect(d.features.removed).toEqual([{ name: 'worst_area', kind: 'numeric' }]);
    expect(d.features.kind_changed).toEqual([{ name: 'grade', from: 'numeric', to: 'categorical' }]);
    expect(d.data.rows.find((r) => r.name === 'read')).toEqual({ name: 'read', from: 569, to: 500 });
    expect(d.data.fingerprint.from).not.toBe(d.data.fingerprint.to);
    const accuracy = d.metrics.find((m) => m.name === 'accuracy')!;
    expect(accuracy.difference).toBeCloseTo(accuracy.to! - accuracy.from!, 12);
    expect(accuracy.from_interval?.low).toBeLessThanOrEqual(accuracy.from!);
  });

  it('a version registered before preprocessing was recorded still parses; its preprocessing is not compared', async () => {
    const repo = await twoVersions();
    const file = join(repo.dir, 'models/bc/v1/metadata.json');
    const old = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(old.preprocess).toMatchObject({ scale: 'standard', encode: 'onehot' });
    delete old.preprocess;
    writeFileSync(file, JSON.stringify(old, null, 2));
    const res = await runCli(['diff', 'bc', '1', '2'], repo.dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('### Preprocessing\n\nNot compared: one of the versions was registered before PipePilot recorded its preprocess block.');
    expect(JSON.parse((await runCli(['diff', 'bc', '1', '2', '--json'], repo.dir)).stdout)).toMatchObject({ preprocess: null });
  });

  it('diff by environment name resolves through its manifest', async () => {
    const repo = await twoVersions();
    mkdirSync(join(repo.dir, 'models/bc/deployments'));
    writeFileSync(join(repo.dir, 'models/bc/deployments/production.yaml'), manifestYaml('bc', 1));
    const res = await runCli(['diff', 'bc', 'production', 'v2'], repo.dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^## bc: v1 \(production\) → v2\n/);
    expect(res.stdout).toContain('- `grade`: numeric → categorical');
    const json = JSON.parse((await runCli(['diff', 'bc', 'production', '2', '--json'], repo.dir)).stdout) as VersionDiff;
    expect(json.from).toMatchObject({ version: 1, label: 'production' });
  });

  it('unknown versions and environments: exit 2 naming them and what exists', async () => {
    const repo = await twoVersions();
    mkdirSync(join(repo.dir, 'models/bc/deployments'));
    writeFileSync(join(repo.dir, 'models/bc/deployments/staging.yaml'), manifestYaml('bc', 9));
    for (const [args, expected] of [
      [['diff', 'bc', '7', 'v9'], /bc has no version v7, v9[\s\S]*Registered versions: v1–v2/],
      [['diff', 'bc', '1', 'staging'], /bc has no version v9 \(named by staging's manifest\)/],
      [['diff', 'bc', '1', 'canary'], /not deployed to an environment 'canary'[\s\S]*environments: staging/],
      [['diff', 'bc', '1', 'v1.5'], /'v1\.5' is neither a version nor an environment/],
      [['diff', 'nope', '1', '2'], /unknown model 'nope'/],
      [['diff', 'bc', '1'], /missing required argument/],
    ] as const) {
      const res = await runCli([...args], repo.dir);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toMatch(expected);
      expect(looksLikeStackTrace(res.stderr)).toBe(false);
    }
  });
});
