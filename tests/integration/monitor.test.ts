import { describe, expect, it } from 'vitest';
import { runCli, looksLikeStackTrace } from '../helpers/cli.js';
import { mergePullRequest } from '../helpers/deployment-fixtures.js';
import { canaryRepo, loadAndLabel, webhookReceiver } from '../helpers/monitor-fixtures.js';
import { startServer, type RunningServer } from '../helpers/serve-fixtures.js';
import { tempRepo, type TempRepo } from '../helpers/temp-repo.js';

function refs(repo: TempRepo): string {
  return repo.git(repo.dir, 'for-each-ref', '--format=%(refname) %(objectname)');
}

/** What merging the monitor's pull request does: merge its branch into main and push. */
async function merge(repo: TempRepo, branch: string, server: RunningServer): Promise<void> {
  mergePullRequest(repo, branch);
  repo.git(repo.dir, 'push', '-q', 'origin', 'main');
  await server.app.refresh();
}

describe('pipepilot monitor: the control loop over a real server and a real git origin', () => {
  it('walks a healthy canary 10 → 50 → 100 in successive passes, then holds and writes nothing again', async () => {
    const repo = await canaryRepo();
    const server = await startServer(repo);
    const monitor = (...extra: string[]) => runCli(['monitor', '--server', server.url, ...extra], repo.dir);

    const early = await monitor('--json');
    expect(early.code, early.stderr).toBe(0);
    expect(JSON.parse(early.stdout).outcomes[0].decision).toMatchObject({ action: 'hold' });
    expect(JSON.parse(early.stdout).outcomes[0].decision.reasons[0]).toMatch(/more before it is judged/);

    await loadAndLabel(server, repo, 400);
    const before = refs(repo);
    const dry = await monitor('--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/advance canary v2 to 50%/);
    expect(dry.stdout).toMatch(/dry run: nothing written/);
    expect(refs(repo)).toBe(before);

    const first = await monitor();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/advance canary v2 to 50%/);
    expect(first.stdout).toMatch(/\| live accuracy \|/);
    expect(repo.git(repo.dir, 'show', 'pipepilot/deploy/bc/production:models/bc/deployments/production.yaml')).toMatch(/canary:\n {2}version: 2\n {2}weight: 50/);
    const again = await monitor();
    expect(again.stdout).toMatch(/already holds this decision; nothing new written/);
    await merge(repo, 'pipepilot/deploy/bc/production', server);

    const second = await monitor();
    expect(second.stdout, second.stderr).toMatch(/complete the rollout: v2 takes all traffic/);
    const complete = repo.git(repo.dir, 'show', 'pipepilot/deploy/bc/production:models/bc/deployments/production.yaml');
    expect(complete).toMatch(/^version: 2$/m);
    expect(complete).not.toMatch(/^canary:/m);
    await merge(repo, 'pipepilot/deploy/bc/production', server);

    const settled = refs(repo);
    for (let pass = 0; pass < 2; pass++) {
      const idle = await monitor('--json');
      expect(idle.code).toBe(0);
      expect(JSON.parse(idle.stdout).outcomes[0].decision.reasons[0]).toMatch(/no canary in the manifest/);
    }
    expect(refs(repo)).toBe(settled);
  });

  it('rolls back a canary whose live accuracy is worse, with the evidence and a webhook; a server that does not answer writes nothing', async () => {
    const repo = await canaryRepo();
    const server = await startServer(repo);
    const hook = await webhookReceiver();
    await loadAndLabel(server, repo, 400, (version) => version === 2);

    const unreachable = await runCli(['monitor', '--server', server.url, '--server', 'http://127.0.0.1:9'], repo.dir, { TEST_ALERT_HOOK: hook.url });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/server http:\/\/127\.0\.0\.1:9 did not answer/);
    expect(looksLikeStackTrace(unreachable.stderr)).toBe(false);
    expect(repo.git(repo.dir, 'branch', '--list', 'pipepilot/*')).toBe('');
    expect(hook.bodies).toHaveLength(0);

    const pass = await runCli(['monitor', '--server', server.url], repo.dir, { TEST_ALERT_HOOK: hook.url });
    expect(pass.code, pass.stderr).toBe(0);
    expect(pass.stdout, pass.stderr).toMatch(/roll back canary v2/);
    expect(pass.stdout).toMatch(/created branch pipepilot\/rollback\/bc\/production/);
    expect(pass.stdout).toMatch(/live accuracy is worse than stable's by more than 0.25/);
    expect(pass.stdout).toMatch(/\| live accuracy \| [0-9.]+ \(\d+ labels\) \| [0-9.]+ \(\d+ labels\) \| drop ≤ 0.25 at 0.9/);
    expect(repo.git(repo.dir, 'show', 'pipepilot/rollback/bc/production:models/bc/deployments/production.yaml')).not.toMatch(/canary/);
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0]).toMatchObject({ model: 'bc', env: 'production', action: 'rollback' });
    expect(hook.bodies[0].text).toMatch(/PipePilot bc \(production\): roll back canary v2/);
    expect(pass.stdout + pass.stderr).not.toContain(hook.url);

    const before = refs(repo);
    const same = await runCli(['monitor', '--server', server.url], repo.dir, { TEST_ALERT_HOOK: hook.url });
    expect(same.stdout).toMatch(/already holds this decision; nothing new written/);
    expect(refs(repo)).toBe(before);
    expect(hook.bodies).toHaveLength(1);
  });

  it('bad input: no server, a non-URL, an unknown model, a bad timeout — exit 2 and a message, never a stack', async () => {
    const repo = tempRepo({ 'README.md': 'x\n' });
    for (const args of [[], ['--server', 'not a url'], ['--server', 'ftp://x'], ['--server', 'http://127.0.0.1:9', '--timeout-seconds', 'soon']]) {
      const res = await runCli(['monitor', ...args], repo.dir);
      expect(res.code, args.join(' ')).toBe(2);
      expect(looksLikeStackTrace(res.stderr)).toBe(false);
    }
    const unknown = await runCli(['monitor', '--server', 'http://127.0.0.1:9', '--model', 'nope'], repo.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/model 'nope' has no manifest for production/);
  });
});
