import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FeatureStats, NumericStats } from '../../../src/data/reference-stats.js';
import type { RegistryMetadata } from '../../../src/registry/metadata.js';
import type { MetricsDoc } from '../../../src/evaluate/metrics-doc.js';
import { runCli } from '../../helpers/cli.js';
import { projectRoot } from '../../helpers/temp-project.js';

export interface RealRun {
  doc: MetricsDoc;
  stats: FeatureStats;
}

export interface RealRuns {
  penguins: RealRun;
  gapminder: RealRun;
  /** breast-cancer, registered as v1 on the first 400 rows and made production; then a candidate on all rows, two features dropped and l2 set. */
  cancer: RealRun & { production: { version: number; metadata: RegistryMetadata; stats: FeatureStats } };
  dir: string;
}

const CANCER = (extra: { drop?: string; params?: string; gates: string }) => `apiVersion: pipepilot/v1
name: bc
description: Screening aid for review by a pathologist (test model).
data: {source: data/bc.csv, target: diagnosis, positive_class: malignant${extra.drop ? `, drop: ${extra.drop}` : ''}, checks: {min_rows: 300}}
model: {task: binary_classification, type: linear, seed: 1${extra.params ? `, params: ${extra.params}` : ''}}
evaluate: {bootstrap: {samples: 200}}
gates: ${extra.gates}
`;

/**
 * Real run bundles from the CLI, in a temp repository (created here, removed by `cleanup`):
 * the examples penguins (multiclass) and gapminder (regression) without production, and a
 * breast-cancer candidate compared with a registered production version.
 */
export async function realRuns(): Promise<RealRuns> {
  const dir = mkdtempSync(join(tmpdir(), 'pipepilot-pr-comment-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const write = (path: string, text: string | Buffer) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'PipePilot Test');
  git('config', 'user.email', 'test@pipepilot.invalid');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'gc.auto', '0'); // no background gc holding locks between the CLI's commits
  for (const f of ['pipelines/penguins.yaml', 'pipelines/gapminder.yaml', 'pipelines/data/penguins.json', 'pipelines/data/gapminder.json']) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(projectRoot, f), join(dir, f));
  }
  const csv = readFileSync(join(projectRoot, 'pipelines/data/breast-cancer.csv'), 'utf8').trimEnd().split(/\r?\n/);
  write('data/bc.csv', `${csv.slice(0, 401).join('\n')}\n`);
  write('bc.yaml', CANCER({ gates: '[{metric: roc_auc, min: 0.9}]' }));
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  await cli(['register', 'bc.yaml', '-q'], dir);
  write('models/bc/deployments/production.yaml', 'model: bc\nversion: 1\nreason: test\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'promote bc v1');
  write('data/bc.csv', `${csv.join('\n')}\n`);
  // accuracy ≥ 0.999 fails, so the comment has a failing gate to lead with.
  write('bc.yaml', CANCER({ drop: '[mean_area, se_area]', params: '{l2: 0.5}', gates: '[{metric: roc_auc, min: 0.9}, {metric: accuracy, min: 0.999}, {metric: roc_auc, max_drop: 0.05, vs: production}]' }));
  await cli(['run', 'bc.yaml', '--out', 'out/bc', '-q'], dir);
  await cli(['run', 'pipelines/penguins.yaml', '--out', 'out/penguins', '-q'], dir);
  await cli(['run', 'pipelines/gapminder.yaml', '--out', 'out/gapminder', '-q'], dir);
  const read = (name: string): RealRun => ({
    doc: JSON.parse(readFileSync(join(dir, 'out', name, 'metrics.json'), 'utf8')) as MetricsDoc,
    stats: JSON.parse(readFileSync(join(dir, 'out', name, 'model/reference-stats.json'), 'utf8')) as FeatureStats,
  });
  const metadata = JSON.parse(readFileSync(join(dir, 'models/bc/v1/metadata.json'), 'utf8')) as RegistryMetadata;
  return {
    dir,
    penguins: read('penguins'),
    gapminder: read('gapminder'),
    cancer: { ...read('bc'), production: { version: 1, metadata, stats: metadata.reference_stats as FeatureStats } },
  };
}

export function cleanup(runs: RealRuns | undefined): void {
  if (runs) rmSync(runs.dir, { recursive: true, force: true });
}

/** Exit 0 (pass) or 1 (gates failed) both leave a run bundle; anything else is a broken fixture. */
async function cli(args: string[], cwd: string): Promise<void> {
  const res = await runCli(args, cwd);
  if (res.code > 1) throw new Error(`pipepilot ${args.join(' ')} exited ${res.code}: ${res.stderr}`);
}

/** Production: edges [10, 20], shares 50% / 30% / 20%. */
export const productionX: NumericStats = {
  name: 'x', kind: 'numeric', count: 10, missing: 0, mean: 14, std: 6, min: 1, max: 29,
  quantiles: { p01: 1, p05: 2, p25: 6, p50: 10, p75: 19, p95: 27, p99: 29 },
  histogram: { edges: [10, 20], fractions: [0.5, 0.3, 0.2] },
};
/** Candidate rows: 2 below 10, 2 in [10, 20), 6 at or above 20 → 20% / 20% / 60%. */
export const candidateXValues = Float64Array.from([5, 5, 15, 15, 25, 25, 25, 25, 25, 25]);
/** Σ (a − e) ln(a / e) = −0.3·ln 0.4 − 0.1·ln(2/3) + 0.4·ln 3, worked by hand. */
export const HAND_PSI = 0.27488722 + 0.04054651 + 0.43944492;
