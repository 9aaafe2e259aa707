import { createServer as createHttpServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { actionRunner, type ActionResult } from '../helpers/action-runner.js';
import { mergePullRequest } from '../helpers/deployment-fixtures.js';
import { githubStandIn, type GitHubStandIn } from '../helpers/github-stand-in.js';
import { deployPolicy, loadAndLabel, webhookReceiver } from '../helpers/monitor-fixtures.js';
import { manifestYaml, smallPipeline } from '../helpers/registry-fixtures.js';
import { commitAndPush, deployedRepo, startServer, type RunningServer } from '../helpers/serve-fixtures.js';
import type { TempRepo } from '../helpers/temp-repo.js';

/**
 * The bundled action (dist/index.js) running the monitor as a scheduled workflow would: a real git
 * origin, the real server on 127.0.0.1 serving bc v1 with canary v2 at 10 %, bounded load with
 * labels posted back, and the GitHub REST stand-in on loopback. The two versions are trained once
 * per file (serve-fixtures); every action run starts from a fresh clone, as actions/checkout does.
 */
const CREATE_PULL = 'POST /repos/{owner}/{repo}/pulls';
const UPDATE_PULL = 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}';
const CREATE_ISSUE = 'POST /repos/{owner}/{repo}/issues';
const UPDATE_ISSUE = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}';
const MANIFEST = 'models/bc/deployments/production.yaml';
/** Each scenario runs the bundled action 3–5 times (a process each, ~10 s on a loaded 2-core box) after training the fixture once. */
const RUNS_TIMEOUT_MS = 300_000;

interface Scene {
  repo: TempRepo;
  server: RunningServer;
  standIn: GitHubStandIn;
  /** Runs the action in a fresh clone: `schedule` with `servers` in its `with:`, or workflow_dispatch with `command: monitor`. */
  run(event: 'schedule' | 'workflow_dispatch', opts?: { servers?: string; env?: Record<string, string> }): Promise<ActionResult>;
  /** Every ref of the origin and where it points. */
  originRefs(): string;
}

async function monitorScene(policy: Parameters<typeof deployPolicy>[0]): Promise<Scene> {
  // Two manifest changes (v1, then the canary), as in life: a rollback reverts the second.
  const repo = await deployedRepo();
  commitAndPush(repo, MANIFEST, manifestYaml('bc', 1, { canary: { version: 2, weight: 10 } }), 'canary bc v2 at 10%');
  commitAndPush(repo, 'p.yaml', smallPipeline({ seed: 2 }) + deployPolicy(policy) + '\n', 'the rollout policy');
  const server = await startServer(repo);
  const standIn = await githubStandIn({ installationToken: true });
  let n = 0;
  return {
    repo, server, standIn,
    originRefs: () => repo.git(repo.origin, 'for-each-ref', '--format=%(refname) %(objectname)'),
    run: (event, opts = {}) => {
      const workspace = repo.clone(`checkout-${++n}`);
      const sha = repo.git(workspace, 'rev-parse', 'HEAD').trim();
      const inputs = { servers: opts.servers ?? server.url, ...(event === 'workflow_dispatch' ? { command: 'monitor' } : {}) };
      const payload = event === 'schedule'
        ? { schedule: '*/30 * * * *', repository: { default_branch: 'main' } }
        : { ref: 'refs/heads/main', inputs: { command: 'monitor' }, repository: { default_branch: 'main' }, sender: { login: 'octocat' } };
      return actionRunner({ workspace, standIn }).run({ event, payload, inputs, sha, ref: 'refs/heads/main', env: opts.env });
    },
  };
}

function expectOk(res: ActionResult): void {
  expect(res.code, `${res.stdout}\n${res.stderr}`).toBe(0);
}

