import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREATE_PULL, expectOk, releaseScene, releaseSummary, type Scene } from '../helpers/action-in-process.js';
import { pullRequestPayload } from '../helpers/action-runner.js';
import { bcData, smallPipeline } from '../helpers/registry-fixtures.js';

/**
 * The release's registration pull request (src/action/release.ts with `registration: auto` on a
 * protected main, and `registration: pull-request`), run in this process so mutation testing
 * reaches it: tests/e2e/action-protected.test.ts runs the same stories on the bundled dist/,
 * which Stryker does not mutate. The origin's pre-receive hook refuses pushes to main with
 * GitHub's GH006; the stand-in's merge button merges inside the origin, as GitHub does. Tiny
 * linear pipelines without bootstrap, at most four trainings a scene (the first scene's releases
 * reuse the run bundle its pull request's check stored).
 */
const REGISTER_BC = 'pipepilot/register/bc';
/** Up to seven runs of the action in one scene: 20 s at load 7 on the shared 2-core machine, 60 s at load 12. */
const SCENE_TIMEOUT_MS = 150_000;
const PROTECTED_BODY = '`main` is protected, so PipePilot proposes the version here';
const SETTING_BODY = 'registers through pull requests (`registration: pull-request`)';
const NOTHING_TO_RELEASE = "this push changes no pipeline, its data, PipePilot's code or a registration: nothing to release";

const pullUrl = (s: Scene, number: number) => `https://github.com/${s.standIn.owner}/${s.standIn.repo}/pull/${number}`;
const pullOf = (s: Scene, head: string) => {
  const found = s.standIn.pulls.filter((p) => p.head === head);
  expect(found, `pull requests from ${head}`).toHaveLength(1);
  return found[0];
};

async function mergeRange(s: Scene, number: number): Promise<{ before: string; after: string }> {
  const before = s.originTip();
  const merged = await s.standIn.merge(number);
  expect(merged.status, merged.message).toBe(200);
  return { before, after: merged.sha! };
}

