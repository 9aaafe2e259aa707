import { availableParallelism } from 'node:os';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { processBootstrapWorkers } from '../cli/bootstrap-workers.js';
import type { Git } from '../git/git.js';
import { checkRunMatches, currentContentKey, loadRunBundle, type LoadedRun } from '../use-cases/load-run-bundle.js';
import { findProductionBaseline } from '../use-cases/production-baseline.js';
import { promote } from '../use-cases/promote.js';
import { findRegistered, registerVersion } from '../use-cases/register-version.js';
import type { GateResult } from '../evaluate/gates.js';
import { GitError } from '../errors.js';
import type { RegistrationInput } from './inputs.js';
import { proposeAndPublish, republishProposal } from './registration-pr.js';
import { runPipeline } from '../use-cases/run-pipeline.js';
import { logger, repoPath, reportPipelineError, type ActionContext, type CommandOutcome } from './action-context.js';
import { deploymentReviewBody, publishPullRequest } from './deployment-pr.js';
import { pushRangeOf } from './event.js';
import { pipelineInputs } from './pipeline-inputs.js';
import { registrationsMerged, relativeToWorkingDirectory, touchedPipelines } from './pipeline-selection.js';
import { gateIndex, gatePosition } from './report-input.js';
import { validatePipelines, type ValidPipeline } from './validate-pipelines.js';

/** GitHub skips workflows for a push whose commit message holds this, so registering does not start another release. */
export const SKIP_CI = '[skip ci]';

interface Released {
  version?: number;
  pr?: string;
  /** metrics.json of the run registered now (none when the version already existed). */
  metrics?: unknown;
  /** How many gates failed, when that kept the run from being registered. */
  refused?: number;
  /** The version proposed in a registration pull request (a protected default branch), and its URL. */
  proposed?: number;
  registrationPr?: string;
}

/**
 * push to the default branch → release: for each pipeline the push changed, the run (the pull
 * request's bundle when its content key matches, else a new run) is registered as the next
 * version, committed with [skip ci] and pushed (a lost race takes the next number), and the
 * deployment pull request to the first environment is created or updated. Idempotent: the same
 * push again finds the version already registered and updates the same pull request.
 *
 * On a protected default branch (the push refused as such, with `registration: auto`; or always,
 * with `registration: pull-request`) the version is proposed instead, in the "Register <model>
 * v<N>" pull request from `pipepilot/register/<model>`; the push that merges it touches the
 * pipeline (its version's metadata.json), and that release opens the deployment pull request.
 */
export async function release(ctx: ActionContext): Promise<CommandOutcome> {
  const { valid, failures } = await validatePipelines(ctx);
  const changed = await pushChanges(ctx);
  const byInputs = touchedPipelines(valid.map((v) => pipelineInputs(v, (path) => ctx.files.realpath(path))), changed);
  const touched = [...byInputs, ...registrationsMerged(valid.map((v) => ({ file: v.file, name: v.spec.name })), changed, byInputs)];
  if (touched.length === 0) ctx.io.info('this push changes no pipeline, its data, PipePilot\'s code or a registration: nothing to release');
  const versions: Record<string, number> = {};
  const metrics: Record<string, unknown> = {};
  const prs: string[] = [];
  const registrations: string[] = [];
  const summary: string[] = [];
  for (const t of touched) {
    const pipeline = valid.find((v) => v.file === t.file)!;
    ctx.io.info(`── ${t.file}: releases because ${t.reason}`);
    try {
      const done = await releasePipeline(ctx, pipeline, failures, t.merged);
      if (done.version !== undefined) versions[pipeline.spec.name] = done.version;
      if (done.metrics !== undefined) metrics[pipeline.spec.name] = done.metrics;
      if (done.pr !== undefined) prs.push(done.pr);
      if (done.registrationPr !== undefined) registrations.push(done.registrationPr);
      if (done.refused !== undefined) failures.push(`${t.file}: not registered, ${done.refused} gate result(s) failed`);
      summary.push(`| ${pipeline.spec.name} | ${versionCell(done)} | ${done.pr ?? done.registrationPr ?? '—'} |`);
    } catch (err) {
      failures.push(reportPipelineError(ctx, t.file, err));
    }
  }
  const names = Object.keys(versions);
  if (summary.length > 0) {
    await ctx.io.appendSummary(['### PipePilot release', '', '| model | version | deployment (or registration) pull request |', '|---|---|---|', ...summary, ''].join('\n'));
  }
  return {
    failures,
    outputs: {
      metrics: JSON.stringify(metrics),
      version: names.length === 1 ? String(versions[names[0]]) : names.length === 0 ? '' : JSON.stringify(versions),
      'deployment-pr': prs.join('\n'),
      'registration-pr': registrations.join('\n'),
      'gates-passed': String(failures.length === 0),
    },
  };
}

