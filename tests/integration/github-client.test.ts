import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GitHubError, PipePilotError, UsageError } from '../../src/errors.js';
import { createGitHub } from '../../src/github/octokit-client.js';
import { MAX_COMMENT_CHARS, markerTag } from '../../src/github/sticky-comment-text.js';
import { githubStandIn } from '../helpers/github-stand-in.js';

const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
const CREATE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}';
const CREATE_PULL = 'POST /repos/{owner}/{repo}/pulls';
const UPDATE_PULL = 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}';

/** A stand-in and a client pointed at it; waits are recorded, never slept. */
async function setup(options: Parameters<typeof githubStandIn>[0] = {}, now?: () => number) {
  const standIn = await githubStandIn(options);
  const sleeps: number[] = [];
  const warnings: string[] = [];
  const github = createGitHub({
    token: standIn.token,
    owner: standIn.owner,
    repo: standIn.repo,
    baseUrl: standIn.baseUrl,
    now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    log: { info: () => {}, warn: (m) => warnings.push(m) },
  });
  return { standIn, github, sleeps, warnings };
}

const churn = (body: string) => ({ issueNumber: 7, marker: 'pipepilot:churn', body });

describe('sticky PR comment', () => {
  it('first run creates one comment', async () => {
    const { standIn, github } = await setup();
    const result = await github.upsertStickyComment(churn('## churn\nroc_auc 0.91'));
    expect(result).toMatchObject({ action: 'created', id: standIn.comments[0].id });
    expect(result.action !== 'skipped' && result.url).toContain('/issues/7#issuecomment-');
    expect(standIn.comments).toHaveLength(1);
    expect(standIn.comments[0]).toMatchObject({ issueNumber: 7, login: 'pipepilot-bot', body: '<!-- pipepilot:churn -->\n## churn\nroc_auc 0.91' });
  });

  it('second run with a new body edits the same comment', async () => {
    const { standIn, github } = await setup();
    const first = await github.upsertStickyComment(churn('roc_auc 0.91'));
    const second = await github.upsertStickyComment(churn('roc_auc 0.93'));
    expect(second).toMatchObject({ action: 'updated', id: first.action === 'created' ? first.id : -1 });
    expect(standIn.comments).toHaveLength(1);
    expect(standIn.comments[0].body).toContain('roc_auc 0.93');
    expect(standIn.count(CREATE)).toBe(1);
    expect(standIn.count(UPDATE)).toBe(1);
  });

  it('same body again changes nothing (no PATCH sent)', async () => {
    const { standIn, github } = await setup();
    await github.upsertStickyComment(churn('roc_auc 0.91'));
    expect(await github.upsertStickyComment(churn('roc_auc 0.91'))).toMatchObject({ action: 'unchanged' });
    expect(standIn.count(CREATE)).toBe(1);
    expect(standIn.count(UPDATE)).toBe(0);
  });

  it('comments by other authors with the marker are ignored', async () => {
    const { standIn, github } = await setup();
    const copied = standIn.addComment({ issueNumber: 7, login: 'mallory', body: `${markerTag('pipepilot:churn')}\nquoted report` });
    const result = await github.upsertStickyComment(churn('roc_auc 0.91'));
    expect(result.action).toBe('created');
    expect(standIn.comments).toHaveLength(2);
    expect(copied.body).toBe(`${markerTag('pipepilot:churn')}\nquoted report`);
  });

  it('our own comment is found whatever the case of the login (GitHub logins are case-insensitive)', async () => {
    const { standIn, github } = await setup();
    const ours = standIn.addComment({ issueNumber: 7, login: 'PipePilot-Bot', body: `${markerTag('pipepilot:churn')}\nold report` });
    const result = await github.upsertStickyComment(churn('new report'));
    expect(result).toMatchObject({ action: 'updated', id: ours.id });
    expect(standIn.comments).toHaveLength(1);
    expect(standIn.count(CREATE)).toBe(0);
  });

  it('each pipeline keeps its own comment, and a marker is not a prefix match', async () => {
    const { standIn, github } = await setup();
    await github.upsertStickyComment({ issueNumber: 7, marker: 'pipepilot:churn2', body: 'other pipeline' });
    await github.upsertStickyComment(churn('churn report'));
    await github.upsertStickyComment(churn('churn report, rerun'));
    expect(standIn.comments.map((c) => c.body)).toEqual([
      '<!-- pipepilot:churn2 -->\nother pipeline',
      '<!-- pipepilot:churn -->\nchurn report, rerun',
    ]);
  });

  it('101 comments: the marker is found on page 2', async () => {
    const { standIn, github } = await setup();
    for (let i = 0; i < 100; i++) standIn.addComment({ issueNumber: 7, login: `reviewer-${i % 3}`, body: `looks good ${i}` });
    const ours = standIn.addComment({ issueNumber: 7, login: 'pipepilot-bot', body: `${markerTag('pipepilot:churn')}\nold report` });
    const result = await github.upsertStickyComment(churn('new report'));
    expect(result).toMatchObject({ action: 'updated', id: ours.id });
    expect(standIn.count(LIST)).toBe(2);
    expect(standIn.count(CREATE)).toBe(0);
    expect(standIn.requests.filter((r) => r.route === LIST).map((r) => r.path)[1]).toContain('page=2');
  });

  it('a 502 then success is retried once', async () => {
    const { standIn, github, sleeps } = await setup();
    standIn.failNext(LIST, 502);
    expect((await github.upsertStickyComment(churn('report'))).action).toBe('created');
    expect(standIn.count(LIST)).toBe(2);
    expect(sleeps).toHaveLength(1);
    expect(standIn.comments).toHaveLength(1);
  });

  it('a 502 after the comment was posted does not post a second one', async () => {
    const { standIn, github } = await setup();
    standIn.failNext(CREATE, 502, { afterEffect: true });
    expect((await github.upsertStickyComment(churn('report'))).action).toBe('created');
    expect(standIn.count(CREATE)).toBe(1);
    expect(standIn.comments).toHaveLength(1);
  });

  it('a 404 is not retried', async () => {
    const { standIn, github, sleeps } = await setup();
    standIn.failNext(LIST, 404);
    const err = await github.upsertStickyComment(churn('report')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubError);
    expect(err).toMatchObject({ status: 404, route: LIST, rateLimited: false });
    expect((err as GitHubError).message).toContain(`GitHub ${LIST} failed with 404`);
    expect(standIn.count(LIST)).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('a 5xx that persists fails after 4 tries with the route and a hint', async () => {
    const { standIn, github, sleeps } = await setup();
    standIn.failNext(LIST, 503, { times: 10 });
    await expect(github.upsertStickyComment(churn('report'))).rejects.toMatchObject({ status: 503, route: LIST, hint: expect.stringContaining('rerun') });
    expect(standIn.count(LIST)).toBe(4);
    expect(sleeps).toEqual([1000, 2000, 4000]);
  });

  it('fork PR: 403 on create → skipped, no throw', async () => {
    const { standIn, github, sleeps, warnings } = await setup({ installationToken: true });
    standIn.failNext(CREATE, 403);
    const result = await github.upsertStickyComment(churn('report'));
    expect(result).toMatchObject({ action: 'skipped', reason: expect.stringContaining('forks') });
    expect(standIn.comments).toHaveLength(0);
    expect(sleeps).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('a GITHUB_TOKEN that may not read /user still finds the comments of github-actions[bot]', async () => {
    const { standIn, github } = await setup({ installationToken: true });
    standIn.addComment({ issueNumber: 7, login: 'github-actions[bot]', body: `${markerTag('pipepilot:churn')}\nold` });
    expect((await github.upsertStickyComment(churn('new'))).action).toBe('updated');
    expect(await github.upsertStickyComment(churn('newer'))).toMatchObject({ action: 'updated' });
    expect(standIn.count('GET /user')).toBe(1);
    expect(standIn.comments).toHaveLength(1);
  });

  it('a 429 with retry-after waits as told, and a rate-limit 403 is retried, not skipped', async () => {
    const { standIn, github, sleeps } = await setup();
    standIn.failNext(CREATE, 429, { headers: { 'retry-after': '3' } });
    standIn.failNext(LIST, 403, { headers: { 'x-ratelimit-remaining': '0', 'retry-after': '7' } });
    expect((await github.upsertStickyComment(churn('report'))).action).toBe('created');
    expect(sleeps).toEqual([7000, 3000]);
    expect(standIn.comments).toHaveLength(1);
  });

  it('a primary rate limit waits until its reset, unless the reset is too far away', async () => {
    const nowSeconds = 1_700_000_000;
    const { standIn, github, sleeps } = await setup({}, () => nowSeconds * 1000);
    const limited = (inSeconds: number) => ({ headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(nowSeconds + inSeconds) } });
    standIn.failNext(LIST, 403, limited(30));
    expect((await github.upsertStickyComment(churn('report'))).action).toBe('created');
    expect(sleeps).toEqual([30_000]);
    standIn.failNext(LIST, 403, limited(3600));
    await expect(github.upsertStickyComment(churn('report 2'))).rejects.toMatchObject({ status: 403, rateLimited: true });
    expect(sleeps).toEqual([30_000]);
  });

  it('body over 65,536 chars is refused with a clear error', async () => {
    const { standIn, github } = await setup();
    const err = await github.upsertStickyComment(churn('x'.repeat(MAX_COMMENT_CHARS))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PipePilotError);
    expect((err as Error).message).toMatch(/is 65,561 characters with its marker; GitHub allows at most 65,536/);
    expect(standIn.requests).toHaveLength(0);
    const fits = 'x'.repeat(MAX_COMMENT_CHARS - markerTag('pipepilot:churn').length - 1);
    expect((await github.upsertStickyComment(churn(fits))).action).toBe('created');
  });

  it('a marker that could break out of its HTML comment is refused before any request', async () => {
    const { standIn, github } = await setup();
    for (const marker of ['', 'a-->b', 'a b', 'x'.repeat(101)]) {
      await expect(github.upsertStickyComment({ issueNumber: 7, marker, body: 'b' })).rejects.toThrow(/cannot be used as a sticky comment marker/);
    }
    expect(standIn.requests).toHaveLength(0);
  });
});

describe('deployment pull request', () => {
  const deploy = (body: string) => ({
    head: 'pipepilot/deploy/churn/production', base: 'main', title: 'Deploy churn v4 to production', body, labels: ['pipepilot'],
  });

  it('deployment PR: created once, updated on rerun, never duplicated', async () => {
    const { standIn, github } = await setup();
    const first = await github.upsertPullRequest({ ...deploy('v3 → v4'), draft: true });
    expect(first).toMatchObject({ action: 'created', url: expect.stringContaining(`/pull/${first.number}`) });
    expect(await github.upsertPullRequest(deploy('v3 → v4'))).toEqual({ ...first, action: 'unchanged' });
    expect(await github.upsertPullRequest(deploy('v3 → v5'))).toEqual({ ...first, action: 'updated' });
    expect(standIn.pulls).toHaveLength(1);
    expect(standIn.pulls[0]).toMatchObject({ head: 'pipepilot/deploy/churn/production', body: 'v3 → v5', draft: true, labels: ['pipepilot'] });
    expect(standIn.count(CREATE_PULL)).toBe(1);
    expect(standIn.count(UPDATE_PULL)).toBe(1);
  });

  it('a closed PR from the same branch does not count: a new one is opened', async () => {
    const { standIn, github } = await setup();
    standIn.addPull({ head: 'pipepilot/deploy/churn/production', title: 'old' }).state = 'closed';
    expect((await github.upsertPullRequest(deploy('v4'))).action).toBe('created');
    expect(standIn.pulls.filter((p) => p.state === 'open')).toHaveLength(1);
  });

  it('422 already exists → found and updated', async () => {
    const { standIn, github } = await setup();
    // A racing run opens the PR between our search and our create.
    standIn.beforeNext(CREATE_PULL, () => standIn.addPull({ head: 'pipepilot/deploy/churn/production', title: 'from a racing run' }));
    const result = await github.upsertPullRequest(deploy('v4'));
    expect(result).toMatchObject({ action: 'updated', number: standIn.pulls[0].number });
    expect(standIn.pulls).toHaveLength(1);
    expect(standIn.pulls[0]).toMatchObject({ title: 'Deploy churn v4 to production', body: 'v4', labels: ['pipepilot'] });
  });

  it('a 422 before the new branch is visible is retried, then the PR is created once', async () => {
    const { standIn, github, sleeps } = await setup();
    standIn.failNext(CREATE_PULL, 422);
    expect((await github.upsertPullRequest(deploy('v4'))).action).toBe('created');
    expect(standIn.count(CREATE_PULL)).toBe(2);
    expect(sleeps).toEqual([2000]);
    expect(standIn.pulls).toHaveLength(1);
  });

  it('a 422 that never clears is thrown after 3 tries', async () => {
    const { standIn, github } = await setup();
    standIn.failNext(CREATE_PULL, 422, { times: 5, message: 'Validation Failed' });
    await expect(github.upsertPullRequest(deploy('v4'))).rejects.toMatchObject({ status: 422, route: CREATE_PULL });
    expect(standIn.count(CREATE_PULL)).toBe(3);
    expect(standIn.pulls).toHaveLength(0);
  });
});

describe('pull request files and artifacts', () => {
  it('lists every changed path over several pages, old and new names of a rename', async () => {
    const { standIn, github } = await setup();
    const files = Array.from({ length: 230 }, (_, i) => ({ filename: `src/f${i}.ts` }));
    files.push({ filename: 'pipelines/churn-v2.yaml', previous_filename: 'pipelines/churn.yaml' } as (typeof files)[0]);
    const pull = standIn.addPull({ head: 'feature', files });
    const paths = await github.listPullRequestFiles(pull.number);
    expect(paths).toHaveLength(232);
    expect(paths.slice(-2)).toEqual(['pipelines/churn-v2.yaml', 'pipelines/churn.yaml']);
    await expect(github.listPullRequestFiles(999)).rejects.toMatchObject({ status: 404 });
  });

  it('finds the newest unexpired artifact by name, or says there is none', async () => {
    const { standIn, github } = await setup();
    standIn.addArtifact({ name: 'pipepilot-bundle-abc', workflowRunId: 11 });
    const newest = standIn.addArtifact({ name: 'pipepilot-bundle-abc', workflowRunId: 12 });
    standIn.addArtifact({ name: 'pipepilot-bundle-abc', workflowRunId: 13, expired: true });
    expect(await github.tryFindArtifact('pipepilot-bundle-abc')).toEqual({ id: newest.id, name: 'pipepilot-bundle-abc', workflowRunId: 12 });
    expect(await github.tryFindArtifact('pipepilot-bundle-none')).toBeUndefined();
  });
});

describe('credentials', () => {
  it('no token appears in any error message', async () => {
    const { standIn } = await setup();
    const wrong = createGitHub({ token: 'ghp_wrongWrongWrong0123456789abcdef', owner: standIn.owner, repo: standIn.repo, baseUrl: standIn.baseUrl });
    const badCredentials = await wrong.listPullRequestFiles(1).catch((e: unknown) => e);
    expect(badCredentials).toMatchObject({ status: 401 });
    expect(inspect(badCredentials, { depth: 10 })).not.toContain('ghp_wrongWrongWrong0123456789abcdef');

    const { standIn: echoing, github } = await setup();
    echoing.failNext(LIST, 400, { message: `token ${echoing.token} is not allowed here (also ghp_${'a'.repeat(36)})` });
    const err = await github.upsertStickyComment(churn('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubError);
    const everything = inspect(err, { depth: 10 });
    expect(everything).not.toContain(echoing.token);
    expect(everything).not.toContain(`ghp_${'a'.repeat(36)}`);
    expect((err as GitHubError).message).toContain('token *** is not allowed here');
  });

  it('a missing token or repository is a usage error', () => {
    expect(() => createGitHub({ token: '', owner: 'o', repo: 'r' })).toThrow(UsageError);
    expect(() => createGitHub({ token: 't', owner: 'o', repo: '' })).toThrow(expect.objectContaining({ hint: 'Expected format {owner}/{repo}.' }));
  });
});
