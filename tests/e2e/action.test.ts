import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionRunner, pullRequestPayload, pushPayload, type ActionResult } from '../helpers/action-runner.js';
import { githubStandIn, type GitHubStandIn } from '../helpers/github-stand-in.js';
import { bcData, manifestYaml } from '../helpers/registry-fixtures.js';
import { tempRepo, type TempRepo } from '../helpers/temp-repo.js';

/**
 * The bundled action (dist/index.js), run as a runner runs it, against a real git origin (a bare
 * repository in a temp dir) and the GitHub REST stand-in on 127.0.0.1. The pipeline is a tiny
 * linear model on the breast-cancer CSV with a small bootstrap, so each run takes a few seconds.
 */
const COMMENTS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const EDITS = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}';
const CREATE_PULL = 'POST /repos/{owner}/{repo}/pulls';

function pipelineYaml(opts: { gates?: string[]; seed?: number; source?: string; features?: string } = {}): string {
  const gates = opts.gates ?? ['{metric: accuracy, min: 0.9}'];
  const features = opts.features ? `, features: ${opts.features}` : '';
  return [
    'apiVersion: pipepilot/v1',
    'name: bc',
    'description: Screening aid for review by a pathologist (test model).',
    `data: {source: ${opts.source ?? 'pipelines/data/bc.csv'}, target: diagnosis, positive_class: malignant${features}}`,
    `model: {task: binary_classification, type: linear, seed: ${opts.seed ?? 1}}`,
    'evaluate: {bootstrap: {samples: 50}}',
    'gates:',
    ...gates.map((g) => `  - ${g}`),
    '',
  ].join('\n');
}

interface Scene {
  repo: TempRepo;
  standIn: GitHubStandIn;
  runner: ReturnType<typeof actionRunner>;
  head: () => string;
}

async function scene(pipeline = pipelineYaml()): Promise<Scene> {
  const repo = tempRepo({ 'pipelines/bc.yaml': pipeline, 'pipelines/data/bc.csv': bcData });
  // GITHUB_TOKEN is an installation token: GET /user is refused, comments are github-actions[bot]'s.
  const standIn = await githubStandIn({ installationToken: true });
  const runner = actionRunner({ workspace: repo.dir, standIn });
  return { repo, standIn, runner, head: () => repo.git(repo.dir, 'rev-parse', 'HEAD').trim() };
}

/** A pull request branch `change` holding `pipeline`, registered with the stand-in; the checkout is on it. */
async function openPullRequest(s: Scene, pipeline: string, opts: { fork?: boolean } = {}): Promise<{ run: (runId?: number) => Promise<ActionResult>; number: number; baseSha: string }> {
  const baseSha = s.head();
  s.repo.git(s.repo.dir, 'checkout', '-q', '-b', 'change');
  commitPipeline(s, pipeline, 'change the pipeline');
  const pull = s.standIn.addPull({ head: 'change', files: [{ filename: 'pipelines/bc.yaml' }] });
  const run = (runId?: number) =>
    s.runner.run({
      runId,
      event: 'pull_request',
      payload: pullRequestPayload(s.standIn, { number: pull.number, baseSha, headSha: s.head(), fork: opts.fork }),
      sha: s.head(),
      ref: `refs/pull/${pull.number}/merge`,
    });
  return { run, number: pull.number, baseSha };
}

function commitPipeline(s: Scene, pipeline: string, message: string): void {
  writeFileSync(join(s.repo.dir, 'pipelines/bc.yaml'), pipeline);
  s.repo.git(s.repo.dir, 'commit', '-q', '-am', message);
}

function expectOk(res: ActionResult): void {
  expect(res.code, `${res.stdout}\n${res.stderr}`).toBe(0);
}

