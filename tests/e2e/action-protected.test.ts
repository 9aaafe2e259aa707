import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionRunner, pushPayload, type ActionResult } from '../helpers/action-runner.js';
import { githubStandIn, type GitHubStandIn } from '../helpers/github-stand-in.js';
import { protectMain, type MainRefusal } from '../helpers/protected-origin.js';
import { bcData, smallPipeline } from '../helpers/registry-fixtures.js';
import { tempRepo, type TempRepo } from '../helpers/temp-repo.js';

/**
 * Release on a protected default branch, end to end: the bundled action against a bare origin
 * whose pre-receive hook refuses pushes to main the way GitHub's branch protection does (GH006),
 * and the GitHub stand-in, whose merge route merges pull requests inside that origin (server-side,
 * as GitHub does, so the hook does not apply to merges). Every change reaches main by a merge.
 */
const CREATE_PULL = 'POST /repos/{owner}/{repo}/pulls';
const REGISTER_BRANCH = 'pipepilot/register/bc';
/** Each scenario runs the bundled action four or five times, each its own process: room for a loaded 2-core machine. */
const STORY_TIMEOUT_MS = 240_000;

interface Scene {
  repo: TempRepo;
  standIn: GitHubStandIn;
  refuseMain(mode: MainRefusal): void;
  tip(ref?: string): string;
}

async function protectedScene(): Promise<Scene> {
  const repo = tempRepo({ 'pipelines/bc.yaml': smallPipeline(), 'data/bc.csv': bcData });
  const refuseMain = protectMain(repo.origin);
  const standIn = await githubStandIn({ installationToken: true, origin: repo.origin });
  return {
    repo,
    standIn,
    refuseMain,
    tip: (ref = 'main') => repo.git(repo.origin, 'rev-parse', ref).trim(),
  };
}

/** A teammate's pull request changing the pipeline, merged with the merge button; returns the push's range. */
async function mergePipelineChange(s: Scene, pipeline: string): Promise<{ before: string; after: string }> {
  const { repo } = s;
  repo.git(repo.dir, 'fetch', '-q', 'origin');
  repo.git(repo.dir, 'checkout', '-q', '-B', 'change', 'origin/main');
  writeFileSync(join(repo.dir, 'pipelines/bc.yaml'), pipeline);
  repo.git(repo.dir, 'commit', '-q', '-am', 'change the pipeline');
  repo.git(repo.dir, 'push', '-q', '-f', 'origin', 'change');
  const pull = s.standIn.addPull({ head: 'change', title: 'change the pipeline', files: [{ filename: 'pipelines/bc.yaml' }] });
  return mergeRange(s, pull.number);
}

async function mergeRange(s: Scene, number: number): Promise<{ before: string; after: string }> {
  const before = s.tip();
  const merged = await s.standIn.merge(number);
  expect(merged.status, merged.message).toBe(200);
  return { before, after: merged.sha! };
}

/** The release job on that push: a fresh checkout of main at the push's commit (as actions/checkout makes), then the bundled action. */
let checkouts = 0;
async function release(s: Scene, range: { before: string; after: string }, inputs: Record<string, string> = {}): Promise<ActionResult & { dir: string }> {
  const dir = s.repo.clone(`checkout-${++checkouts}`);
  s.repo.git(dir, 'reset', '-q', '--hard', range.after);
  const runner = actionRunner({ workspace: dir, standIn: s.standIn });
  const res = await runner.run({ event: 'push', payload: pushPayload(s.standIn, range), inputs, sha: range.after, ref: 'refs/heads/main' });
  return { ...res, dir };
}

