import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/registry/manifest.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { mergePullRequest, promoteAndMerge, registeredRepo, showAt } from '../helpers/deployment-fixtures.js';

const STAGING = 'models/bc/deployments/staging.yaml';
const PRODUCTION = 'models/bc/deployments/production.yaml';

describe('pipepilot promote', () => {
  it('promote v1 to staging then production: one commit on each deploy branch, the user stays on main', async () => {
    const repo = await registeredRepo(1);
    const main = repo.git(repo.dir, 'rev-parse', 'HEAD').trim();
    const res = await runCli(['promote', 'bc', '--version', '1', '--env', 'staging'], repo.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^created branch pipepilot\/deploy\/bc\/staging \(commit [0-9a-f]{12}\): staging will serve bc v1$/m);
    expect(repo.git(repo.dir, 'rev-parse', 'pipepilot/deploy/bc/staging^').trim()).toBe(main);
    expect(repo.git(repo.dir, 'diff', '--name-only', 'main', 'pipepilot/deploy/bc/staging').trim()).toBe(STAGING);
    expect(parseManifest(showAt(repo, 'pipepilot/deploy/bc/staging', STAGING), STAGING)).toEqual({ model: 'bc', version: 1, reason: 'promote v1 to staging' });
    expect(repo.git(repo.dir, 'log', '-1', '--format=%B', 'pipepilot/deploy/bc/staging')).toMatch(/^promote bc v1 to staging\n\nstaging was: nothing \(first deployment\)[\s\S]*PipePilot-Environment: staging/);
    expect(repo.git(repo.dir, 'branch', '--show-current').trim()).toBe('main');
    expect(repo.git(repo.dir, 'rev-parse', 'HEAD').trim()).toBe(main);

    mergePullRequest(repo, 'pipepilot/deploy/bc/staging');
    const prod = await runCli(['promote', 'bc', '--version', '1', '--env', 'production', '--reason', 'weekly release'], repo.dir);
    expect(prod.code, prod.stderr).toBe(0);
    expect(parseManifest(showAt(repo, 'pipepilot/deploy/bc/production', PRODUCTION), PRODUCTION)).toEqual({ model: 'bc', version: 1, reason: 'weekly release' });

    // Rerunning the same promotion: the branch already holds exactly that change.
    const tip = repo.git(repo.dir, 'rev-parse', 'pipepilot/deploy/bc/production').trim();
    const again = await runCli(['promote', 'bc', '--version', '1', '--env', 'production', '--reason', 'weekly release'], repo.dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already holds this change/);
    expect(repo.git(repo.dir, 'rev-parse', 'pipepilot/deploy/bc/production').trim()).toBe(tip);
    // main moved on: the branch is rebuilt from the new HEAD (updated), still one commit.
    repo.git(repo.dir, 'commit', '-q', '--allow-empty', '-m', 'unrelated work');
    const rebuilt = await runCli(['promote', 'bc', '--version', '1', '--env', 'production', '--reason', 'weekly release'], repo.dir);
    expect(rebuilt.stdout).toMatch(/^updated branch pipepilot\/deploy\/bc\/production/);
    expect(repo.git(repo.dir, 'rev-parse', 'pipepilot/deploy/bc/production^').trim()).toBe(repo.git(repo.dir, 'rev-parse', 'HEAD').trim());
  });

  it('promote to production before staging is refused; --force --reason records why', async () => {
    const repo = await registeredRepo(1);
    const refused = await runCli(['promote', 'bc', '--version', '1', '--env', 'production'], repo.dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/error: bc v1 has never been in staging; production comes after staging\nhint: Promote it to staging first \(pipepilot promote bc --version 1 --env staging\)/);
    expect(repo.git(repo.dir, 'branch', '--list', 'pipepilot/*').trim()).toBe('');
    const noReason = await runCli(['promote', 'bc', '--version', '1', '--env', 'production', '--force'], repo.dir);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/--force needs --reason/);

    const forced = await runCli(['promote', 'bc', '--version', '1', '--env', 'production', '--force', '--reason', 'INC-42: staging is down, approved by on-call'], repo.dir);
    expect(forced.code, forced.stderr).toBe(0);
    const manifest = parseManifest(showAt(repo, 'pipepilot/deploy/bc/production', PRODUCTION), PRODUCTION);
    expect(manifest.reason).toBe('forced past staging (v1 was never there): INC-42: staging is down, approved by on-call');
    expect(repo.git(repo.dir, 'log', '-1', '--format=%B', 'pipepilot/deploy/bc/production')).toMatch(/forced with --force: the version was never in staging/);
  });

  it('promoting the deployed version is a no-op: exit 0, a message, no branch written', async () => {
    const repo = await registeredRepo(1);
    await promoteAndMerge(repo, ['bc', '--version', '1', '--env', 'staging']);
    repo.git(repo.dir, 'branch', '-D', 'pipepilot/deploy/bc/staging');
    const res = await runCli(['promote', 'bc', '--version', '1', '--env', 'staging'], repo.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe('bc v1 is already deployed to staging; nothing to do\n');
    expect(repo.git(repo.dir, 'branch', '--list', 'pipepilot/*').trim()).toBe('');
  });

  it('canary 10% then full promote: the canary sits beside v1, then v2 takes over and the canary is dropped', async () => {
    const repo = await registeredRepo(2);
    await promoteAndMerge(repo, ['bc', '--version', '1', '--env', 'staging']);
    await promoteAndMerge(repo, ['bc', '--version', '1', '--env', 'production']);
    await promoteAndMerge(repo, ['bc', '--version', '2', '--env', 'staging']);
    const canary = await runCli(['promote', 'bc', '--version', '2', '--env', 'production', '--canary', '10'], repo.dir);
    expect(canary.code, canary.stderr).toBe(0);
    expect(canary.stdout).toMatch(/production will serve bc v1 with canary v2 at 10%/);
    expect(parseManifest(showAt(repo, 'pipepilot/deploy/bc/production', PRODUCTION), PRODUCTION)).toEqual({
      model: 'bc',
      version: 1,
      canary: { version: 2, weight: 10 },
      reason: 'canary v2 at 10% in production',
    });
    mergePullRequest(repo, 'pipepilot/deploy/bc/production');
    expect((await runCli(['promote', 'bc', '--version', '2', '--env', 'production', '--canary', '10'], repo.dir)).stdout).toMatch(/already the 10% canary/);
    await promoteAndMerge(repo, ['bc', '--version', '2', '--env', 'production']);
    expect(parseManifest(showAt(repo, 'HEAD', PRODUCTION), PRODUCTION)).toEqual({ model: 'bc', version: 2, reason: 'promote v2 to production' });
    expect((await runCli(['verify'], repo.dir)).code).toBe(0);
  });

  it('bad canary weights, versions and names are bad input (exit 2), never a stack trace', async () => {
    const repo = await registeredRepo(1);
    await promoteAndMerge(repo, ['bc', '--version', '1', '--env', 'staging']);
    const cases: [string[], RegExp][] = [
      [['bc', '--version', '1', '--env', 'staging', '--canary', '0'], /--canary must be a percent from 1 to 99, e.g. --canary 10, got '0'/],
      [['bc', '--version', '1', '--env', 'staging', '--canary', '100'], /canary weight must be an integer percent from 1 to 99, got 100/],
      [['bc', '--version', '1', '--env', 'staging', '--canary', '10%'], /--canary must be a percent/],
      [['bc', '--version', '1', '--env', 'staging', '--canary', '10'], /v1 already takes all of staging's traffic/],
      [['bc', '--version', '1', '--env', 'production', '--canary', '10'], /bc has no version in production to run a canary beside/],
      [['bc', '--version', '7', '--env', 'staging'], /bc has no version 7 committed \(no models\/bc\/v7\/\)\nhint: Committed versions: v1\./],
      [['bc', '--version', 'v1', '--env', 'staging'], /--version must be a registered version number, e.g. --version 3, got 'v1'/],
      [['bc', '--version', '1', '--env', 'prod'], /'prod' is not an environment of bc\nhint: Its pipeline's deploy.environments are: staging, production/],
      [['bc', '--version', '1', '--env', '../x'], /'\.\.\/x' is not an environment name/],
      [['churn', '--version', '1', '--env', 'staging'], /unknown model 'churn'.*\n.*Registered models: bc/],
      [['bc', '--version', '1', '--env', 'staging', '--branch', '-d'], /'-d' is not a branch name/],
      [['bc', '--env', 'staging'], /required option '--version <n>' not specified/],
    ];
    for (const [args, message] of cases) {
      const res = await runCli(['promote', ...args], repo.dir);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr, args.join(' ')).toMatch(message);
      expect(looksLikeStackTrace(res.stderr)).toBe(false);
    }
  });

  it('promote a tampered version is refused (exit 2, naming the file); --force does not help', async () => {
    const repo = await registeredRepo(1);
    appendFileSync(join(repo.dir, 'models/bc/v1/weights.bin'), new Uint8Array([0]));
    repo.git(repo.dir, 'commit', '-q', '-am', 'an innocent-looking edit');
    for (const extra of [[], ['--force', '--reason', 'trust me']]) {
      const res = await runCli(['promote', 'bc', '--version', '1', '--env', 'staging', ...extra], repo.dir);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/error: bc v1 fails verification, refusing to deploy it:\n {2}models\/bc\/v1\/weights\.bin: digest sha256:[0-9a-f]{64} does not match metadata\.json/);
    }
    expect(repo.git(repo.dir, 'branch', '--list', 'pipepilot/*').trim()).toBe('');
  });

  it('the environments come from the pipeline that trained the version (deploy.environments)', async () => {
    const repo = await registeredRepo(1);
    const pipeline = repo.git(repo.dir, 'show', 'HEAD:p.yaml') + 'deploy: {environments: [dev, staging, production]}\n';
    writeFileSync(join(repo.dir, 'p.yaml'), pipeline);
    repo.git(repo.dir, 'commit', '-q', '-am', 'add a dev environment');
    const skipped = await runCli(['promote', 'bc', '--version', '1', '--env', 'staging'], repo.dir);
    expect(skipped.code).toBe(2);
    expect(skipped.stderr).toMatch(/bc v1 has never been in dev; staging comes after dev/);
    expect((await runCli(['promote', 'bc', '--version', '1', '--env', 'dev'], repo.dir)).code).toBe(0);
  });
});
