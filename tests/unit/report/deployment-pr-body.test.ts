import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/registry/manifest.js';
import type { RegistryMetadata } from '../../../src/registry/metadata.js';
import { deploymentPrBody, MAX_PR_BODY_CHARS, type DeploymentPrBodyInput } from '../../../src/report/deployment-pr-body.js';
import { num } from '../../../src/report/run-report.js';
import { runCli } from '../../helpers/cli.js';
import { smallPipeline } from '../../helpers/registry-fixtures.js';
import { projectRoot } from '../../helpers/temp-project.js';

/** Two real versions of bc: v1 as smallPipeline trains it, v2 with an L2 penalty of 0.5 (so params and metrics differ). */
let dir: string;
let v1: RegistryMetadata;
let v2: RegistryMetadata;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pipepilot-deploy-body-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'PipePilot Test');
  git('config', 'user.email', 'test@pipepilot.invalid');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'gc.auto', '0'); // no background gc holding locks between the CLI's commits
  mkdirSync(join(dir, 'data'));
  copyFileSync(join(projectRoot, 'pipelines/data/breast-cancer.csv'), join(dir, 'data/bc.csv'));
  const LOOSE = '[{metric: accuracy, min: 0.7}, {metric: roc_auc, min: 0.8}]';
  writeFileSync(join(dir, 'p.yaml'), smallPipeline({ bootstrap: 50, gates: LOOSE }));
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  for (const params of [undefined, '{l2: 0.5}']) {
    writeFileSync(join(dir, 'p.yaml'), smallPipeline({ bootstrap: 50, gates: LOOSE, params }));
    const res = await runCli(['register', 'p.yaml', '-q'], dir);
    if (res.code !== 0) throw new Error(`register failed: ${res.stderr}`);
  }
  const read = (v: number) => JSON.parse(readFileSync(join(dir, `models/bc/v${v}/metadata.json`), 'utf8')) as RegistryMetadata;
  v1 = read(1);
  v2 = read(2);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const manifest = (version: number, canary?: Manifest['canary']): Manifest => ({ model: 'bc', version, ...(canary ? { canary } : {}), reason: 'test' });

function input(extra: Partial<DeploymentPrBodyInput>): DeploymentPrBodyInput {
  return {
    model: 'bc', env: 'staging', kind: 'deploy', after: manifest(2), incoming: v2,
    origin: 'Opened by PipePilot after bc v2 was registered from 0123456789ab.',
    card: { path: 'models/bc/v2/card.md', url: 'https://github.com/acme/ml/blob/main/models/bc/v2/card.md' },
    ...extra,
  };
}

