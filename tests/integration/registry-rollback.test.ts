import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/registry/manifest.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { mergePullRequest, promoteAndMerge, registeredRepo, showAt } from '../helpers/deployment-fixtures.js';

const STAGING = 'models/bc/deployments/staging.yaml';
const BRANCH = 'pipepilot/rollback/bc/staging';

describe('pipepilot rollback', () => {
  it('rollback after a merged promotion reverts the merge with the right parent and the manifest is back to v1', async () => {
    const repo = await registeredRepo(2);
    await promoteAndMerge(repo, ['bc', '--version', '1', '--env', 'staging']);
    const v1Text = showAt(repo, 'HEAD', STAGING);
    const merge = await promoteAndMerge(repo, ['bc', '--version', '2', '--env', 'staging']);
    const mainline = repo.git(repo.dir, 'rev-parse', `${merge}^1`).trim();

    const res = await runCli(['rollback', 'bc', '--env', 'staging'], repo.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`^created branch ${BRANCH} \\(commit [0-9a-f]{12}\\): reverts ${merge.slice(0, 12)}; staging will serve bc v1`));
    expect(repo.git(repo.dir, 'rev-parse', `${BRANCH}^`).trim()).toBe(merge);
    const message = repo.git(repo.dir, 'log', '-1', '--format=%B', BRANCH);
    expect(message).toMatch(/^rollback bc staging to v1 \(from v2\)\n/);
    expect(message).toContain(`This reverts commit ${merge}, reversing changes made to ${mainline}.`);
    // A revert restores the file byte for byte: the same text as when v1 was deployed.
    expect(showAt(repo, BRANCH, STAGING)).toBe(v1Text);
    expect(repo.git(repo.dir, 'diff', '--name-only', merge, BRANCH).trim()).toBe(STAGING);

    const again = await runCli(['rollback', 'bc', '--env', 'staging'], repo.dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already holds this rollback/);
    mergePullRequest(repo, BRANCH);
    expect(parseManifest(showAt(repo, 'HEAD', STAGING), STAGING).version).toBe(1);
    expect((await runCli(['verify'], repo.dir)).code).toBe(0);
  });

  it('rollback --to 1 from v3 reverts both later changes, newest first, in one commit', async () => {
    const repo = await registeredRepo(3);
    for (const v of ['1', '2', '3']) await promoteAndMerge(repo, ['bc', '--version', v, '--env', 'staging']);
    const v1Text = repo.git(repo.dir, 'show', `HEAD~2:${STAGING}`);
    const [m3, m2] = [repo.git(repo.dir, 'rev-parse', 'HEAD').trim(), repo.git(repo.dir, 'rev-parse', 'HEAD~1').trim()];
    const res = await runCli(['rollback', 'bc', '--env', 'staging', '--to', '1'], repo.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`reverts ${m3.slice(0, 12)}, ${m2.slice(0, 12)}; staging will serve bc v1`);
    expect(showAt(repo, BRANCH, STAGING)).toBe(v1Text);
    const message = repo.git(repo.dir, 'log', '-1', '--format=%B', BRANCH);
    expect(message).toMatch(/^rollback bc staging to v1 \(from v3\)\n\nReverts the last 2 changes to the manifest, newest first\.\nThis reverts commit [0-9a-f]{40}, reversing/);
    expect(message.indexOf(m3)).toBeLessThan(message.indexOf(m2));

    const already = await runCli(['rollback', 'bc', '--env', 'staging', '--to', '3'], repo.dir);
    expect(already.stdout).toBe('bc staging already serves v3; nothing to roll back\n');
    const never = await runCli(['rollback', 'bc', '--env', 'staging', '--to', '9'], repo.dir);
    expect(never.code).toBe(2);
    expect(never.stderr).toMatch(/bc v9 was never the version in staging's manifest history \(it named: v1, v2, v3\)/);
  });

  it('rollback of a direct (non-merge) manifest commit reverts it plainly', async () => {
    const repo = await registeredRepo(2);
    await promoteAndMerge(repo, ['bc', '--version', '1', '--env', 'staging']);
    // Someone fast-forwarded the deploy branch instead of merging it.
    expect((await runCli(['promote', 'bc', '--version', '2', '--env', 'staging'], repo.dir)).code).toBe(0);
    repo.git(repo.dir, 'merge', '--ff-only', '-q', 'pipepilot/deploy/bc/staging');
    const direct = repo.git(repo.dir, 'rev-parse', 'HEAD').trim();
    const res = await runCli(['rollback', 'bc', '--env', 'staging'], repo.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(repo.git(repo.dir, 'log', '-1', '--format=%B', BRANCH)).toContain(`This reverts commit ${direct}.\n`);
    expect(parseManifest(showAt(repo, BRANCH, STAGING), STAGING).version).toBe(1);
  });

  it('rollback with nothing to roll back to is a clear error (exit 2, saying what to do)', async () => {
    const repo = await registeredRepo(1);
    const none = await runCli(['rollback', 'bc', '--env', 'staging'], repo.dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/error: bc has no staging manifest \(models\/bc\/deployments\/staging\.yaml\); there is nothing to roll back\nhint: Promote a version first/);
    await promoteAndMerge(repo, ['bc', '--version', '1', '--env', 'staging']);
    const one = await runCli(['rollback', 'bc', '--env', 'staging'], repo.dir);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/has only one change, the one that created it; reverting would leave staging with no valid manifest\nhint: Nothing to roll back to\./);
    for (const [args, message] of [
      [['churn', '--env', 'staging'], /unknown model 'churn'.*\n.*Registered models: bc/],
      [['bc', '--env', 'staging', '--to', 'zero'], /--to must be a version number/],
      [['bc', '--env', 'Prod'], /'Prod' is not an environment name/],
      [['bc'], /required option '--env <env>' not specified/],
    ] as [string[], RegExp][]) {
      const res = await runCli(['rollback', ...args], repo.dir);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr, args.join(' ')).toMatch(message);
      expect(looksLikeStackTrace(res.stderr)).toBe(false);
    }
    expect(repo.git(repo.dir, 'branch', '--list', 'pipepilot/rollback/*').trim()).toBe('');
  });

  it('rolling back to a version that was tampered with since is refused', async () => {
    const repo = await registeredRepo(2);
    await promoteAndMerge(repo, ['bc', '--version', '1', '--env', 'staging']);
    await promoteAndMerge(repo, ['bc', '--version', '2', '--env', 'staging']);
    writeFileSync(join(repo.dir, 'models/bc/v1/card.md'), 'rewritten\n');
    repo.git(repo.dir, 'commit', '-q', '-am', 'edit a card');
    const res = await runCli(['rollback', 'bc', '--env', 'staging'], repo.dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/cannot roll back to it: bc v1 fails verification[\s\S]*models\/bc\/v1\/card\.md: digest/);
  });
});

