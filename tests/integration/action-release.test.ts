import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREATE_PULL, expectOk, releaseScene, releaseSummary, type Scene } from '../helpers/action-in-process.js';
import { pullRequestPayload } from '../helpers/action-runner.js';
import { bcData, manifestYaml } from '../helpers/registry-fixtures.js';

/**
 * The action's release (src/action/release.ts) run in this process through `run`, the function the
 * bundle calls, so mutation testing reaches it (tests/e2e/action.test.ts runs the bundled dist/,
 * which Stryker does not mutate): tests/helpers/action-in-process.ts. Real parts otherwise: a bare
 * git origin in a temp dir, the GitHub REST stand-in on 127.0.0.1, the local run-bundle store in
 * RUNNER_TEMP, wasm training. Two trainings in all: each scene's steps follow one another as
 * pushes to main do. The protected default branch: action-release-protected.test.ts.
 */

function pipelineYaml(opts: { gates?: string; seed?: number; name?: string } = {}): string {
  return [
    'apiVersion: pipepilot/v1',
    `name: ${opts.name ?? 'bc'}`,
    'description: Screening aid for review by a pathologist (test model).',
    'data: {source: pipelines/data/bc.csv, target: diagnosis, positive_class: malignant}',
    `model: {task: binary_classification, type: linear, seed: ${opts.seed ?? 1}}`,
    'evaluate: {bootstrap: {samples: 20}}',
    'gates:',
    `  - ${opts.gates ?? '{metric: accuracy, min: 0.9}'}`,
    '',
  ].join('\n');
}

const scene = () => releaseScene({ 'pipelines/bc.yaml': pipelineYaml(), 'pipelines/data/bc.csv': bcData });
const originTip = (s: Scene) => s.originTip();
const NOTHING_TO_RELEASE = "this push changes no pipeline, its data, PipePilot's code or a registration: nothing to release";