describe('the action on pull_request (check)', () => {
  it('PR opened → one sticky comment, the job summary, outputs and a stored run bundle', async () => {
    const s = await scene();
    const pr = await openPullRequest(s, pipelineYaml({ seed: 2 }));
    const res = await pr.run();
    expectOk(res);
    expect(s.standIn.comments).toHaveLength(1);
    const [comment] = s.standIn.comments;
    expect(comment.issueNumber).toBe(pr.number);
    expect(comment.login).toBe('github-actions[bot]');
    expect(comment.body.split('<!-- pipepilot:bc -->')).toHaveLength(2); // the marker, once
    expect(comment.body).toMatch(/accuracy/);
    expect(res.summary).toMatch(/accuracy/);
    expect(res.summary).not.toContain('<!-- pipepilot:bc -->');
    expect(res.outputs['gates-passed']).toBe('true');
    expect(JSON.parse(res.outputs.metrics).bc.content_key).toMatch(/^sha256:/);
    expect(res.stdout).toMatch(/backend: wasm \(bundled wasm, the default on runners/);
    expect(res.stdout).toMatch(/ACTIONS_RUNTIME_TOKEN is not set/);
    expect(res.stdout).toMatch(/run bundle stored as sha256/);
  });

  it('PR updated → the same comment edited, not a second one; a rerun with nothing changed sends no edit', async () => {
    const s = await scene();
    const pr = await openPullRequest(s, pipelineYaml({ seed: 2 }));
    expectOk(await pr.run());
    const first = s.standIn.comments[0].body;
    commitPipeline(s, pipelineYaml({ seed: 2, gates: ['{metric: accuracy, min: 0.9}', '{metric: roc_auc, min: 0.95}'] }), 'add a gate');
    expectOk(await pr.run());
    expect(s.standIn.comments).toHaveLength(1);
    expect(s.standIn.count(COMMENTS)).toBe(1);
    expect(s.standIn.count(EDITS)).toBe(1);
    expect(s.standIn.comments[0].body).not.toBe(first);
    expect(s.standIn.comments[0].body).toMatch(/roc_auc/);
    // Re-running the same workflow run (same run id, so the same footer link) changes nothing.
    expectOk(await pr.run(77));
    expect(s.standIn.count(EDITS)).toBe(2);
    expectOk(await pr.run(77));
    expect(s.standIn.count(EDITS)).toBe(2);
    expect(s.standIn.count(COMMENTS)).toBe(1);
  });

  it('gate fails → exit 1, an error annotation on the pipeline file at the gate, and the comment says so', async () => {
    const s = await scene();
    const pr = await openPullRequest(s, pipelineYaml({ gates: ['{metric: accuracy, min: 0.9}', '{metric: accuracy, min: 0.999}'] }));
    const res = await pr.run();
    expect(res.code).toBe(1);
    // The second gate is on line 9 of the pipeline, its `{` at column 5.
    expect(res.stdout).toMatch(/^::error title=bc%3A gate failed,file=pipelines\/bc\.yaml,line=9,col=5::gate failed: .*accuracy/m);
    expect(res.stdout).toMatch(/^::error::PipePilot check failed/m);
    expect(res.outputs['gates-passed']).toBe('false');
    expect(s.standIn.comments).toHaveLength(1);
    expect(s.standIn.comments[0].body).toMatch(/fail/i);
  });

  it('an invalid pipeline → exit 1 and an annotation at its file, line and column; nothing posted', async () => {
    const s = await scene();
    const pr = await openPullRequest(s, pipelineYaml().replace('type: linear', 'type: forest'));
    const res = await pr.run();
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/^::error title=invalid pipeline,file=pipelines\/bc\.yaml,line=5,col=\d+::.*forest/m);
    expect(s.standIn.comments).toHaveLength(0);
  });

  it('fork PR → the run and the job summary, no comment (a notice says why), no failure', async () => {
    const s = await scene();
    const pr = await openPullRequest(s, pipelineYaml({ seed: 2 }), { fork: true });
    // A fork's token is read-only: any comment write would be refused.
    s.standIn.failNext(COMMENTS, 403, { times: 5 });
    const res = await pr.run();
    expectOk(res);
    expect(s.standIn.comments).toHaveLength(0);
    expect(s.standIn.count(COMMENTS)).toBe(0);
    expect(res.stdout).toMatch(/^::notice::pull request #\d+ comes from a fork/m);
    expect(res.summary).toMatch(/accuracy/);
  });

  it('a PR that touches no pipeline runs nothing and says so', async () => {
    const s = await scene();
    s.repo.git(s.repo.dir, 'checkout', '-q', '-b', 'docs');
    writeFileSync(join(s.repo.dir, 'README.md'), 'docs\n');
    s.repo.git(s.repo.dir, 'add', '-A');
    s.repo.git(s.repo.dir, 'commit', '-q', '-m', 'docs');
    const pull = s.standIn.addPull({ head: 'docs', files: [{ filename: 'README.md' }] });
    const res = await s.runner.run({
      event: 'pull_request',
      payload: pullRequestPayload(s.standIn, { number: pull.number, baseSha: s.head(), headSha: s.head(), headRef: 'docs' }),
      sha: s.head(),
      ref: `refs/pull/${pull.number}/merge`,
    });
    expectOk(res);
    expect(res.summary).toMatch(/touches no pipeline/);
    expect(s.standIn.comments).toHaveLength(0);
  });
});

/** What GitHub does when a pull request is merged: a merge commit on main, pushed; returns the push's range. */
function mergeToMain(s: Scene, branch: string): { before: string; after: string } {
  s.repo.git(s.repo.dir, 'checkout', '-q', 'main');
  const before = s.head();
  s.repo.git(s.repo.dir, 'merge', '--no-ff', '-q', '-m', `Merge pull request from ${branch}`, branch);
  s.repo.git(s.repo.dir, 'push', '-q', 'origin', 'main');
  return { before, after: s.head() };
}

/** A commit straight on main, pushed; returns the push's range. */
function pushToMain(s: Scene, pipeline: string): { before: string; after: string } {
  const before = s.head();
  commitPipeline(s, pipeline, 'change the pipeline on main');
  s.repo.git(s.repo.dir, 'push', '-q', 'origin', 'main');
  return { before, after: s.head() };
}

function release(s: Scene, range: { before: string; after: string }, runner = s.runner): Promise<ActionResult> {
  return runner.run({ event: 'push', payload: pushPayload(s.standIn, range), sha: range.after, ref: 'refs/heads/main' });
}

const originShow = (s: Scene, ref: string, path: string) => s.repo.git(s.repo.origin, 'show', `${ref}:${path}`);

describe('the action on push to main (release)', () => {
  it('merge → the PR\'s run bundle reused, a version committed as the bot with [skip ci] and pushed, one deployment PR', async () => {
    const s = await scene();
    const pr = await openPullRequest(s, pipelineYaml({ seed: 2 }));
    expectOk(await pr.run());
    const range = mergeToMain(s, 'change');
    const res = await release(s, range);
    expectOk(res);
    expect(res.stdout).toMatch(/reusing the pull request's run bundle/);

    const tip = s.repo.git(s.repo.origin, 'rev-parse', 'main').trim();
    expect(tip).not.toBe(range.after);
    const commit = s.repo.git(s.repo.origin, 'log', '-1', '--format=%an <%ae>|%cn|%B', 'main');
    expect(commit).toContain('github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|github-actions[bot]|');
    expect(commit).toContain('[skip ci]');
    expect(JSON.parse(originShow(s, 'main', 'models/bc/v1/metadata.json')).version).toBe(1);

    expect(s.standIn.pulls.filter((p) => p.head.startsWith('pipepilot/'))).toHaveLength(1);
    const deploy = s.standIn.pulls.find((p) => p.head === 'pipepilot/deploy/bc/staging')!;
    expect(deploy).toMatchObject({ base: 'main', state: 'open', title: 'Deploy bc v1 to staging' });
    // The body is the review: what staging serves now → after the merge, the version, the way back, the card.
    expect(deploy.body.split('\n')[0]).toBe('**staging** serves nothing of bc yet → **v1** after merge.');
    expect(deploy.body).toMatch(/\| accuracy \| 0\.\d{4} \| /);
    expect(deploy.body).toContain('`git revert -m 1 <merge commit>`');
    expect(deploy.body).toContain(`/${s.standIn.owner}/${s.standIn.repo}/blob/main/models/bc/v1/card.md)`);
    expect(deploy.body).toMatch(/Full model card: \[models\/bc\/v1\/card\.md\]\(http.+\)\n$/);
    expect(originShow(s, 'pipepilot/deploy/bc/staging', 'models/bc/deployments/staging.yaml')).toMatch(/^version: 1$/m);
    expect(res.outputs.version).toBe('1');
    expect(JSON.parse(res.outputs.metrics).bc.gates_passed).toBe(true);
    expect(res.summary).toMatch(/\| bc \| v1 \| https:\/\/github\.com\/.+\/pull\/\d+ \|/);
    expect(res.outputs['deployment-pr']).toBe(`https://github.com/${s.standIn.owner}/${s.standIn.repo}/pull/${deploy.number}`);
  });

  it('the same push again (a fresh checkout) → no new version, the deployment PR updated, not duplicated', async () => {
    const s = await scene();
    const range = pushToMain(s, pipelineYaml({ seed: 3 }));
    expectOk(await release(s, range));
    const tip = s.repo.git(s.repo.origin, 'rev-parse', 'main').trim();
    const branchTip = s.repo.git(s.repo.origin, 'rev-parse', 'pipepilot/deploy/bc/staging').trim();

    // A re-run checks out the push's commit again, before the registration.
    const fresh = s.repo.clone('rerun');
    s.repo.git(fresh, 'reset', '-q', '--hard', range.after);
    const again = await release(s, range, actionRunner({ workspace: fresh, standIn: s.standIn }));
    expectOk(again);
    expect(again.stdout).toMatch(/already registered as v1/);
    expect(s.repo.git(s.repo.origin, 'rev-parse', 'main').trim()).toBe(tip);
    expect(s.repo.git(s.repo.origin, 'ls-tree', '--name-only', 'main', 'models/bc/')).not.toMatch(/v2/);
    expect(s.standIn.count(CREATE_PULL)).toBe(1);
    expect(s.standIn.pulls).toHaveLength(1);
    expect(again.outputs.version).toBe('1');
    // The rebuilt branch replaced the old one (force-with-lease), and still deploys v1.
    expect(originShow(s, 'pipepilot/deploy/bc/staging', 'models/bc/deployments/staging.yaml')).toMatch(/^version: 1$/m);
    expect(s.repo.git(s.repo.origin, 'rev-parse', 'pipepilot/deploy/bc/staging~1').trim()).toBe(tip);
    expect(branchTip).toMatch(/^[0-9a-f]{40}$/);
  });

  it('a failing gate on main → exit 1, nothing registered, no deployment PR', async () => {
    const s = await scene();
    const range = pushToMain(s, pipelineYaml({ gates: ['{metric: accuracy, min: 0.999}'] }));
    const res = await release(s, range);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/^::error title=bc%3A not registered,file=pipelines\/bc\.yaml,line=8,col=5::gate failed/m);
    expect(s.repo.git(s.repo.origin, 'rev-parse', 'main').trim()).toBe(range.after);
    expect(s.standIn.pulls).toHaveLength(0);
  });
});

describe('the check against production', () => {
  it('PR with a weaker candidate against a deployed model → every diff row is candidate − production, with its sign and direction', async () => {
    const s = await scene();
    expectOk(await release(s, pushToMain(s, pipelineYaml({ seed: 2 }))));
    s.repo.git(s.repo.dir, 'pull', '-q', '--ff-only', 'origin', 'main');
    mkdirSync(join(s.repo.dir, 'models/bc/deployments'), { recursive: true });
    writeFileSync(join(s.repo.dir, 'models/bc/deployments/production.yaml'), manifestYaml('bc', 1));
    s.repo.git(s.repo.dir, 'add', '-A');
    s.repo.git(s.repo.dir, 'commit', '-q', '-m', 'deploy bc v1 to production');
    s.repo.git(s.repo.dir, 'push', '-q', 'origin', 'main');

    // The candidate sees one weak feature (fractal dimension barely separates the classes), so it
    // is genuinely and clearly worse than production, which sees all thirty.
    const weaker = pipelineYaml({ seed: 2, features: '{numeric: [mean_fractal_dimension], infer: false}', gates: ['{metric: roc_auc, max_drop: 0.01, vs: production}'] });
    const pr = await openPullRequest(s, weaker);
    const res = await pr.run();
    expect(res.code, res.stdout).toBe(1);
    expect(res.stdout).toMatch(/baseline: production is bc v1 at the base/);
    const doc = JSON.parse(res.outputs.metrics).bc;
    expect(doc.baseline.version).toBe(1);
    const cmp = doc.baseline.comparison.metrics;
    for (const name of ['roc_auc', 'accuracy']) {
      expect(cmp[name].difference, name).toBeCloseTo(cmp[name].candidate - cmp[name].baseline, 12);
      expect(cmp[name].difference, name).toBeLessThan(-0.05);
      expect(cmp[name].verdict, name).toBe('worse');
    }
    // log_loss is lower-is-better: worse means a rise, a positive difference.
    expect(cmp.log_loss.difference).toBeGreaterThan(0);
    expect(cmp.log_loss.verdict).toBe('worse');
    expect(cmp.roc_auc.baseline).toBeGreaterThan(0.95);
    expect(cmp.roc_auc.candidate).toBe(doc.metrics.roc_auc);
    const gate = doc.gates.find((g: { metric: string }) => g.metric === 'roc_auc');
    expect(gate.status).toBe('failed');

    const body = s.standIn.comments[0].body;
    expect(body).toContain('### Metrics vs production v1');
    // The table row: candidate, production, a falling change (▼ and a minus sign), significantly worse.
    const row = body.split('\n').find((l) => l.startsWith('| roc_auc ↑ |'))!;
    const cells = row.split('|').map((c) => c.trim());
    expect(Number(cells[2])).toBeLessThan(Number(cells[3]));
    expect(cells[4]).toMatch(/^▼ [-−]0\.\d+$/);
    expect(row).toContain('significantly worse');
    const logLoss = body.split('\n').find((l) => l.startsWith('| log_loss ↓ |'))!;
    expect(logLoss).toMatch(/\| ▲ \+\d+\.\d+ \|/);
    expect(logLoss).toContain('significantly worse');
    expect(body).not.toContain('= 0 |');
  });
});

describe('data-only changes', () => {
  it('a PR that changes only the data of a pipeline whose source is written ./… runs that pipeline; its merge releases it', async () => {
    const s = await scene(pipelineYaml({ source: './pipelines/data/bc.csv', seed: 2 }));
    const baseSha = s.head();
    s.repo.git(s.repo.dir, 'checkout', '-q', '-b', 'data');
    const csv = s.repo.git(s.repo.dir, 'show', 'HEAD:pipelines/data/bc.csv').trimEnd().split('\n');
    writeFileSync(join(s.repo.dir, 'pipelines/data/bc.csv'), `${csv.slice(0, -20).join('\n')}\n`);
    s.repo.git(s.repo.dir, 'commit', '-q', '-am', 'drop the last 20 rows');
    const pull = s.standIn.addPull({ head: 'data', files: [{ filename: 'pipelines/data/bc.csv' }] });
    const res = await s.runner.run({
      event: 'pull_request',
      payload: pullRequestPayload(s.standIn, { number: pull.number, baseSha, headSha: s.head(), headRef: 'data' }),
      sha: s.head(),
      ref: `refs/pull/${pull.number}/merge`,
    });
    expectOk(res);
    expect(res.stdout).toContain('pipelines/bc.yaml: runs because its data pipelines/data/bc.csv changed');
    expect(s.standIn.comments).toHaveLength(1);
    expect(JSON.parse(res.outputs.metrics).bc.content_key).toMatch(/^sha256:/);

    // The stored bundle is checked again before it is registered: one whose metrics.json names
    // another content key (tampered with, or stored under the wrong name) is refused, nothing is
    // pushed. (One scene for both steps: it saves a second training run.)
    const store = join(s.runner.runnerTemp, 'pipepilot-bundle-store');
    const [stored] = readdirSync(store).filter((n) => n.startsWith('sha256-'));
    const metricsPath = join(store, stored, 'metrics.json');
    const intact = readFileSync(metricsPath, 'utf8');
    const doc = JSON.parse(intact);
    writeFileSync(metricsPath, JSON.stringify({ ...doc, content_key: `sha256:${'0'.repeat(64)}` }));
    const range = mergeToMain(s, 'data');
    const refused = await release(s, range);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^::error .*the stored bundle sha256:.* does not match pipelines\/bc\.yaml/m);
    expect(s.repo.git(s.repo.origin, 'rev-parse', 'main').trim()).toBe(range.after);

    writeFileSync(metricsPath, intact);
    const released = await release(s, range);
    expectOk(released);
    expect(released.stdout).toContain('pipelines/bc.yaml: releases because its data pipelines/data/bc.csv changed');
    expect(released.stdout).toMatch(/reusing the pull request's run bundle/);
    expect(released.outputs.version).toBe('1');
  });
});

/** Two releases and seven dispatches, each its own process: room for a loaded 2-core machine. */
const DISPATCH_TIMEOUT_MS = 180_000;

describe('the action on workflow_dispatch (promote, rollback)', () => {
  it('rollback dispatch → a revert PR that puts production back on the previous version; promote dispatch → a promote PR', async () => {
    const s = await scene();
    expectOk(await release(s, pushToMain(s, pipelineYaml({ seed: 2 }))));
    s.repo.git(s.repo.dir, 'pull', '-q', '--ff-only', 'origin', 'main');
    expectOk(await release(s, pushToMain(s, pipelineYaml({ seed: 2, gates: ['{metric: accuracy, min: 0.91}'] }))));
    s.repo.git(s.repo.dir, 'pull', '-q', '--ff-only', 'origin', 'main');
    // Production went v1, then v2 as a 10% canary, then v2 (deployment PRs merged; written here by hand).
    mkdirSync(join(s.repo.dir, 'models/bc/deployments'), { recursive: true });
    for (const [version, canary] of [[1], [1, { version: 2, weight: 10 }], [2]] as const) {
      writeFileSync(join(s.repo.dir, 'models/bc/deployments/production.yaml'), manifestYaml('bc', version, { canary }));
      s.repo.git(s.repo.dir, 'add', '-A');
      s.repo.git(s.repo.dir, 'commit', '-q', '-m', `deploy bc v${version} to production`);
    }
    s.repo.git(s.repo.dir, 'push', '-q', 'origin', 'main');

    const dispatch = (inputs: Record<string, string>) =>
      s.runner.run({ event: 'workflow_dispatch', payload: { ref: 'refs/heads/main', inputs, repository: { default_branch: 'main' }, sender: { login: 'octocat' } }, inputs, sha: s.head(), ref: 'refs/heads/main' });

    const rolled = await dispatch({ command: 'rollback', model: 'bc', environment: 'production' });
    expectOk(rolled);
    const revert = s.standIn.pulls.find((p) => p.head === 'pipepilot/rollback/bc/production')!;
    expect(revert).toMatchObject({ base: 'main', title: 'Roll back bc in production to v1' });
    expect(revert.body).toMatch(/git revert/);
    expect(revert.body.split('\n')[0]).toBe('Rollback: **production** serves bc **v2** now → **v1** after merge. Merging returns production to bc v1.');
    expect(revert.body).toContain('## bc: v2 (production) → v1');
    expect(originShow(s, 'pipepilot/rollback/bc/production', 'models/bc/deployments/production.yaml')).toMatch(/^version: 1$/m);
    expect(originShow(s, 'pipepilot/rollback/bc/production', 'models/bc/deployments/production.yaml')).not.toMatch(/canary/);
    expect(rolled.outputs['deployment-pr']).toContain(`/pull/${revert.number}`);

    // undo-last: only the full rollout is reverted, so v2 comes back as the 10% canary (the same PR, rebuilt).
    const undone = await dispatch({ command: 'rollback', model: 'bc', environment: 'production', 'undo-last': 'true' });
    expectOk(undone);
    expect(s.standIn.pulls.filter((p) => p.head === 'pipepilot/rollback/bc/production')).toHaveLength(1);
    expect(revert.title).toBe('Roll back bc in production to v1 + canary v2 at 10%');
    const undoneManifest = originShow(s, 'pipepilot/rollback/bc/production', 'models/bc/deployments/production.yaml');
    expect(undoneManifest).toMatch(/^version: 1$/m);
    // The revert restores the manifest byte for byte as it was committed.
    expect(undoneManifest).toMatch(/^canary: \{version: 2, weight: 10\}$/m);
    const both = await dispatch({ command: 'rollback', model: 'bc', environment: 'production', version: '1', 'undo-last': 'true' });
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/rollback takes version or undo-last, not both/);

    // The release already opened the staging PR for v2: the dispatch updates it, never a second one.
    const promoted = await dispatch({ command: 'promote', model: 'bc', version: '2', environment: 'staging' });
    expectOk(promoted);
    const staging = s.standIn.pulls.filter((p) => p.head === 'pipepilot/deploy/bc/staging');
    expect(staging).toHaveLength(1);
    expect(staging[0].title).toBe('Deploy bc v2 to staging');
    expect(staging[0].body).toMatch(/Requested by @octocat/);

    // Refusals are failures that say what to do, not stack traces.
    const canary = await dispatch({ command: 'promote', model: 'bc', version: '2', environment: 'staging', 'canary-weight': '10' });
    expect(canary.code).toBe(1);
    expect(canary.stdout).toMatch(/no version in staging to run a canary beside/);

    const bad = await dispatch({ command: 'rollback', model: 'bc' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/rollback needs the inputs model and environment/);
  }, DISPATCH_TIMEOUT_MS);
});