describe('promote and rollback leave the user where they were', () => {
  it("the user's branch and uncommitted work are untouched", async () => {
    const repo = await registeredRepo(2);
    await promoteAndMerge(repo, ['bc', '--version', '1', '--env', 'staging']);
    await promoteAndMerge(repo, ['bc', '--version', '2', '--env', 'staging']);
    repo.git(repo.dir, 'switch', '-q', '-c', 'feature');
    // Uncommitted work of every kind, including an edit to the very manifest being changed.
    writeFileSync(join(repo.dir, 'p.yaml'), 'work in progress\n');
    writeFileSync(join(repo.dir, STAGING), 'model: bc\nversion: 2\nreason: a local experiment\n');
    mkdirSync(join(repo.dir, 'notes'));
    writeFileSync(join(repo.dir, 'notes/todo.txt'), 'untracked\n');
    writeFileSync(join(repo.dir, 'data/extra.csv'), 'a,b\n1,2\n');
    repo.git(repo.dir, 'add', 'data/extra.csv');
    const before = { status: repo.git(repo.dir, 'status', '--porcelain=v2', '--branch'), stash: repo.git(repo.dir, 'stash', 'list'), head: repo.git(repo.dir, 'rev-parse', 'HEAD') };

    expect((await runCli(['promote', 'bc', '--version', '1', '--env', 'production'], repo.dir)).code).toBe(0);
    expect((await runCli(['rollback', 'bc', '--env', 'staging'], repo.dir)).code).toBe(0);
    expect((await runCli(['promote', 'bc', '--version', '9', '--env', 'staging'], repo.dir)).code).toBe(2);

    expect(repo.git(repo.dir, 'status', '--porcelain=v2', '--branch')).toBe(before.status);
    expect(repo.git(repo.dir, 'stash', 'list')).toBe(before.stash);
    expect(repo.git(repo.dir, 'rev-parse', 'HEAD')).toBe(before.head);
    expect(readFileSync(join(repo.dir, STAGING), 'utf8')).toBe('model: bc\nversion: 2\nreason: a local experiment\n');
    expect(readFileSync(join(repo.dir, 'p.yaml'), 'utf8')).toBe('work in progress\n');
    expect(repo.git(repo.dir, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    // The branches start from the commit the user stood on, not from their uncommitted files.
    expect(parseManifest(showAt(repo, BRANCH, STAGING), STAGING).reason).toBe('promote v1 to staging');
  });

  it('standing on the branch that would be rewritten is refused', async () => {
    const repo = await registeredRepo(1);
    expect((await runCli(['promote', 'bc', '--version', '1', '--env', 'staging'], repo.dir)).code).toBe(0);
    repo.git(repo.dir, 'switch', '-q', 'pipepilot/deploy/bc/staging');
    const res = await runCli(['promote', 'bc', '--version', '1', '--env', 'staging', '--reason', 'again'], repo.dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/you are on pipepilot\/deploy\/bc\/staging, the branch this command rewrites\nhint: Switch to the branch the change starts from/);
  });
});

describe('pipepilot rollback after canary → full rollout', () => {
  it('by default takes v2 out entirely (stable and canary); --undo-last brings the canary back, and each subject says what will be served', async () => {
    const repo = await registeredRepo(2);
    await promoteAndMerge(repo, ['bc', '--version', '1', '--env', 'staging']);
    await promoteAndMerge(repo, ['bc', '--version', '2', '--env', 'staging', '--canary', '10']);
    await promoteAndMerge(repo, ['bc', '--version', '2', '--env', 'staging']);

    const res = await runCli(['rollback', 'bc', '--env', 'staging'], repo.dir);
    expect(res.code, res.stderr).toBe(0);
    const served = parseManifest(showAt(repo, BRANCH, STAGING), STAGING);
    expect(served).toMatchObject({ version: 1 });
    expect(served.canary).toBeUndefined();
    expect(repo.git(repo.dir, 'log', '-1', '--format=%s', BRANCH).trim()).toBe('rollback bc staging to v1 (from v2)');

    const undo = await runCli(['rollback', 'bc', '--env', 'staging', '--undo-last'], repo.dir);
    expect(undo.code, undo.stderr).toBe(0);
    expect(parseManifest(showAt(repo, BRANCH, STAGING), STAGING)).toMatchObject({ version: 1, canary: { version: 2, weight: 10 } });
    expect(repo.git(repo.dir, 'log', '-1', '--format=%s', BRANCH).trim()).toBe('rollback bc staging to v1 + canary v2 at 10% (from v2)');

    const both = await runCli(['rollback', 'bc', '--env', 'staging', '--undo-last', '--to', '1'], repo.dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--undo-last and --to cannot be used together/);
    const ghost = await runCli(['rollback', 'bc', '--env', 'staging', '--to', '5'], repo.dir);
    expect(ghost.code).toBe(2);
    expect(ghost.stderr).toMatch(/v5 does not exist: bc has v1, v2/);
    expect(ghost.stderr).not.toMatch(/promote v5/);
  });
});