describe('release on a protected main, registration: auto (in process)', () => {
  it('another refusal fails; the protected refusal becomes "Register bc v1"; a re-run republishes it; registration: push fails with git\'s message', async () => {
    const s = await releaseScene({ 'pipelines/bc.yaml': smallPipeline(), 'data/bc.csv': bcData }, { protectedMain: true });
    // The pull request's check trains once and stores the run bundle; every release below reuses it.
    const base = s.head();
    s.repo.git(s.repo.dir, 'checkout', '-q', '-b', 'change');
    writeFileSync(join(s.repo.dir, 'pipelines/bc.yaml'), smallPipeline({ seed: 2 }));
    s.repo.git(s.repo.dir, 'commit', '-q', '-am', 'seed 2');
    s.repo.git(s.repo.dir, 'push', '-q', 'origin', 'change');
    const pull = s.standIn.addPull({ head: 'change', files: [{ filename: 'pipelines/bc.yaml' }] });
    expectOk(await s.action('pull_request', pullRequestPayload(s.standIn, { number: pull.number, baseSha: base, headSha: s.head() }), `refs/pull/${pull.number}/merge`));
    const change = await mergeRange(s, pull.number);
    s.repo.git(s.repo.dir, 'checkout', '-q', 'main');
    s.repo.git(s.repo.dir, 'pull', '-q', '--ff-only', 'origin', 'main');
    const pulls = s.standIn.count(CREATE_PULL);

    // 0. Refused by another hook: not a protected branch, so nothing is proposed and the step fails
    // with git's message. (The stored bundle cannot be fetched this time: a warning, and the pipeline runs.)
    const store = join(s.runnerTemp, 'pipepilot-bundle-store');
    const [stored] = readdirSync(store).filter((f) => f.startsWith('sha256-'));
    const fifo = join(store, stored, 'unreadable');
    execFileSync('mkfifo', [fifo]);
    s.refuseMain('other');
    const other = await s.push(change);
    rmSync(fifo);
    expect(other.code).toBe(1);
    expect(other.log).toContainEqual(expect.stringMatching(/^warning: could not fetch a stored run bundle \(.+\); running the pipeline$/));
    expect(other.log).toContainEqual(expect.stringMatching(/^no stored run bundle for sha256:[0-9a-f]{12}…: running pipelines\/bc\.yaml$/));
    expect(other.errors).toHaveLength(1);
    expect(other.errors[0].message).toContain('refused by hook check-signoff: every commit needs a Signed-off-by line');
    expect(other.log.some((l) => l.includes('proposing'))).toBe(false);
    expect(other.outputs).toMatchObject({ version: '', 'registration-pr': '', 'gates-passed': 'false' });
    expect(s.originTip()).toBe(change.after);
    expect(s.standIn.count(CREATE_PULL)).toBe(pulls);
    s.refuseMain('protected');

    // 1. The push is refused as protected: the version is proposed instead, and nothing reaches main.
    const first = await s.push(change);
    expectOk(first);
    expect(first.log).toContain('── pipelines/bc.yaml: releases because pipelines/bc.yaml changed');
    expect(first.log).not.toContain(NOTHING_TO_RELEASE);
    expect(first.log.some((l) => l.startsWith("reusing the pull request's run bundle"))).toBe(true);
    const notice = first.log.filter((l) => l.startsWith('notice: main is protected'));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatch(/^notice: main is protected \(the push was refused: .*GH006: Protected branch update failed for refs\/heads\/main\..*\); proposing bc's version in a pull request instead$/s);
    expect(s.originTip()).toBe(change.after);
    const registration = pullOf(s, REGISTER_BC);
    expect(registration).toMatchObject({ base: 'main', state: 'open', title: 'Register bc v1' });
    expect(registration.body).toContain(PROTECTED_BODY);
    expect(s.originTip(`${REGISTER_BC}^`)).toBe(change.after);
    const url = pullUrl(s, registration.number);
    const { metrics, ...outputs } = first.outputs;
    expect(outputs).toEqual({ version: '', 'deployment-pr': '', 'registration-pr': url, 'gates-passed': 'true' });
    expect(Object.keys(JSON.parse(metrics))).toEqual(['bc']);
    expect(JSON.parse(metrics).bc.gates_passed).toBe(true);
    expect(first.summary).toBe(releaseSummary([`| bc | v1 proposed (merge to register) | ${url} |`]));
    expect(s.standIn.pulls.filter((p) => p.head.startsWith('pipepilot/deploy/'))).toHaveLength(0);

    // 2. The same push again: the proposal on main's tip is found, not trained again, its one pull request updated.
    const proposed = s.originTip(REGISTER_BC);
    const rerun = await s.push(change);
    expectOk(rerun);
    expect(rerun.log).toContain(`bc: ${REGISTER_BC} already proposes this run as v1 on main's tip: updating its pull request, not training`);
    expect(rerun.log.some((l) => /^(reusing the pull request's run bundle|no stored run bundle|notice: main is protected)/.test(l))).toBe(false);
    expect(rerun.outputs).toEqual({ metrics: '{}', version: '', 'deployment-pr': '', 'registration-pr': url, 'gates-passed': 'true' });
    expect(rerun.summary).toBe(releaseSummary([`| bc | v1 proposed (merge to register) | ${url} |`]));
    expect(s.standIn.count(CREATE_PULL)).toBe(pulls + 1);
    expect(s.originTip(REGISTER_BC)).toBe(proposed);
    expect(registration.body).toContain(PROTECTED_BODY);

    // 3. The team switches to registration: pull-request: the re-run republishes the same pull request with that reason.
    const setting = await s.push(change, { inputs: { registration: 'pull-request' } });
    expectOk(setting);
    expect(setting.outputs['registration-pr']).toBe(url);
    expect(s.standIn.count(CREATE_PULL)).toBe(pulls + 1);
    expect(registration.body).toContain(SETTING_BODY);
    expect(registration.body).not.toContain(PROTECTED_BODY);

    // 4. registration: push never proposes: the protected branch's refusal fails the step with git's message.
    const strict = await s.push(change, { inputs: { registration: 'push' } });
    expect(strict.code).toBe(1);
    expect(strict.errors).toHaveLength(1);
    expect(strict.errors[0].message).toMatch(/GH006: Protected branch update failed for refs\/heads\/main\./);
    expect(strict.errors[0].message).toContain('origin/main is protected: changes must come through a pull request.');
    expect(strict.errors[0].at?.file).toBe('pipelines/bc.yaml');
    expect(strict.failed).toMatch(/^PipePilot release failed:\n- pipelines\/bc\.yaml: /);
    expect(strict.log.some((l) => l.startsWith('notice: main is protected'))).toBe(false);
    expect(strict.outputs).toMatchObject({ version: '', 'deployment-pr': '', 'registration-pr': '', 'gates-passed': 'false' });
    expect(strict.summary).toBe('');
    expect(s.originTip()).toBe(change.after);
    expect(s.originTip(REGISTER_BC)).toBe(proposed);
    expect(s.standIn.count(CREATE_PULL)).toBe(pulls + 1);
  }, SCENE_TIMEOUT_MS);

  it('merged, then released by a newer PipePilot: v1 is deployed as merged; a late re-run of the first push finds v1 on main; a tampered v2 added by hand is not deployed', async () => {
    const s = await releaseScene({ 'pipelines/bc.yaml': smallPipeline(), 'data/bc.csv': bcData }, { protectedMain: true });
    const change = s.commitToMain({ 'pipelines/bc.yaml': smallPipeline({ seed: 5 }) }, 'seed 5');
    const first = await s.push(change);
    expectOk(first);
    const registration = pullOf(s, REGISTER_BC);
    expect(first.outputs['registration-pr']).toBe(pullUrl(s, registration.number));
    const proposed = s.originTip(REGISTER_BC);

    // 1. Merged, then released by a newer PipePilot: the current run's content key differs from
    // the merged version's, so v1 is deployed as merged rather than a v2 proposed.
    const merge = await mergeRange(s, registration.number);
    s.repo.git(s.repo.dir, 'pull', '-q', '--ff-only', 'origin', 'main');
    const deployed = await s.push(merge, { codeVersion: '0.0.1-test' });
    expectOk(deployed);
    expect(deployed.log).toContain('── pipelines/bc.yaml: releases because its registration v1 was merged');
    expect(deployed.log).toContain(
      "warning: bc: the merged v1 is not the pipeline's current run (its content key differs: another PipePilot version or backend, or a version registered by hand); deploying v1 as merged. Dispatch command: release to register the current run.",
    );
    const deployment = pullOf(s, 'pipepilot/deploy/bc/staging');
    expect(deployment).toMatchObject({ base: 'main', title: 'Deploy bc v1 to staging' });
    const sha12 = merge.after.slice(0, 12);
    expect(deployment.body).toContain(`Opened by PipePilot after bc v1 was registered from ${sha12}.`);
    expect(deployment.body).not.toContain(merge.after);
    expect(s.repo.git(s.repo.origin, 'show', 'pipepilot/deploy/bc/staging:models/bc/deployments/staging.yaml')).toContain(`reason: released from ${sha12}\n`);
    const deployUrl = pullUrl(s, deployment.number);
    expect(deployed.outputs).toEqual({ metrics: '{}', version: '1', 'deployment-pr': deployUrl, 'registration-pr': '', 'gates-passed': 'true' });
    expect(deployed.summary).toBe(releaseSummary([`| bc | v1 | ${deployUrl} |`]));
    expect(s.originTip()).toBe(merge.after);
    expect(s.originTip(REGISTER_BC)).toBe(proposed);

    // 2. A late re-run of the first push (its checkout before the merge): the push finds main
    // already registers the run as v1, pushes nothing, and updates the one deployment pull request.
    s.repo.git(s.repo.dir, 'reset', '-q', '--hard', change.after);
    const late = await s.push(change);
    expectOk(late);
    expect(late.log).toContain('bc: already registered as v1');
    expect(late.log.some((l) => l.startsWith('registered bc') || l.startsWith('notice: main is protected'))).toBe(false);
    const { metrics: lateMetrics, ...lateOutputs } = late.outputs;
    expect(lateOutputs).toEqual({ version: '1', 'deployment-pr': deployUrl, 'registration-pr': '', 'gates-passed': 'true' });
    expect(Object.keys(JSON.parse(lateMetrics))).toEqual(['bc']);
    expect(JSON.parse(lateMetrics).bc.content_key).toBe(JSON.parse(first.outputs.metrics).bc.content_key);
    expect(late.summary).toBe(releaseSummary([`| bc | v1 | ${deployUrl} |`]));
    expect(s.originTip()).toBe(merge.after);
    expect(s.standIn.pulls.filter((p) => p.head.startsWith('pipepilot/deploy/'))).toHaveLength(1);

    // 3. An admin pushes a v2 registered by hand whose weights.bin no longer matches its digest;
    // released by a newer PipePilot, the merged v2 is not deployed: the promotion is refused, the step fails.
    s.repo.git(s.repo.dir, 'pull', '-q', '--ff-only', 'origin', 'main');
    cpSync(join(s.repo.dir, 'models/bc/v1'), join(s.repo.dir, 'models/bc/v2'), { recursive: true });
    const metadataPath = join(s.repo.dir, 'models/bc/v2/metadata.json');
    writeFileSync(metadataPath, JSON.stringify({ ...JSON.parse(readFileSync(metadataPath, 'utf8')), version: 2, content_key: `sha256:${'a'.repeat(64)}` }, null, 2));
    const weights = readFileSync(join(s.repo.dir, 'models/bc/v2/weights.bin'));
    weights[0] ^= 0xff;
    writeFileSync(join(s.repo.dir, 'models/bc/v2/weights.bin'), weights);
    const byHand = s.commitToMain({}, 'register bc v2 (by hand)');
    const refused = await s.push(byHand, { codeVersion: '0.0.2-test' });
    expect(refused.code).toBe(1);
    expect(refused.log).toContain('── pipelines/bc.yaml: releases because its registration v2 was merged');
    expect(refused.log).toContainEqual(expect.stringMatching(/^warning: bc: the merged v2 is not the pipeline's current run/));
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0].message).toMatch(/weights\.bin[^]*\nhint: /);
    expect(refused.errors[0].at).toEqual({ file: 'pipelines/bc.yaml', title: 'bc: no deployment pull request' });
    expect(refused.failed).toBe('PipePilot release failed:\n- pipelines/bc.yaml: promotion of v2 to staging refused');
    expect(refused.outputs).toEqual({ metrics: '{}', version: '2', 'deployment-pr': '', 'registration-pr': '', 'gates-passed': 'false' });
    expect(refused.summary).toBe(releaseSummary(['| bc | v2 | — |']));
    expect(pullOf(s, 'pipepilot/deploy/bc/staging').title).toBe('Deploy bc v1 to staging');
  }, SCENE_TIMEOUT_MS);
});

describe('release with registration: pull-request on an open main (in process)', () => {
  it('proposes both passing pipelines (one registration PR per line), refuses the failing one; re-run after a merge, main already registers bc and its deployment PR opens', async () => {
    const s = await releaseScene({ 'data/bc.csv': bcData });
    const range = s.commitToMain(
      {
        'pipelines/bc.yaml': smallPipeline({ seed: 2 }),
        'pipelines/bc2.yaml': smallPipeline({ seed: 3, name: 'bc2' }),
        'pipelines/bc3.yaml': smallPipeline({ seed: 4, name: 'bc3', gates: '[{metric: accuracy, min: 0.999}]' }),
      },
      'three pipelines',
    );
    const reviewed = { inputs: { registration: 'pull-request' } };

    // 1. Nothing is pushed although main is open; bc and bc2 are proposed, bc3's gate fails.
    const res = await s.push(range, reviewed);
    expect(res.code).toBe(1);
    expect(s.originTip()).toBe(range.after);
    expect(res.log.some((l) => /is protected/.test(l))).toBe(false);
    const [bc, bc2] = ['bc', 'bc2'].map((name) => pullOf(s, `pipepilot/register/${name}`));
    expect([bc.title, bc2.title]).toEqual(['Register bc v1', 'Register bc2 v1']);
    expect(bc.body).toContain(SETTING_BODY);
    expect(bc2.body).toContain(SETTING_BODY);
    expect(s.standIn.pulls.filter((p) => p.head.startsWith('pipepilot/'))).toHaveLength(2);
    const urls = [bc, bc2].map((p) => pullUrl(s, p.number));
    const { metrics, ...outputs } = res.outputs;
    expect(outputs).toEqual({ version: '', 'deployment-pr': '', 'registration-pr': `${urls[0]}\n${urls[1]}`, 'gates-passed': 'false' });
    expect(Object.keys(JSON.parse(metrics)).sort()).toEqual(['bc', 'bc2', 'bc3']);
    expect(res.summary).toBe(releaseSummary([
      `| bc | v1 proposed (merge to register) | ${urls[0]} |`,
      `| bc2 | v1 proposed (merge to register) | ${urls[1]} |`,
      '| bc3 | not registered | — |',
    ]));
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0].message).toMatch(/^gate failed: accuracy/);
    expect(res.errors[0].at).toEqual({ file: 'pipelines/bc3.yaml', startLine: 7, startColumn: 9, title: 'bc3: not registered' });
    expect(res.failed).toBe('PipePilot release failed:\n- pipelines/bc3.yaml: not registered, 1 gate result(s) failed');

    // 2. bc's pull request is merged; the failed job is re-run for the same push (its checkout is
    // the push's commit, behind main): main already registers bc's run, so its deployment PR opens.
    await mergeRange(s, bc.number);
    const rerun = await s.push(range, { inputs: { registration: 'pull-request', pipelines: 'pipelines/bc.yaml' } });
    expectOk(rerun);
    expect(rerun.log).toContain('bc: main already registers this run as v1');
    const deployment = pullOf(s, 'pipepilot/deploy/bc/staging');
    expect(deployment.title).toBe('Deploy bc v1 to staging');
    expect(deployment.body).toContain(`Opened by PipePilot after bc v1 was registered from ${range.after.slice(0, 12)}.`);
    const deployUrl = pullUrl(s, deployment.number);
    const { metrics: rerunMetrics, ...rerunOutputs } = rerun.outputs;
    expect(rerunOutputs).toEqual({ version: '1', 'deployment-pr': deployUrl, 'registration-pr': '', 'gates-passed': 'true' });
    expect(Object.keys(JSON.parse(rerunMetrics))).toEqual(['bc']);
    expect(rerun.summary).toBe(releaseSummary([`| bc | v1 | ${deployUrl} |`]));
    expect(s.standIn.count(CREATE_PULL)).toBe(3);
  }, SCENE_TIMEOUT_MS);
});