/** `merged`: the version a merged registration pull request added, when that is why the pipeline releases. */
async function releasePipeline(ctx: ActionContext, pipeline: ValidPipeline, failures: string[], merged?: number): Promise<Released> {
  const { spec, file } = pipeline;
  const mode = ctx.inputs.registration;
  const backend = await ctx.backend();
  const current = await currentContentKey(ctx.files, { pipelinePath: file, codeVersion: ctx.codeVersion, backend: backend.name }, ctx.data);
  const registered = await findRegistered({ git: ctx.git, files: ctx.files }, spec.name, current.key);
  if (registered !== undefined) {
    ctx.io.info(`${spec.name}: already registered as v${registered} (same pipeline, data, code and backend)`);
    return { version: registered, pr: await deploymentPullRequest(ctx, pipeline, registered, failures) };
  }
  if (merged !== undefined) {
    // The push only added a version: deploy it, rather than register the current run, which differs
    // only in what the push did not change (e.g. a newer PipePilot or backend since the proposal).
    ctx.io.warning(`${spec.name}: the merged v${merged} is not the pipeline's current run (its content key differs: another PipePilot version or backend, or a version registered by hand); deploying v${merged} as merged. Dispatch command: release to register the current run.`);
    return { version: merged, pr: await deploymentPullRequest(ctx, pipeline, merged, failures) };
  }
  if (mode !== 'push') {
    const held = await republishProposal(ctx, pipeline, current.key, mode === 'pull-request' ? 'setting' : 'protected');
    if (held !== undefined) return { proposed: held.version, registrationPr: held.pr };
  }
  const run = await obtainRun(ctx, pipeline, current.key);
  const { metrics } = run;
  if (mode !== 'pull-request') {
    const pushed = await pushRegistration(ctx, pipeline, run, mode);
    if (typeof pushed === 'object') return { metrics, refused: pushed.refused };
    if (pushed !== 'protected') return { version: pushed, metrics, pr: await deploymentPullRequest(ctx, pipeline, pushed, failures) };
  }
  const proposal = await proposeAndPublish(ctx, pipeline, run, mode === 'pull-request' ? 'setting' : 'protected');
  if (proposal.action === 'refused') return { metrics, ...reportRefusedGates(ctx, pipeline, proposal.failed) };
  if (proposal.action === 'registered') {
    ctx.io.info(`${spec.name}: ${ctx.event.defaultBranch} already registers this run as v${proposal.version}`);
    return { version: proposal.version, metrics, pr: await deploymentPullRequest(ctx, pipeline, proposal.version, failures) };
  }
  return { proposed: proposal.version, registrationPr: proposal.pr, metrics };
}

/**
 * Registers the run by pushing to the default branch: the version, 'refused' (failed gates,
 * reported), or 'protected' when the branch refused the push as protected and `registration` is
 * `auto` (the caller proposes it instead). Any other refusal is thrown, with git's message.
 */
async function pushRegistration(ctx: ActionContext, pipeline: ValidPipeline, run: LoadedRun, mode: RegistrationInput): Promise<number | { refused: number } | 'protected'> {
  const { spec, file } = pipeline;
  try {
    const result = await registerVersion(
      { git: withSkipCi(ctx.git), files: ctx.files, log: logger(ctx.io), clock: { now: () => Date.now() }, sleep: ctx.sleep },
      { run, pipelinePath: file, push: { remote: 'origin' } },
    );
    if (result.action === 'refused') return reportRefusedGates(ctx, pipeline, result.failed);
    ctx.io.info(result.action === 'created' ? `registered ${spec.name} v${result.version} (${result.commit.slice(0, 12)}), pushed` : `${spec.name}: already registered as v${result.version}`);
    return result.version;
  } catch (err) {
    if (!(mode === 'auto' && err instanceof GitError && err.reason === 'protected')) throw err;
    ctx.io.notice(`${ctx.event.defaultBranch} is protected (the push was refused: ${err.message}); proposing ${spec.name}'s version in a pull request instead`);
    return 'protected';
  }
}

function reportRefusedGates(ctx: ActionContext, pipeline: ValidPipeline, failed: GateResult[]): { refused: number } {
  const { spec, file } = pipeline;
  for (const g of failed) {
    const at = gatePosition(pipeline.text, gateIndex(spec, g));
    ctx.io.error(`gate failed: ${g.message}`, { file: repoPath(ctx, file), startLine: at?.line, startColumn: at?.col, title: `${spec.name}: not registered` });
  }
  return { refused: failed.length };
}

