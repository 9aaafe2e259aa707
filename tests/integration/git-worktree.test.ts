import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitError } from '../../src/errors.js';
import { createGit } from '../../src/git/simple-git-client.js';
import { tempRepo } from '../helpers/temp-repo.js';

describe('git: changes made in a temporary work tree, reverts and branch moves', () => {
  it('a commit made in a temporary work tree reaches a branch; the user\'s tree, index and branch are untouched, also when fn throws', async () => {
    const repo = tempRepo({ 'a.txt': 'one\n' });
    const git = await createGit(repo.dir);
    writeFileSync(join(repo.dir, 'a.txt'), 'uncommitted\n');
    const head = (await git.status()).head!;
    const commit = await git.withWorktree(head, async (wt) => {
      expect(wt.root).not.toBe(git.root);
      return wt.commitFileText('dir/b.txt', 'two\n', 'add b');
    });
    await git.setBranch('feature/x', commit);
    expect(await git.tryResolveCommit('refs/heads/feature/x')).toBe(commit);
    expect(await git.tryShowFile('feature/x', 'dir/b.txt')).toBe('two\n');
    expect(await git.status()).toEqual({ head, branch: 'main', dirty: true });
    expect(readFileSync(join(repo.dir, 'a.txt'), 'utf8')).toBe('uncommitted\n');
    await expect(git.withWorktree(head, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(repo.git(repo.dir, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    await expect(git.withWorktree('no-such-ref', async () => 1)).rejects.toBeInstanceOf(GitError);
  });

  it('reverts a merge relative to its first parent, several commits as one, and aborts a conflict', async () => {
    const repo = tempRepo({ 'f.txt': '1\n' });
    const git = await createGit(repo.dir);
    const sh = (...args: string[]) => repo.git(repo.dir, ...args).trim();
    sh('switch', '-q', '-c', 'side');
    writeFileSync(join(repo.dir, 'f.txt'), '2\n');
    sh('commit', '-q', '-am', 'two');
    sh('switch', '-q', 'main');
    sh('merge', '--no-ff', '-q', '-m', 'merge side', 'side');
    const merge = sh('rev-parse', 'HEAD');
    writeFileSync(join(repo.dir, 'f.txt'), '3\n');
    sh('commit', '-q', '-am', 'three');
    const three = sh('rev-parse', 'HEAD');
    const reverted = await git.withWorktree(three, (wt) => wt.revert([{ commit: three }, { commit: merge, mainline: 1 }], 'back to one'));
    expect(await git.tryShowFile(reverted, 'f.txt')).toBe('1\n');
    expect(sh('log', '-1', '--format=%s%n%P', reverted)).toBe(`back to one\n${three}`);
    // Reverting the merge alone conflicts with the later change to the same line: nothing is committed.
    await expect(git.withWorktree(three, async (wt) => {
      await expect(wt.revert([{ commit: merge, mainline: 1 }], 'conflict')).rejects.toBeInstanceOf(GitError);
      return wt.status();
    })).resolves.toEqual({ head: three, branch: undefined, dirty: false });
  });

  it('setBranch refuses bad names and a branch checked out in the user\'s work tree', async () => {
    const repo = tempRepo({ 'a.txt': 'one\n' });
    const git = await createGit(repo.dir);
    const head = (await git.status()).head!;
    for (const bad of ['-d', 'a..b', 'x.lock', '']) await expect(git.setBranch(bad, head)).rejects.toBeInstanceOf(GitError);
    await expect(git.setBranch('main', head)).rejects.toThrow(/main/);
    expect(await git.tryResolveCommit('refs/heads/-d')).toBeUndefined();
  });
});
