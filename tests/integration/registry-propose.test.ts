import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFiles } from '../../src/cli/node-files.js';
import { GitError, UsageError } from '../../src/errors.js';
import { createGit } from '../../src/git/simple-git-client.js';
import { loadRunBundle, type LoadedRun } from '../../src/use-cases/load-run-bundle.js';
import { findProposed, proposeRegistration } from '../../src/use-cases/propose-registration.js';
import { registerVersion } from '../../src/use-cases/register-version.js';
import { runCli } from '../helpers/cli.js';
import { bcData, smallPipeline } from '../helpers/registry-fixtures.js';
import { projectRoot } from '../helpers/temp-project.js';
import { tempRepo, type TempRepo } from '../helpers/temp-repo.js';

/**
 * Registration on a protected branch, at the use case: `proposeRegistration` against a real bare
 * origin whose pre-receive hook refuses pushes to main (as GitHub's GH006 does), and the git
 * client's reading of that refusal. One run bundle, trained once for the file.
 */
const BRANCH = 'pipepilot/register/bc';
const tree = () => ({ 'pipelines/bc.yaml': smallPipeline(), 'data/bc.csv': bcData });
const HOOK = (message: string) => `#!/bin/sh\nwhile read old new ref; do\n  if [ "$ref" = refs/heads/main ]; then echo "${message}" >&2; exit 1; fi\ndone\n`;

let runDir = '';
let scratch = '';
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'pipepilot-propose-'));
  const project = join(scratch, 'project');
  execFileSync('git', ['init', '-q', '-b', 'main', project]);
  mkdirSync(join(project, 'pipelines'));
  mkdirSync(join(project, 'data'));
  writeFileSync(join(project, 'pipelines/bc.yaml'), smallPipeline());
  copyFileSync(join(projectRoot, bcData.copy), join(project, 'data/bc.csv'));
  runDir = join(scratch, 'run');
  const res = await runCli(['run', 'pipelines/bc.yaml', '--out', runDir, '-q'], project);
  expect(res.code, res.stderr).toBe(0);
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function protectedRepo(message = 'error: GH006: Protected branch update failed for refs/heads/main.'): Promise<{ repo: TempRepo; run: LoadedRun; propose: () => ReturnType<typeof proposeRegistration>; log: string[] }> {
  const repo = tempRepo(tree());
  writeFileSync(join(repo.origin, 'hooks', 'pre-receive'), HOOK(message), { mode: 0o755 });
  const run = await loadRunBundle(nodeFiles(repo.dir), runDir);
  const log: string[] = [];
  const deps = { git: await createGit(repo.dir), files: nodeFiles(repo.dir), log: { info: (m: string) => void log.push(m), warn: (m: string) => void log.push(m) }, clock: { now: () => Date.UTC(2026, 0, 1) }, sleep: async () => {} };
  const propose = () => proposeRegistration(deps, { run, pipelinePath: 'pipelines/bc.yaml', remote: 'origin', base: 'main', branch: BRANCH });
  return { repo, run, propose, log };
}

describe('a push to a protected branch', () => {
  it('is a GitError "protected" carrying the remote\'s reason; another hook\'s refusal is "other"; either way the local commit is taken back', async () => {
    for (const [message, reason] of [['error: GH006: Protected branch update failed for refs/heads/main.', 'protected'], ['error: GH013: Repository rule violations found for refs/heads/main.', 'protected'], ['error: commits must be signed off', 'other']] as const) {
      const { repo, run } = await protectedRepo(message);
      const before = repo.git(repo.dir, 'rev-parse', 'HEAD').trim();
      const git = await createGit(repo.dir);
      const err = await registerVersion(
        { git, files: nodeFiles(repo.dir), log: { info: () => {}, warn: () => {} }, clock: { now: () => 0 }, sleep: async () => {} },
        { run, pipelinePath: 'pipelines/bc.yaml', push: { remote: 'origin' } },
      ).catch((e: unknown) => e);
      expect(err, message).toBeInstanceOf(GitError);
      expect((err as GitError).reason, message).toBe(reason);
      expect((err as GitError).message).toContain(`remote: ${message}`);
      expect((err as GitError).hint).toContain('Nothing was registered: the v1 commit was taken back off main.');
      expect(repo.git(repo.dir, 'rev-parse', 'HEAD').trim()).toBe(before);
      expect(repo.git(repo.dir, 'status', '--porcelain', '--untracked-files=all').trim()).toBe('');
      expect(repo.git(repo.origin, 'rev-parse', 'main').trim()).toBe(before);
    }
  });
});