describe('deploymentPrBody', () => {
  it('nothing deployed → says so, shows the version\'s headline metrics with intervals and its gates', () => {
    const body = deploymentPrBody(input({ after: manifest(1), incoming: v1, origin: 'Opened by PipePilot after bc v1 was registered.', card: { path: 'models/bc/v1/card.md' } }));
    expect(body.split('\n')[0]).toBe('**staging** serves nothing of bc yet → **v1** after merge.');
    expect(body).toContain('Nothing is deployed to staging yet: this is its first version of bc.');
    const acc = v1.intervals.accuracy!;
    expect(body).toContain(`| accuracy | ${num(v1.metrics.accuracy)} | ${num(acc.low)} – ${num(acc.high)} |`);
    expect(body).toMatch(/\| log_loss \| 0\.\d{4} \| 0\.\d{4} – 0\.\d{4} \|/);
    expect(body).toMatch(/### Gates: all passed\n\n- ✅ passed: .*accuracy/);
    expect(body).not.toMatch(/\| metric \| v\d \| v\d \| change \|/); // no diff without a deployed version
    // Reverting a first deployment leaves the environment empty; no version to name for the workflow.
    expect(body).toContain('`git revert -m 1 <merge commit>`');
    expect(body).toContain('staging serves nothing of bc again');
    expect(body).toContain('`command: rollback`, `model: bc`, `environment: staging`: it opens');
    expect(body).toMatch(/Full model card: `models\/bc\/v1\/card\.md`\n$/);
  });

  it('v1 → v2 → the serving change, then the version diff: metrics with intervals and better/worse, params, data, features', () => {
    const body = deploymentPrBody(input({ before: manifest(1), current: v1 }));
    expect(body.split('\n')[0]).toBe('**staging** serves bc **v1** now → **v2** after merge.');
    expect(body).toContain('## bc: v1 (staging) → v2');
    const changed = Object.keys(v2.metrics).filter((m) => v1.metrics[m] !== v2.metrics[m]);
    expect(changed.length).toBeGreaterThan(0); // l2 moves the weights, so some metric moves
    expect(body).toMatch(/\| accuracy \| 0\.\d{4} \(0\.\d{4} – [\d.]+\) \| 0\.\d{4} \(0\.\d{4} – [\d.]+\) \| /);
    expect(body).toMatch(/[↑↓] (better|worse)/);
    expect(body).toContain('| l2 | — | `0.5` |');
    expect(body).toContain('### Preprocessing');
    expect(body).toContain('fingerprint unchanged');
    expect(body).toContain('### Features');
    // The way back names the version served now; the card link is the incoming version's.
    expect(body).toContain('staging serves v1 again');
    expect(body).toContain('`environment: staging`, `version: 1`');
    expect(body).toContain('Full model card: [models/bc/v2/card.md](https://github.com/acme/ml/blob/main/models/bc/v2/card.md)');
    // The order a merger reads: serving line, diff, roll back, card.
    const at = (s: string) => body.indexOf(s);
    expect(at('→ **v2** after merge')).toBeLessThan(at('## bc: v1'));
    expect(at('## bc: v1')).toBeLessThan(at('## How to roll back after merging'));
    expect(at('## How to roll back after merging')).toBeLessThan(at('Full model card'));
  });

  it('canary → names the weight each version takes; the diff is main version → canary', () => {
    const body = deploymentPrBody(input({ env: 'production', before: manifest(1), current: v1, after: manifest(1, { version: 2, weight: 10 }) }));
    expect(body.split('\n')[0]).toBe(
      '**production** serves bc **v1** now → **v1, with v2 as a canary at 10%** after merge. The canary v2 takes 10% of requests; v1 keeps the other 90%.',
    );
    expect(body).toContain('## bc: v1 (production) → v2');
  });

  it('rollback → says which version it returns to, lists the reverted commits, diffs from what is served now', () => {
    const body = deploymentPrBody(input({
      env: 'production', kind: 'rollback', before: manifest(2), current: v2, after: manifest(1), incoming: v1,
      origin: 'Requested by @octocat with the PipePilot workflow (command: rollback).',
      reverted: ['a'.repeat(40)], card: { path: 'models/bc/v1/card.md' },
    }));
    expect(body.split('\n')[0]).toBe('Rollback: **production** serves bc **v2** now → **v1** after merge. Merging returns production to bc v1.');
    expect(body).toContain(`It is a \`git revert\` of these manifest change(s):\n\n- ${'a'.repeat(40)}`);
    expect(body).toContain('## bc: v2 (production) → v1');
    expect(body).toContain('| l2 | `0.5` | — |');
    expect(body).toContain('production serves v2 again');
  });

  it('a diff over the limit → cut to 65,536 chars, keeping the serving line, the way back and the card link', () => {
    // 3,000 changed parameters: one table row each, far over the limit.
    const wide = structuredClone(v2);
    wide.model_spec.params = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`param_${i}`, i])) as unknown as typeof wide.model_spec.params;
    const body = deploymentPrBody(input({ before: manifest(1), current: v1, incoming: wide }));
    expect(body.length).toBeLessThanOrEqual(MAX_PR_BODY_CHARS);
    expect(body.length).toBeGreaterThan(MAX_PR_BODY_CHARS - 2000);
    expect(body.startsWith('**staging** serves bc **v1** now → **v2** after merge.')).toBe(true);
    expect(body).toContain('_(the comparison was cut to fit GitHub\'s pull request body limit');
    expect(body).toContain('## How to roll back after merging');
    expect(body).toMatch(/Full model card: \[models\/bc\/v2\/card\.md\]\(.+\)\n$/);
    // A body under the limit is not cut.
    expect(deploymentPrBody(input({ before: manifest(1), current: v1 }))).not.toContain('was cut');
  });
});