/** A secret appears in the log only in the runner's `::add-mask::` command (the runner hides it everywhere after). */
function expectNeverPrinted(res: ActionResult, secret: string): void {
  const printed = (res.stdout + res.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
  expect(printed.filter((l) => l.includes(secret))).toEqual([]);
  expect(res.stdout).toContain(`::add-mask::${secret}`);
}

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('the action on schedule (monitor)', () => {
  it('a healthy canary → its advance PR with the evidence; the same pass again changes nothing; with deploy.auto_merge the step is committed to main', async () => {
    const s = await monitorScene({});
    await loadAndLabel(s.server, s.repo, 400);

    const first = await s.run('schedule');
    expectOk(first);
    const pulls = s.standIn.pulls.filter((p) => p.head === 'pipepilot/deploy/bc/production');
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ base: 'main', title: 'Canary bc v2 at 50% in production', labels: ['pipepilot'] });
    const body = pulls[0].body;
    expect(body).toMatch(/\*\*bc\*\* in \*\*production\*\*: advance canary v2 to 50%/);
    expect(body).toMatch(/\| requests answered \| \d+ \| \d+ \| canary ≥ 30 \| pass \|/);
    expect(body).toMatch(/\| live accuracy \| [0-9.]+ \(\d+ labels\) \| [0-9.]+ \(\d+ labels\) \| drop ≤ 0.25 at 0.9; .+ \| pass \|/);
    expect(body).toMatch(/_Window_: from 1 server .+ since each version was loaded/);
    expect(s.repo.git(s.repo.origin, 'show', `pipepilot/deploy/bc/production:${MANIFEST}`)).toMatch(/canary:\n {2}version: 2\n {2}weight: 50/);
    expect(JSON.parse(first.outputs.decisions)).toEqual([{ model: 'bc', env: 'production', action: 'advance', written: 'created' }]);
    expect(first.outputs['deployment-pr']).toBe(`https://github.com/${s.standIn.owner}/${s.standIn.repo}/pull/${pulls[0].number}`);
    expect(first.summary).toMatch(/advance canary v2 to 50%/);
    expectNeverPrinted(first, s.server.url);
    expect(body).not.toContain(s.server.url);

    // The same evidence again, from a fresh checkout, by hand (workflow_dispatch): nothing new anywhere.
    const refs = s.originRefs();
    const again = await s.run('workflow_dispatch');
    expectOk(again);
    expect(JSON.parse(again.outputs.decisions)[0]).toMatchObject({ action: 'advance', written: 'unchanged' });
    expect(s.originRefs()).toBe(refs);
    expect(s.standIn.count(CREATE_PULL)).toBe(1);
    expect(s.standIn.count(UPDATE_PULL)).toBe(0);

    // deploy.auto_merge: the decision goes straight to main, no pull request.
    commitAndPush(s.repo, 'p.yaml', smallPipeline({ seed: 2 }) + deployPolicy({ autoMerge: true }) + '\n', 'let the monitor merge');
    const auto = await s.run('schedule');
    expectOk(auto);
    expect(s.repo.git(s.repo.origin, 'show', `main:${MANIFEST}`)).toMatch(/canary:\n {2}version: 2\n {2}weight: 50/);
    expect(s.repo.git(s.repo.origin, 'log', '-1', '--format=%an|%B', 'main')).toMatch(/^github-actions\[bot\]\|[^]*deploy\.auto_merge/);
    expect(s.standIn.count(CREATE_PULL)).toBe(1);
    expect(auto.outputs['deployment-pr']).toBe('');
  }, RUNS_TIMEOUT_MS);

  it('a bad canary → the rollback PR with the evidence, a webhook and one alert issue; the same pass is a no-op; an unreachable server writes nothing; the issue closes when it clears', async () => {
    const s = await monitorScene({ githubIssue: true });
    const hook = await webhookReceiver();
    const env = { TEST_ALERT_HOOK: hook.url };
    await loadAndLabel(s.server, s.repo, 400, (version) => version === 2);

    const refs = s.originRefs();
    const closed = await closedPort();
    const unreachable = await s.run('schedule', { servers: `${s.server.url}, http://127.0.0.1:${closed}`, env });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stdout).toMatch(/server #2 of input 'servers' did not answer \(ECONNREFUSED\); nothing was written/);
    expect(unreachable.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    expect(s.originRefs()).toBe(refs);
    expect(s.standIn.pulls).toHaveLength(0);
    expect(s.standIn.issues).toHaveLength(0);
    expect(hook.bodies).toHaveLength(0);
    expectNeverPrinted(unreachable, `http://127.0.0.1:${closed}`);

    const pass = await s.run('schedule', { env });
    expectOk(pass);
    const rollback = s.standIn.pulls.find((p) => p.head === 'pipepilot/rollback/bc/production')!;
    expect(rollback).toMatchObject({ base: 'main', title: 'Roll back bc in production to v1' });
    expect(rollback.body.split('\n')[0]).toMatch(/^Rollback: \*\*production\*\* serves bc/);
    expect(rollback.body).toMatch(/roll back canary v2/);
    expect(rollback.body).toMatch(/the canary's live accuracy is worse than stable's by more than 0.25/);
    expect(rollback.body).toMatch(/\| live accuracy \| [0-9.]+ \(\d+ labels\) \| [0-9.]+ \(\d+ labels\) \| drop ≤ 0.25 at 0.9; .+ \| fail \|/);
    expect(s.repo.git(s.repo.origin, 'show', `pipepilot/rollback/bc/production:${MANIFEST}`)).not.toMatch(/canary/);
    expect(s.standIn.issues).toHaveLength(1);
    const issue = s.standIn.issues[0];
    expect(issue).toMatchObject({ state: 'open', title: 'PipePilot alert: bc in production', labels: ['pipepilot-alert'] });
    expect(issue.body).toMatch(/canary v2 rolled back: the canary's live accuracy is worse/);
    expect(issue.body).toContain(`/pull/${rollback.number}`);
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0]).toMatchObject({ model: 'bc', env: 'production', action: 'rollback' });
    expectNeverPrinted(pass, s.server.url);
    expectNeverPrinted(pass, hook.url);
    expect(rollback.body + issue.body).not.toContain(new URL(s.server.url).host);

    const settled = s.originRefs();
    const same = await s.run('schedule', { env });
    expectOk(same);
    expect(s.originRefs()).toBe(settled);
    expect([s.standIn.count(CREATE_PULL), s.standIn.count(UPDATE_PULL), s.standIn.count(CREATE_ISSUE), s.standIn.count(UPDATE_ISSUE)]).toEqual([1, 0, 1, 0]);
    expect(hook.bodies).toHaveLength(1);

    // The rollback PR merged and the servers following it: the alert has cleared, the issue is closed.
    s.repo.git(s.repo.dir, 'fetch', '-q', 'origin');
    mergePullRequest(s.repo, 'origin/pipepilot/rollback/bc/production');
    s.repo.git(s.repo.dir, 'push', '-q', 'origin', 'main');
    await s.server.app.refresh();
    const cleared = await s.run('schedule', { env });
    expectOk(cleared);
    expect(s.standIn.issues).toHaveLength(1);
    expect(s.standIn.issues[0]).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(s.standIn.comments.find((c) => c.issueNumber === issue.number)?.body).toMatch(/^Cleared by `pipepilot monitor`: hold\. no canary in the manifest/);
  }, RUNS_TIMEOUT_MS);

  it('bad input: no servers, a server that is not a URL — exit 1, the input named, its value never printed', async () => {
    const s = await monitorScene({});
    const none = await s.run('schedule', { servers: '' });
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/monitor needs the input 'servers'/);
    const bad = await s.run('schedule', { servers: `${s.server.url} ftp://secret-host:21` });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/#2 of input 'servers' is not an http or https URL/);
    expectNeverPrinted(bad, 'ftp://secret-host:21');
    expect(s.standIn.requests).toHaveLength(0);
  }, RUNS_TIMEOUT_MS);
});
