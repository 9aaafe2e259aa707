import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitError } from '../../src/errors.js';
import { createGit } from '../../src/git/simple-git-client.js';
import { tempRepo } from '../helpers/temp-repo.js';

/** The two git operations the action added: a push's changed paths, and a deploy branch published with a lease. */
describe('git for the action', () => {
  it('changedPaths lists what two commits differ in', async () => {
    const repo = tempRepo({ 'a.txt': 'a\n', 'pipelines/p.yaml': 'x\n' });
    const before = repo.git(repo.dir, 'rev-parse', 'HEAD').trim();
    writeFileSync(join(repo.dir, 'pipelines/p.yaml'), 'y\n');
    writeFileSync(join(repo.dir, 'b.txt'), 'b\n');
    repo.git(repo.dir, 'add', '-A');
    repo.git(repo.dir, 'commit', '-q', '-m', 'change');
    const git = await createGit(repo.dir);
    expect(await git.changedPaths(before, 'HEAD')).toEqual(['b.txt', 'pipelines/p.yaml']);
    expect(await git.changedPaths('HEAD', 'HEAD')).toEqual([]);
  });

  it('a deploy branch is created, then replaced after a fetch; a push someone made since our fetch is refused, not lost', async () => {
    const repo = tempRepo({ 'a.txt': 'a\n' });
    const git = await createGit(repo.dir, { identity: { name: 'github-actions[bot]', email: 'bot@example.invalid' } });
    const commitOnBranch = async (text: string) => {
      const commit = await git.withWorktree('main', (wt) => wt.commitFileText('m.yaml', text, `deploy ${text}`));
      await git.setBranch('pipepilot/deploy/m/staging', commit);
      return commit;
    };
    const first = await commitOnBranch('v1');
    await git.pushBranchWithLease('origin', 'pipepilot/deploy/m/staging');
    expect(repo.git(repo.origin, 'rev-parse', 'pipepilot/deploy/m/staging').trim()).toBe(first);
    expect(repo.git(repo.origin, 'log', '-1', '--format=%an|%cn', first).trim()).toBe('github-actions[bot]|github-actions[bot]');

    // Rebuilt from main (a different commit): replaced, since the remote is where we last saw it.
    const second = await commitOnBranch('v2');
    await git.fetch('origin', 'pipepilot/deploy/m/staging');
    await git.pushBranchWithLease('origin', 'pipepilot/deploy/m/staging');
    expect(repo.git(repo.origin, 'rev-parse', 'pipepilot/deploy/m/staging').trim()).toBe(second);

    // Someone else pushes to the branch; our next push, without a fetch, must not overwrite it.
    const other = repo.clone('other');
    repo.git(other, 'checkout', '-q', 'pipepilot/deploy/m/staging');
    writeFileSync(join(other, 'note.txt'), 'by hand\n');
    repo.git(other, 'add', '-A');
    repo.git(other, 'commit', '-q', '-m', 'by hand');
    repo.git(other, 'push', '-q', 'origin', 'pipepilot/deploy/m/staging');
    const theirs = repo.git(other, 'rev-parse', 'HEAD').trim();
    await commitOnBranch('v3');
    const refused = await git.pushBranchWithLease('origin', 'pipepilot/deploy/m/staging').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(GitError);
    expect((refused as GitError).reason).toBe('non-fast-forward');
    expect(repo.git(repo.origin, 'rev-parse', 'pipepilot/deploy/m/staging').trim()).toBe(theirs);
  });

  it('a branch name that could be an option never reaches git push', async () => {
    const repo = tempRepo({ 'a.txt': 'a\n' });
    const git = await createGit(repo.dir);
    await expect(git.pushBranchWithLease('origin', '--delete')).rejects.toBeInstanceOf(GitError);
  });
});
