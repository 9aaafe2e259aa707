import { describe, expect, it } from 'vitest';
import { actionRunner, pullRequestPayload, type ActionResult } from '../helpers/action-runner.js';
import { githubStandIn, type GitHubStandIn } from '../helpers/github-stand-in.js';
import { bcData } from '../helpers/registry-fixtures.js';
import { tempRepo, type TempRepo } from '../helpers/temp-repo.js';

/**
 * `command: tune` through the bundled action (dist/index.js), as a runner runs it: a real bare
 * origin, the GitHub REST stand-in on 127.0.0.1. The study is small (a linear model, 3 random
 * trials over l2) so each run takes seconds; the proposal pull request is then checked by the
 * action's own `check`, like any pull request.
 */
const CREATE_PULL = 'POST /repos/{owner}/{repo}/pulls';
const BRANCH = 'pipepilot/tune/bc';

function pipelineYaml(gate = '{metric: accuracy, min: 0.9}'): string {
  return [
    'apiVersion: pipepilot/v1',
    'name: bc',
    'description: Screening aid for review by a pathologist (test model).',
    'data: {source: pipelines/data/bc.csv, target: diagnosis, positive_class: malignant}',
    'model:',
    '  task: binary_classification',
    '  type: linear   # the tuner only touches params',
    '  params: {max_iter: 100, l2: 0.5}',
    '  seed: 1',
    'evaluate: {bootstrap: {samples: 50}}',
    'gates:',
    `  - ${gate}`,
    '# the study the action runs',
    'tune: {metric: log_loss, sampler: random, pruner: none, trials: 6, space: {l2: {loguniform: [0.0001, 0.01]}}}',
    '',
  ].join('\n');
}

interface Scene {
  repo: TempRepo;
  standIn: GitHubStandIn;
  dispatch: (inputs: Record<string, string>) => Promise<ActionResult>;
  origin: (...args: string[]) => string;
}

async function scene(pipeline = pipelineYaml()): Promise<Scene> {
  const repo = tempRepo({ 'pipelines/bc.yaml': pipeline, 'pipelines/data/bc.csv': bcData });
  const standIn = await githubStandIn({ installationToken: true });
  const runner = actionRunner({ workspace: repo.dir, standIn });
  const head = () => repo.git(repo.dir, 'rev-parse', 'HEAD').trim();
  const dispatch = (inputs: Record<string, string>) =>
    runner.run({ event: 'workflow_dispatch', payload: { ref: 'refs/heads/main', inputs, repository: { default_branch: 'main' }, sender: { login: 'octocat' } }, inputs, sha: head(), ref: 'refs/heads/main' });
  return { repo, standIn, dispatch, origin: (...args) => repo.git(repo.origin, ...args) };
}

/** Three (then five) runs of the bundled action per test, each training: more than the default 60 s on a loaded 2-core box. */
const SCENARIO_TIMEOUT_MS = 240_000;

function expectOk(res: ActionResult): void {
  expect(res.code, `${res.stdout}\n${res.stderr}`).toBe(0);
}