describe('release in process: a merged pull request', () => {
  it('reuses the checked bundle (refused when it names another content key), registers once, then changes nothing on a rerun', async () => {
    const s = await scene();
    // The pull request: its check stores the run bundle under the content key.
    const base = s.head();
    s.repo.git(s.repo.dir, 'checkout', '-q', '-b', 'change');
    writeFileSync(join(s.repo.dir, 'pipelines/bc.yaml'), pipelineYaml({ seed: 2 }));
    s.repo.git(s.repo.dir, 'commit', '-q', '-am', 'seed 2');
    const pull = s.standIn.addPull({ head: 'change', files: [{ filename: 'pipelines/bc.yaml' }] });
    expectOk(await s.action('pull_request', pullRequestPayload(s.standIn, { number: pull.number, baseSha: base, headSha: s.head() }), `refs/pull/${pull.number}/merge`));
    s.repo.git(s.repo.dir, 'checkout', '-q', 'main');
    s.repo.git(s.repo.dir, 'merge', '--no-ff', '-q', '-m', 'Merge pull request from change', 'change');
    s.repo.git(s.repo.dir, 'push', '-q', 'origin', 'main');
    const range = { before: base, after: s.head() };

    // A stored bundle whose metrics.json names another content key is refused: nothing pushed, no PR.
    const store = join(s.runnerTemp, 'pipepilot-bundle-store');
    const [stored] = readdirSync(store).filter((f) => f.startsWith('sha256-'));
    const metricsPath = join(store, stored, 'metrics.json');
    const intact = readFileSync(metricsPath, 'utf8');
    writeFileSync(metricsPath, JSON.stringify({ ...JSON.parse(intact), content_key: `sha256:${'0'.repeat(64)}` }));
    const refused = await s.push(range);
    expect(refused.code).toBe(1);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0].message).toMatch(/the stored bundle sha256:[0-9a-f]{12}… does not match pipelines\/bc\.yaml/);
    expect(refused.errors[0].at?.file).toBe('pipelines/bc.yaml');
    expect(refused.failed).toMatch(/^PipePilot release failed:\n- pipelines\/bc\.yaml: /);
    expect(refused.outputs).toMatchObject({ version: '', metrics: '{}', 'deployment-pr': '', 'gates-passed': 'false' });
    expect(originTip(s)).toBe(range.after);
    expect(s.standIn.pulls.filter((p) => p.head.startsWith('pipepilot/'))).toHaveLength(0);

    writeFileSync(metricsPath, intact);
    const released = await s.push(range);
    expectOk(released);
    expect(released.log).toContain('── pipelines/bc.yaml: releases because pipelines/bc.yaml changed');
    expect(released.log).not.toContain(NOTHING_TO_RELEASE);
    expect(released.log.some((l) => /^reusing the pull request's run bundle sha256:[0-9a-f]{12}… \(same pipeline, data, code and backend\): not training again$/.test(l))).toBe(true);
    expect(released.log.some((l) => l.startsWith('no stored run bundle'))).toBe(false);
    expect(released.log.some((l) => /^registered bc v1 \([0-9a-f]{12}\), pushed$/.test(l))).toBe(true);
    const commit = s.repo.git(s.repo.origin, 'log', '-1', '--format=%B', 'main');
    expect(commit.trim().split('\n').at(-1)).toBe('[skip ci]');
    const deploy = s.standIn.pulls.find((p) => p.head === 'pipepilot/deploy/bc/staging')!;
    expect(deploy).toMatchObject({ title: 'Deploy bc v1 to staging' });
    expect(deploy.body).toContain(`registered from ${range.after.slice(0, 12)}`);
    expect(released.outputs.version).toBe('1');
    expect(JSON.parse(released.outputs.metrics).bc.gates_passed).toBe(true);
    expect(released.outputs['deployment-pr']).toBe(`https://github.com/${s.standIn.owner}/${s.standIn.repo}/pull/${deploy.number}`);
    expect(released.outputs['gates-passed']).toBe('true');
    expect(released.summary).toBe(releaseSummary([`| bc | v1 | ${released.outputs['deployment-pr']} |`]));

    // The same push again: the version exists, nothing is registered, the one PR is updated.
    const tip = originTip(s);
    const again = await s.push(range);
    expectOk(again);
    expect(again.log).toContain('bc: already registered as v1 (same pipeline, data, code and backend)');
    expect(again.outputs).toMatchObject({ version: '1', metrics: '{}', 'gates-passed': 'true', 'deployment-pr': released.outputs['deployment-pr'] });
    expect(originTip(s)).toBe(tip);
    expect(s.standIn.count(CREATE_PULL)).toBe(1);

    // The push's previous commit missing from the checkout (a shallow clone): every pipeline is considered.
    const shallow = await s.push({ before: 'f'.repeat(40), after: range.after });
    expectOk(shallow);
    expect(shallow.log).toContain(`the push's previous commit ${'f'.repeat(12)} is not in the checkout (use fetch-depth: 0): every pipeline is released`);
    expect(shallow.log).toContain('── pipelines/bc.yaml: releases because every pipeline runs (changed files unknown)');
    expect(shallow.outputs.version).toBe('1');

    // Once staging serves v1 on main, a rerun has no deployment PR to make.
    s.repo.git(s.repo.dir, 'pull', '-q', '--ff-only', 'origin', 'main');
    s.commitToMain({ 'models/bc/deployments/staging.yaml': manifestYaml('bc', 1) }, 'deploy bc v1 to staging');
    const served = await s.push({ before: '0'.repeat(40), after: s.head() });
    expectOk(served);
    expect(served.log).toContain('a new branch or no previous commit: every pipeline is released');
    expect(served.outputs).toMatchObject({ version: '1', 'deployment-pr': '' });
    expect(served.log).toContain('bc v1 is already deployed to staging; nothing to do');
    expect(served.summary).toContain('| bc | v1 | — |');

    // A push that changes neither a pipeline nor its data releases nothing and writes no summary.
    const docs = await s.push(s.commitToMain({ 'README.md': '# docs\n' }, 'docs'));
    expectOk(docs);
    expect(docs.log).toContain(NOTHING_TO_RELEASE);
    expect(docs.outputs).toEqual({ metrics: '{}', version: '', 'deployment-pr': '', 'registration-pr': '', 'gates-passed': 'true' });
    expect(docs.summary).toBe('');
  });
});

