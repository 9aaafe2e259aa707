import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli.js';
import { bcData, smallPipeline } from './registry-fixtures.js';
import { templateRepo, type TempRepo } from './temp-repo.js';

/**
 * A repository with `versions` tiny versions of model `bc` registered and committed on main; a
 * fresh copy each time of one trained once per test process (see templateRepo).
 */
export function registeredRepo(versions: number): Promise<TempRepo> {
  return templateRepo(`registered-${versions}`, { 'p.yaml': smallPipeline(), 'data/bc.csv': bcData }, async (repo) => {
    for (let seed = 1; seed <= versions; seed++) {
      writeFileSync(join(repo.dir, 'p.yaml'), smallPipeline({ seed }));
      const res = await runCli(['register', 'p.yaml', '-q'], repo.dir);
      expect(res.code, res.stderr).toBe(0);
    }
  });
}

/** What merging the deployment pull request does: a merge commit of the branch into the current branch. */
export function mergePullRequest(repo: TempRepo, branch: string): string {
  repo.git(repo.dir, 'merge', '--no-ff', '-q', '-m', `Merge pull request: ${branch}`, branch);
  return repo.git(repo.dir, 'rev-parse', 'HEAD').trim();
}

/** Runs a promote that must succeed, then merges its branch; returns the merge commit. */
export async function promoteAndMerge(repo: TempRepo, args: string[]): Promise<string> {
  const res = await runCli(['promote', ...args], repo.dir);
  expect(res.code, res.stderr).toBe(0);
  const branch = /branch (\S+)/.exec(res.stdout)?.[1];
  expect(branch, res.stdout).toBeDefined();
  return mergePullRequest(repo, branch!);
}

export function showAt(repo: TempRepo, ref: string, path: string): string {
  return repo.git(repo.dir, 'show', `${ref}:${path}`);
}