describe('the action on workflow_dispatch (command: tune)', () => {
  it('runs the study, pushes the proposal branch and opens one pull request; a rerun updates it; the PR is checked like any change', async () => {
    const s = await scene();
    const main = s.origin('rev-parse', 'main').trim();
    const res = await s.dispatch({ command: 'tune', pipeline: 'pipelines/bc.yaml', trials: '4' });
    expectOk(res);
    expect(res.stdout.match(/^trial \d: complete/gm)).toHaveLength(4);

    // The branch: one commit on main, by the bot, changing only the params line of the pipeline.
    expect(s.origin('rev-parse', `${BRANCH}~1`).trim()).toBe(main);
    expect(s.origin('log', '-1', '--format=%an', BRANCH).trim()).toBe('github-actions[bot]');
    expect(s.origin('diff', '--name-only', main, BRANCH).trim()).toBe('pipelines/bc.yaml');
    const before = s.origin('show', `${main}:pipelines/bc.yaml`).split('\n');
    const after = s.origin('show', `${BRANCH}:pipelines/bc.yaml`).split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.filter((l, i) => l !== before[i]);
    const best = JSON.parse(res.outputs['best-params']) as { l2: number };
    expect(best.l2).toBeGreaterThanOrEqual(0.0001);
    expect(best.l2).toBeLessThanOrEqual(0.01);
    expect(changed).toEqual([`  params: {max_iter: 100, l2: ${best.l2}}`]);

    // One pull request, from the branch into the default branch, its body the study.
    expect(s.standIn.pulls).toHaveLength(1);
    const [pull] = s.standIn.pulls;
    expect(res.outputs['tune-pr']).toBe(`https://github.com/${s.standIn.owner}/${s.standIn.repo}/pull/${pull.number}`);
    expect(res.outputs['gates-passed']).toBe('true');
    expect(pull).toMatchObject({ head: BRANCH, base: 'main', state: 'open' });
    expect(pull.labels).toContain('pipepilot');
    expect(pull.title).toMatch(/^Tune bc: log_loss 0\.\d+ \(best of 4 trials\)$/);
    expect(pull.body).toContain(`| l2 | \`0.5\` | \`${best.l2}\` |`);
    expect(pull.body).toContain('### Best trial');
    expect(pull.body).toContain('### Parameter importance');
    expect(pull.body).toContain('### Trials');
    expect(pull.body).toContain('### The winner on the test rows');
    expect(pull.body).toMatch(/accuracy/);
    expect(pull.body).toContain('@octocat');
    expect(res.summary).toContain('## Tuning bc: best log_loss');

    // The same dispatch again: the same study, the branch as it was, the pull request updated, not a second one.
    const tip = s.origin('rev-parse', BRANCH).trim();
    const again = await s.dispatch({ command: 'tune', pipeline: 'pipelines/bc.yaml', trials: '4' });
    expectOk(again);
    expect(s.origin('rev-parse', BRANCH).trim()).toBe(tip);
    expect(s.standIn.pulls).toHaveLength(1);
    expect(s.standIn.count(CREATE_PULL)).toBe(1);
    expect(again.outputs['tune-pr']).toBe(res.outputs['tune-pr']);

    // The proposal pull request gets the same check as any change: trained, gated, commented.
    s.repo.git(s.repo.dir, 'fetch', '-q', 'origin', BRANCH);
    s.repo.git(s.repo.dir, 'checkout', '-q', 'FETCH_HEAD');
    pull.files = [{ filename: 'pipelines/bc.yaml' }];
    const checked = await actionRunner({ workspace: s.repo.dir, standIn: s.standIn }).run({
      event: 'pull_request',
      payload: pullRequestPayload(s.standIn, { number: pull.number, baseSha: main, headSha: tip, headRef: BRANCH }),
      sha: tip,
      ref: `refs/pull/${pull.number}/merge`,
    });
    expectOk(checked);
    expect(checked.outputs['gates-passed']).toBe('true');
    const metrics = JSON.parse(checked.outputs.metrics) as { bc: { model: { params: { l2: number } } } };
    expect(metrics.bc.model.params.l2).toBe(best.l2);
    expect(s.standIn.comments).toHaveLength(1);
    expect(s.standIn.comments[0].issueNumber).toBe(pull.number);
  }, SCENARIO_TIMEOUT_MS);

  it('a winner failing its gates is reported and not proposed; bad inputs fail naming the input; nothing is pushed', async () => {
    const s = await scene(pipelineYaml('{metric: accuracy, min: 0.9999}'));
    const failed = await s.dispatch({ command: 'tune', pipeline: 'pipelines/bc.yaml', trials: '2' });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^::error::PipePilot tune failed:%0A- pipelines\/bc\.yaml: the best trial's params fail the gates on the test rows, so nothing is proposed%0A- accuracy .* < min 0\.9999$/m);
    expect(failed.outputs['gates-passed']).toBe('false');
    expect(failed.summary).toContain('### The winner on the test rows');
    expect(s.standIn.pulls).toHaveLength(0);

    const cases: [Record<string, string>, RegExp][] = [
      [{ command: 'tune' }, /tune needs the input pipeline/],
      [{ command: 'tune', pipeline: '../outside.yaml' }, /input 'pipeline' \(\.\.\/outside\.yaml\) must be a path inside the working directory/],
      [{ command: 'tune', pipeline: 'pipelines/bc.yaml', trials: 'many' }, /input 'trials' must be a number of trials/],
      [{ command: 'tune', pipeline: 'pipelines/nope.yaml' }, /pipelines\/nope\.yaml/],
    ];
    for (const [inputs, message] of cases) {
      const res = await s.dispatch(inputs);
      expect(res.code, JSON.stringify(inputs)).toBe(1);
      expect(res.stdout).toMatch(message);
      expect(res.stdout).not.toMatch(/internal error/);
    }
    expect(s.origin('branch', '--list', 'pipepilot/*').trim()).toBe('');
    expect(s.standIn.pulls).toHaveLength(0);
  }, SCENARIO_TIMEOUT_MS);
});