describe('proposeRegistration', () => {
  it('puts v1 on the registration branch, one commit on origin/main, and leaves main and the work tree as they were', async () => {
    const { repo, propose } = await protectedRepo();
    const main = repo.git(repo.dir, 'rev-parse', 'HEAD').trim();
    const result = await propose();
    expect(result).toMatchObject({ action: 'proposed', model: 'bc', version: 1, branch: BRANCH });
    const commit = (result as { commit: string }).commit;
    expect(repo.git(repo.dir, 'rev-parse', BRANCH).trim()).toBe(commit);
    expect(repo.git(repo.dir, 'rev-parse', `${BRANCH}^`).trim()).toBe(main);
    expect(repo.git(repo.dir, 'rev-parse', 'HEAD').trim()).toBe(main);
    expect(repo.git(repo.dir, 'symbolic-ref', '--short', 'HEAD').trim()).toBe('main');
    expect(repo.git(repo.dir, 'status', '--porcelain', '--untracked-files=all').trim()).toBe('');
    expect(repo.git(repo.dir, 'ls-tree', '-r', '--name-only', BRANCH, 'models/').trim().split('\n')).toHaveLength(5);
  });

  it('the branch on origin holding this run on main\'s tip is "unchanged"; stale (main moved, or a commit added by hand) it is rebuilt', async () => {
    const { repo, propose, run } = await protectedRepo();
    const first = await propose();
    const git = await createGit(repo.dir);
    // Not pushed yet: origin has no proposal, so it is proposed again (the caller pushes it).
    expect((await propose()).action).toBe('proposed');
    await git.pushBranchWithLease('origin', BRANCH);
    const pushed = repo.git(repo.dir, 'rev-parse', BRANCH).trim();
    expect(first.action).toBe('proposed');
    const again = await propose();
    expect(again).toMatchObject({ action: 'unchanged', version: 1, commit: pushed });
    expect(await findProposed(git, { model: 'bc', contentKey: 'sha256:other', remote: 'origin', base: 'main', branch: BRANCH })).toBeUndefined();
    expect(await findProposed(git, { model: 'bc', contentKey: run.metrics.content_key, remote: 'origin', base: 'main', branch: BRANCH })).toMatchObject({ version: 1, commit: pushed });

    // Someone pushes a second commit to the branch: no longer one commit on main's tip → rebuilt.
    const other = repo.clone('other');
    repo.git(other, 'checkout', '-q', BRANCH);
    writeFileSync(join(other, 'note.txt'), 'by hand\n');
    repo.git(other, 'add', '-A');
    repo.git(other, 'commit', '-q', '-m', 'by hand');
    repo.git(other, 'push', '-q', 'origin', BRANCH);
    const rebuilt = await propose();
    expect(rebuilt).toMatchObject({ action: 'proposed', version: 1 });
    expect(repo.git(repo.dir, 'rev-parse', `${BRANCH}^`).trim()).toBe(repo.git(repo.origin, 'rev-parse', 'main').trim());
  });

  it('once main holds the run (the pull request merged) it is "registered"; a version taken on main meanwhile makes the next proposal v2', async () => {
    const { repo, propose } = await protectedRepo();
    const first = await propose();
    expect(first).toMatchObject({ action: 'proposed', version: 1 });
    // Merge server-side (update-ref: the hook guards pushes, not GitHub's merge button).
    const commit = (first as { commit: string }).commit;
    repo.git(repo.dir, 'push', '-q', 'origin', `${BRANCH}:refs/heads/${BRANCH}`);
    repo.git(repo.origin, 'update-ref', 'refs/heads/main', commit);
    expect(await propose()).toMatchObject({ action: 'registered', version: 1 });
    expect(repo.git(repo.dir, 'rev-parse', 'HEAD').trim()).toBe(commit);

    // v1 is taken: another run (another content key) is proposed as v2, on main's new tip.
    const next = await proposeWith(repo, (run) => ({ ...run.metrics, content_key: `sha256:${'b'.repeat(64)}` }));
    expect(next).toMatchObject({ action: 'proposed', version: 2 });
    expect(repo.git(repo.dir, 'rev-parse', `${BRANCH}^`).trim()).toBe(commit);
  });

  it('refuses a checkout with commits that are not on origin/main, and a detached HEAD; a branch it cannot set leaves main as it was', async () => {
    const { repo, propose } = await protectedRepo();
    const main = repo.git(repo.dir, 'rev-parse', 'HEAD').trim();
    // The registration branch checked out in another work tree: git refuses to move it.
    repo.git(repo.dir, 'branch', BRANCH);
    repo.git(repo.dir, 'worktree', 'add', '-q', join(repo.dir, '..', 'busy'), BRANCH);
    await expect(propose()).rejects.toBeInstanceOf(GitError);
    expect(repo.git(repo.dir, 'rev-parse', 'HEAD').trim()).toBe(main);
    expect(repo.git(repo.dir, 'status', '--porcelain', '--untracked-files=all').trim()).toBe('');
    repo.git(repo.dir, 'worktree', 'remove', '--force', join(repo.dir, '..', 'busy'));

    writeFileSync(join(repo.dir, 'local.txt'), 'x\n');
    repo.git(repo.dir, 'add', '-A');
    repo.git(repo.dir, 'commit', '-q', '-m', 'local');
    await expect(propose()).rejects.toThrow(/main has commits that are not on origin\/main/);
    repo.git(repo.dir, 'checkout', '-q', '--detach');
    await expect(propose()).rejects.toBeInstanceOf(UsageError);
  });
});

/** Proposes, in `repo`'s checkout, the run with its metrics replaced (e.g. another run's content key). */
async function proposeWith(repo: TempRepo, metrics: (run: LoadedRun) => LoadedRun['metrics']) {
  const run = await loadRunBundle(nodeFiles(repo.dir), runDir);
  return proposeRegistration(
    { git: await createGit(repo.dir), files: nodeFiles(repo.dir), log: { info: () => {}, warn: () => {} }, clock: { now: () => 0 }, sleep: async () => {} },
    { run: { ...run, metrics: metrics(run) }, pipelinePath: 'pipelines/bc.yaml', remote: 'origin', base: 'main', branch: BRANCH },
  );
}