const show = (s: Scene, ref: string, path: string) => s.repo.git(s.repo.origin, 'show', `${ref}:${path}`);
const remoteBranches = (s: Scene) => s.repo.git(s.repo.origin, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/pipepilot/').trim();
const log = (res: ActionResult) => `${res.stdout}\n${res.stderr}`;

describe('release on a protected default branch', () => {
  it('push refused → a "Register bc v1" pull request; a re-run updates it; a number taken meanwhile is renumbered; its merge leads to the deployment PR', async () => {
    const s = await protectedScene();
    const change = await mergePipelineChange(s, smallPipeline({ seed: 2 }));

    // 1. The release's push is refused as protected: the version is proposed on pipepilot/register/bc.
    const first = await release(s, change);
    expect(first.code, log(first)).toBe(0);
    expect(first.stdout).toMatch(/^::notice::main is protected \(the push was refused: .*GH006/m);
    expect(s.tip()).toBe(change.after);
    const [registration] = s.standIn.pulls.filter((p) => p.head === REGISTER_BRANCH);
    expect(registration).toMatchObject({ base: 'main', state: 'open', title: 'Register bc v1', labels: ['pipepilot'] });
    expect(registration.body.split('\n')[0]).toBe('Registers **bc v1**: this pull request adds `models/bc/v1/` (metadata, model, preprocessor, card) and nothing else.');
    expect(registration.body).toContain('`main` is protected, so PipePilot proposes the version here');
    expect(registration.body).toContain('opens the deployment pull request to **staging**');
    expect(registration.body).toContain(show(s, REGISTER_BRANCH, 'models/bc/v1/card.md').trimEnd());
    // One commit on main's tip adding the version and nothing else; no [skip ci], so the PR gets its checks.
    expect(s.tip(`${REGISTER_BRANCH}^`)).toBe(change.after);
    expect(s.repo.git(s.repo.origin, 'diff', '--name-only', change.after, REGISTER_BRANCH).trim().split('\n')).toEqual([
      'models/bc/v1/card.md', 'models/bc/v1/metadata.json', 'models/bc/v1/model.json', 'models/bc/v1/preprocessor.json', 'models/bc/v1/weights.bin',
    ]);
    expect(s.repo.git(s.repo.origin, 'log', '-1', '--format=%B', REGISTER_BRANCH)).not.toContain('[skip ci]');
    expect(first.outputs['registration-pr']).toBe(`https://github.com/${s.standIn.owner}/${s.standIn.repo}/pull/${registration.number}`);
    expect(first.outputs.version).toBe('');
    expect(first.outputs['deployment-pr']).toBe('');
    expect(first.summary).toContain('| bc | v1 proposed (merge to register) |');
    expect(remoteBranches(s)).toBe(REGISTER_BRANCH);

    // 2. Re-running the release: no training, the branch untouched (reviews stay), the same pull request.
    const proposedCommit = s.tip(REGISTER_BRANCH);
    const rerun = await release(s, change);
    expect(rerun.code, log(rerun)).toBe(0);
    expect(rerun.stdout).toContain('pipepilot/register/bc already proposes this run as v1 on main\'s tip: updating its pull request, not training');
    expect(rerun.stdout).not.toMatch(/running pipelines\/bc\.yaml/);
    expect(s.tip(REGISTER_BRANCH)).toBe(proposedCommit);
    expect(s.standIn.count(CREATE_PULL)).toBe(1);
    expect(rerun.outputs['registration-pr']).toBe(first.outputs['registration-pr']);

    // 3. v1 lands on main another way first (an admin's direct registration of another run).
    s.refuseMain('open');
    s.repo.git(s.repo.dir, 'fetch', '-q', 'origin');
    s.repo.git(s.repo.dir, 'checkout', '-q', '-B', 'main', 'origin/main');
    s.repo.git(s.repo.dir, 'checkout', `origin/${REGISTER_BRANCH}`, '--', 'models/bc/v1');
    const metadataPath = join(s.repo.dir, 'models/bc/v1/metadata.json');
    const other = JSON.parse(show(s, REGISTER_BRANCH, 'models/bc/v1/metadata.json'));
    writeFileSync(metadataPath, JSON.stringify({ ...other, content_key: `sha256:${'a'.repeat(64)}` }, null, 2));
    s.repo.git(s.repo.dir, 'add', '-A');
    s.repo.git(s.repo.dir, 'commit', '-q', '-m', 'register bc v1 (by hand)');
    s.repo.git(s.repo.dir, 'push', '-q', 'origin', 'main');
    s.refuseMain('protected');
    const adminTip = s.tip();
    // That push adds a version, so it releases bc: v1 is not the pipeline's current run, and is deployed as merged.
    const adminRelease = await release(s, { before: change.after, after: adminTip });
    expect(adminRelease.code, log(adminRelease)).toBe(0);
    expect(adminRelease.stdout).toContain('pipelines/bc.yaml: releases because its registration v1 was merged');
    expect(adminRelease.stdout).toMatch(/^::warning::bc: the merged v1 is not the pipeline's current run/m);
    expect(adminRelease.outputs.version).toBe('1');
    expect(s.standIn.pulls.find((p) => p.head === 'pipepilot/deploy/bc/staging')?.title).toBe('Deploy bc v1 to staging');
    expect(s.tip()).toBe(adminTip);
    // Both add models/bc/v1/metadata.json: git refuses the merge, so v1 cannot be claimed twice.
    const conflicted = await s.standIn.merge(registration.number);
    expect(conflicted.status).toBe(405);
    expect(s.tip()).toBe(adminTip);
    expect(registration.state).toBe('open');

    // 4. The release again (a re-run of the push): rebuilt on main's new tip as v2, the same pull request.
    const renumbered = await release(s, change);
    expect(renumbered.code, log(renumbered)).toBe(0);
    expect(registration.title).toBe('Register bc v2');
    expect(s.standIn.pulls.filter((p) => p.head === REGISTER_BRANCH)).toEqual([registration]);
    expect(s.tip(`${REGISTER_BRANCH}^`)).toBe(adminTip);
    expect(JSON.parse(show(s, REGISTER_BRANCH, 'models/bc/v2/metadata.json')).version).toBe(2);
    expect(show(s, REGISTER_BRANCH, 'models/bc/v1/metadata.json')).toContain('a'.repeat(64));

    // 5. Merged: the push of the merge releases bc because its registration landed → the deployment PR.
    const merge = await mergeRange(s, registration.number);
    expect(JSON.parse(show(s, 'main', 'models/bc/v2/metadata.json')).version).toBe(2);
    const deployed = await release(s, merge);
    expect(deployed.code, log(deployed)).toBe(0);
    expect(deployed.stdout).toContain('pipelines/bc.yaml: releases because its registration v2 was merged');
    expect(deployed.stdout).toMatch(/bc: already registered as v2/);
    const deployments = s.standIn.pulls.filter((p) => p.head === 'pipepilot/deploy/bc/staging');
    expect(deployments).toHaveLength(1);
    const [deployment] = deployments;
    expect(deployment).toMatchObject({ base: 'main', state: 'open', title: 'Deploy bc v2 to staging' });
    expect(show(s, 'pipepilot/deploy/bc/staging', 'models/bc/deployments/staging.yaml')).toMatch(/^version: 2$/m);
    expect(deployed.outputs.version).toBe('2');
    expect(deployed.outputs['registration-pr']).toBe('');

    // Nothing reached main but merges (and the admin's commit): the release pushed only branches.
    expect(s.tip()).toBe(merge.after);
    expect(s.repo.git(s.repo.origin, 'log', '--first-parent', '--format=%s', 'main').trim().split('\n')).toEqual([
      `Merge pull request #${registration.number} from ${s.standIn.owner}/${REGISTER_BRANCH}`,
      'register bc v1 (by hand)',
      expect.stringMatching(/^Merge pull request #\d+ from .*\/change$/),
      'initial tree',
    ]);
   }, STORY_TIMEOUT_MS);

  it('a push refused for another reason fails clearly and leaves nothing; registration: push fails on protection; registration: pull-request always proposes', async () => {
    const s = await protectedScene();
    const change = await mergePipelineChange(s, smallPipeline({ seed: 3 }));
    const untouched = (res: ActionResult & { dir: string }) => {
      expect(s.tip()).toBe(change.after);
      expect(remoteBranches(s)).toBe('');
      expect(s.standIn.pulls.filter((p) => p.head.startsWith('pipepilot/'))).toHaveLength(0);
      // The runner's checkout is as it was: the version's commit was taken back off main.
      const { dir } = res;
      expect(s.repo.git(dir, 'rev-parse', 'HEAD').trim()).toBe(change.after);
      expect(s.repo.git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    };

    s.refuseMain('other');
    const other = await release(s, change);
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(/^::error title=git failed,file=pipelines\/bc\.yaml::git push .* failed: .*refused by hook check-signoff: every commit needs a Signed-off-by line/m);
    expect(other.stdout).toContain('origin refused the push for a reason other than a lost race or branch protection');
    expect(other.stdout).toContain('Nothing was registered: the v1 commit was taken back off main.');
    expect(other.stdout).not.toMatch(/proposing/);
    untouched(other);

    s.refuseMain('protected');
    const strict = await release(s, change, { registration: 'push' });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/GH006: Protected branch update failed/);
    expect(strict.stdout).toContain('origin/main is protected: changes must come through a pull request.');
    expect(strict.stdout).toContain('use registration: auto or pull-request');
    untouched(strict);

    // Unprotected, but the team wants every registration reviewed: proposed, never pushed.
    s.refuseMain('open');
    const reviewed = await release(s, change, { registration: 'pull-request' });
    expect(reviewed.code, log(reviewed)).toBe(0);
    expect(s.tip()).toBe(change.after);
    const [pull] = s.standIn.pulls.filter((p) => p.head === REGISTER_BRANCH);
    expect(pull.title).toBe('Register bc v1');
    expect(pull.body).toContain('registers through pull requests (`registration: pull-request`)');
    expect(reviewed.stdout).not.toMatch(/GH006|is protected/);
   }, STORY_TIMEOUT_MS);
});