function versionCell(done: Released): string {
  if (done.version !== undefined) return `v${done.version}`;
  return done.proposed !== undefined ? `v${done.proposed} proposed (merge to register)` : 'not registered';
}

/** The pull request's run bundle when the store has one under this content key (checked again), else a new run. */
async function obtainRun(ctx: ActionContext, pipeline: ValidPipeline, key: string): Promise<LoadedRun> {
  const dir = join(ctx.tempDir, 'pipepilot-bundles', `${pipeline.spec.name}-release`);
  await rm(dir, { recursive: true, force: true });
  const found = await ctx.store.tryDownload(key, dir).catch((err: unknown) => {
    ctx.io.warning(`could not fetch a stored run bundle (${(err as Error).message}); running the pipeline`);
    return false;
  });
  if (found) {
    const run = await loadRunBundle(ctx.files, dir);
    checkRunMatches(run, { key, pipelinePath: pipeline.file, runDir: `the stored bundle ${key.slice(0, 19)}…` });
    ctx.io.info(`reusing the pull request's run bundle ${key.slice(0, 19)}… (same pipeline, data, code and backend): not training again`);
    return run;
  }
  ctx.io.info(`no stored run bundle for ${key.slice(0, 19)}…: running ${pipeline.file}`);
  const backend = await ctx.backend();
  const baseline = await findProductionBaseline({ git: ctx.git, files: ctx.files }, { model: pipeline.spec.name, ref: 'HEAD' });
  const run = await runPipeline(
    { files: ctx.files, data: ctx.data, log: logger(ctx.io), clock: { now: () => performance.now() }, threads: availableParallelism(), bootstrapHelpers: processBootstrapWorkers() },
    { pipelinePath: pipeline.file, backend: { name: backend.name, reason: backend.reason }, codeVersion: ctx.codeVersion, baseline },
  );
  return { metrics: run.metrics, artifacts: run.artifacts };
}

/** Promote to the pipeline's first environment on its deploy branch, then publish the one pull request for it. */
async function deploymentPullRequest(ctx: ActionContext, pipeline: ValidPipeline, version: number, failures: string[]): Promise<string | undefined> {
  const { spec } = pipeline;
  const env = spec.deploy.environments[0];
  const result = await promote({ git: ctx.git, log: logger(ctx.io) }, { model: spec.name, version, env, reason: `released from ${ctx.event.sha.slice(0, 12)}` });
  if (result.action === 'refused') {
    ctx.io.error(`${result.message}\nhint: ${result.hint}`, { file: repoPath(ctx, pipeline.file), title: `${spec.name}: no deployment pull request` });
    failures.push(`${pipeline.file}: promotion of v${version} to ${env} refused`);
    return undefined;
  }
  if (result.action === 'unchanged' && result.branch === undefined) {
    ctx.io.info(`${result.message}`);
    return undefined;
  }
  const { body } = await deploymentReviewBody(ctx, {
    model: spec.name,
    env,
    kind: 'deploy',
    branch: result.branch!,
    manifest: result.action === 'unchanged' ? undefined : result.manifest,
    origin: `Opened by PipePilot after ${spec.name} v${version} was registered from ${ctx.event.sha.slice(0, 12)}.`,
  });
  const pr = await publishPullRequest(ctx, { branch: result.branch!, title: `Deploy ${spec.name} v${version} to ${env}`, body });
  return pr.url;
}

/** The paths the push changed, relative to the working directory; 'all' for a new branch or history we do not have. */
async function pushChanges(ctx: ActionContext): Promise<string[] | 'all'> {
  const { before, after } = pushRangeOf(ctx.event);
  if (before === undefined || (await ctx.git.tryResolveCommit(before)) === undefined) {
    ctx.io.info(before === undefined ? 'a new branch or no previous commit: every pipeline is released' : `the push's previous commit ${before.slice(0, 12)} is not in the checkout (use fetch-depth: 0): every pipeline is released`);
    return 'all';
  }
  return relativeToWorkingDirectory(await ctx.git.changedPaths(before, after), ctx.repoPrefix);
}

/** The registry commit, marked so the push it makes does not start the workflow again. */
function withSkipCi(git: Git): Git {
  return { ...git, commitFiles: (paths, message, options) => git.commitFiles(paths, `${message}\n\n${SKIP_CI}`, options) };
}