describe('release in process: a gate fails on main', () => {
  it('runs the pipeline (no stored bundle), registers nothing, annotates the gate line and fails the step', async () => {
    const s = await scene();
    const range = s.commitToMain({ 'pipelines/bc.yaml': pipelineYaml({ gates: '{metric: accuracy, min: 0.999}' }) }, 'a gate too high');
    const res = await s.push(range);
    expect(res.code).toBe(1);
    expect(res.log.some((l) => /^no stored run bundle for sha256:[0-9a-f]{12}…: running pipelines\/bc\.yaml$/.test(l))).toBe(true);
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0].message).toMatch(/^gate failed: accuracy/);
    expect(res.errors[0].at).toEqual({ file: 'pipelines/bc.yaml', startLine: 8, startColumn: 5, title: 'bc: not registered' });
    expect(res.failed).toBe('PipePilot release failed:\n- pipelines/bc.yaml: not registered, 1 gate result(s) failed');
    expect(res.outputs.version).toBe('');
    expect(JSON.parse(res.outputs.metrics).bc.gates_passed).toBe(false);
    // The run's own stage timings, measured by the release's clock (milliseconds, not null).
    expect(JSON.parse(res.outputs.metrics).bc.durations_ms.total).toBeGreaterThan(0);
    expect(res.outputs['gates-passed']).toBe('false');
    expect(res.summary).toContain('| bc | not registered | — |');
    expect(originTip(s)).toBe(range.after);
    expect(s.standIn.pulls).toHaveLength(0);
  });
});

describe('release in process: one push releases two pipelines', () => {
  it('registers both, and the outputs name both: versions as JSON, one deployment PR per line, a summary row each', async () => {
    const s = await scene();
    const range = s.commitToMain({ 'pipelines/bc.yaml': pipelineYaml({ seed: 3 }), 'pipelines/bc2.yaml': pipelineYaml({ seed: 4, name: 'bc2' }) }, 'two pipelines');
    const res = await s.push(range);
    expectOk(res);
    expect(JSON.parse(res.outputs.version)).toEqual({ bc: 1, bc2: 1 });
    const urls = ['bc', 'bc2'].map((name) => {
      const pr = s.standIn.pulls.find((p) => p.head === `pipepilot/deploy/${name}/staging`)!;
      return `https://github.com/${s.standIn.owner}/${s.standIn.repo}/pull/${pr.number}`;
    });
    expect(res.outputs['deployment-pr']).toBe(urls.join('\n'));
    expect(res.outputs['registration-pr']).toBe('');
    expect(Object.keys(JSON.parse(res.outputs.metrics)).sort()).toEqual(['bc', 'bc2']);
    expect(res.outputs['gates-passed']).toBe('true');
    expect(res.summary).toBe(releaseSummary([`| bc | v1 | ${urls[0]} |`, `| bc2 | v1 | ${urls[1]} |`]));
  });
});

describe('release in process: data behind a symlink', () => {
  it('a push that changes only the file the data source links to releases the pipeline', async () => {
    const s = await releaseScene({ 'pipelines/bc.yaml': pipelineYaml(), 'datasets/bc.csv': bcData });
    mkdirSync(join(s.repo.dir, 'pipelines/data'));
    symlinkSync('../../datasets/bc.csv', join(s.repo.dir, 'pipelines/data/bc.csv'));
    s.commitToMain({}, 'data through a symlink');
    const rows = readFileSync(join(s.repo.dir, 'datasets/bc.csv'), 'utf8').trimEnd().split('\n');
    const range = s.commitToMain({ 'datasets/bc.csv': `${rows.slice(0, -20).join('\n')}\n` }, 'fewer rows');
    const res = await s.push(range);
    expectOk(res);
    expect(res.log).toContain('── pipelines/bc.yaml: releases because its data datasets/bc.csv changed');
    expect(res.outputs.version).toBe('1');
  });
});
