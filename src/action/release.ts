import { availableParallelism } from 'node:os';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Git } from '../git/git.js';
import { checkRunMatches, currentContentKey, loadRunBundle, type LoadedRun } from '../use-cases/load-run-bundle.js';
import { findProductionBaseline } from '../use-cases/production-baseline.js';
import { promote } from '../use-cases/promote.js';
import { findRegistered, registerVersion } from '../use-cases/register-version.js';
import { runPipeline } from '../use-cases/run-pipeline.js';
import { logger, repoPath, reportPipelineError, type ActionContext, type CommandOutcome } from './action-context.js';
import { deploymentReviewBody, publishPullRequest } from './deployment-pr.js';
import { pushRangeOf } from './event.js';
import { pipelineInputs } from './pipeline-inputs.js';
import { relativeToWorkingDirectory, touchedPipelines } from './pipeline-selection.js';
import { gateIndex, gatePosition } from './report-input.js';
import { validatePipelines, type ValidPipeline } from './validate-pipelines.js';

/** GitHub skips workflows for a push whose commit message holds this, so registering does not start another release. */
export const SKIP_CI = '[skip ci]';

interface Released {
  version?: number;
  pr?: string;
  /** metrics.json of the run registered now (none when the version already existed). */
  metrics?: unknown;
}

/**
 * push to the default branch → release: for each pipeline the push changed, the run (the pull
 * request's bundle when its content key matches, else a new run) is registered as the next
 * version, committed with [skip ci] and pushed (a lost race takes the next number), and the
 * deployment pull request to the first environment is created or updated. Idempotent: the same
 * push again finds the version already registered and updates the same pull request.
 */
export async function release(ctx: ActionContext): Promise<CommandOutcome> {
  const { valid, failures } = await validatePipelines(ctx);
  const changed = await pushChanges(ctx);
  const touched = touchedPipelines(valid.map((v) => pipelineInputs(v, (path) => ctx.files.realpath(path))), changed);
  if (touched.length === 0) ctx.io.info('this push changes no pipeline, its data, or PipePilot\'s code: nothing to release');
  const versions: Record<string, number> = {};
  const metrics: Record<string, unknown> = {};
  const prs: string[] = [];
  const summary: string[] = [];
  for (const t of touched) {
    const pipeline = valid.find((v) => v.file === t.file)!;
    ctx.io.info(`── ${t.file}: releases because ${t.reason}`);
    try {
      const done = await releasePipeline(ctx, pipeline, failures);
      if (done.version !== undefined) versions[pipeline.spec.name] = done.version;
      if (done.metrics !== undefined) metrics[pipeline.spec.name] = done.metrics;
      if (done.pr !== undefined) prs.push(done.pr);
      summary.push(`| ${pipeline.spec.name} | ${done.version === undefined ? 'not registered' : `v${done.version}`} | ${done.pr ?? '—'} |`);
    } catch (err) {
      failures.push(reportPipelineError(ctx, t.file, err));
    }
  }
  const names = Object.keys(versions);
  if (summary.length > 0) {
    await ctx.io.appendSummary(['### PipePilot release', '', '| model | version | deployment pull request |', '|---|---|---|', ...summary, ''].join('\n'));
  }
  return {
    failures,
    outputs: {
      metrics: JSON.stringify(metrics),
      version: names.length === 1 ? String(versions[names[0]]) : names.length === 0 ? '' : JSON.stringify(versions),
      'deployment-pr': prs.join('\n'),
      'gates-passed': String(failures.length === 0),
    },
  };
}

async function releasePipeline(ctx: ActionContext, pipeline: ValidPipeline, failures: string[]): Promise<Released> {
  const { spec, file } = pipeline;
  const backend = await ctx.backend();
  const current = await currentContentKey(ctx.files, { pipelinePath: file, codeVersion: ctx.codeVersion, backend: backend.name }, ctx.data);
  let version = await findRegistered({ git: ctx.git, files: ctx.files }, spec.name, current.key);
  let metrics: unknown;
  if (version !== undefined) {
    ctx.io.info(`${spec.name}: already registered as v${version} (same pipeline, data, code and backend)`);
  } else {
    const run = await obtainRun(ctx, pipeline, current.key);
    metrics = run.metrics;
    const result = await registerVersion(
      { git: withSkipCi(ctx.git), files: ctx.files, log: logger(ctx.io), clock: { now: () => Date.now() }, sleep: ctx.sleep },
      { run, pipelinePath: file, push: { remote: 'origin' } },
    );
    if (result.action === 'refused') {
      for (const g of result.failed) {
        const at = gatePosition(pipeline.text, gateIndex(spec, g));
        ctx.io.error(`gate failed: ${g.message}`, { file: repoPath(ctx, file), startLine: at?.line, startColumn: at?.col, title: `${spec.name}: not registered` });
      }
      failures.push(`${file}: not registered, ${result.failed.length} gate result(s) failed`);
      return { metrics };
    }
    version = result.version;
    ctx.io.info(result.action === 'created' ? `registered ${spec.name} v${version} (${result.commit.slice(0, 12)}), pushed` : `${spec.name}: already registered as v${version}`);
  }
  return { version, metrics, pr: await deploymentPullRequest(ctx, pipeline, version, failures) };
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
    { files: ctx.files, data: ctx.data, log: logger(ctx.io), clock: { now: () => performance.now() }, threads: availableParallelism() },
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
