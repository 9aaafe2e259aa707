import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { processBootstrapWorkers } from '../cli/bootstrap-workers.js';
import { writeDirectory } from '../cli/node-files.js';
import { GitHubError, UsageError } from '../errors.js';
import type { FeatureStats } from '../data/reference-stats.js';
import { renderJobSummary, renderPrComment, type PrCommentInput } from '../report/pr-comment.js';
import { findProductionBaseline } from '../use-cases/production-baseline.js';
import { runBundleFiles } from '../use-cases/run-bundle.js';
import { runPipeline, type RunResult } from '../use-cases/run-pipeline.js';
import { logger, repoPath, reportPipelineError, type ActionContext, type CommandOutcome } from './action-context.js';
import { pullRequestOf, type PullRequestEvent } from './event.js';
import { pipelineInputs } from './pipeline-inputs.js';
import { relativeToWorkingDirectory, touchedPipelines } from './pipeline-selection.js';
import { gateIndex, gatePosition, productionAt, recentTrend } from './report-input.js';
import { validatePipelines, type ValidPipeline } from './validate-pipelines.js';

/**
 * pull_request → check: validate every pipeline, run those the pull request touches against the
 * production model at its base, and report each run three ways: one sticky comment per pipeline,
 * the job summary, and the run bundle as an artifact named by its content key. A failed gate or
 * an invalid pipeline fails the check, with annotations on the pipeline file.
 */
export async function check(ctx: ActionContext): Promise<CommandOutcome> {
  const pr = pullRequestOf(ctx.event);
  const { valid, failures } = await validatePipelines(ctx);
  const changed = await changedFiles(ctx, pr);
  const touched = touchedPipelines(valid.map((v) => pipelineInputs(v, (path) => ctx.files.realpath(path))), changed);
  const metrics: Record<string, unknown> = {};
  let allPassed = true;
  if (touched.length === 0) {
    ctx.io.info(`pull request #${pr.number} touches no pipeline, its data, or PipePilot's code: nothing to run`);
    await ctx.io.appendSummary(`### PipePilot\n\nThis pull request touches no pipeline (${ctx.inputs.pipelines.join(', ')}), its data, or PipePilot's code; nothing was run.\n`);
  }
  const base = touched.length > 0 ? await resolveBase(ctx, pr) : pr.baseSha;
  for (const t of touched) {
    const pipeline = valid.find((v) => v.file === t.file)!;
    ctx.io.info(`── ${t.file}: runs because ${t.reason}`);
    try {
      const run = await checkPipeline(ctx, { pipeline, pr, base });
      metrics[pipeline.spec.name] = run.metrics;
      if (!run.gatesPassed) {
        allPassed = false;
        failures.push(`${t.file}: ${run.metrics.gates.filter((g) => g.status === 'failed').length} gate(s) failed`);
      }
    } catch (err) {
      allPassed = false;
      failures.push(reportPipelineError(ctx, t.file, err));
    }
  }
  return { failures, outputs: { metrics: JSON.stringify(metrics), 'gates-passed': String(allPassed && failures.length === 0) } };
}

async function checkPipeline(ctx: ActionContext, req: { pipeline: ValidPipeline; pr: PullRequestEvent; base: string }): Promise<RunResult> {
  const { spec, file } = req.pipeline;
  const log = logger(ctx.io);
  const baseline = await findProductionBaseline({ git: ctx.git, files: ctx.files }, { model: spec.name, ref: req.base });
  ctx.io.info(baseline ? `baseline: production is ${spec.name} v${baseline.version} at the base ${req.base.slice(0, 12)}` : `baseline: none (no ${spec.name} production manifest at the base ${req.base.slice(0, 12)})`);
  const backend = await ctx.backend();
  const run = await runPipeline(
    { files: ctx.files, data: ctx.data, log, clock: { now: () => performance.now() }, threads: availableParallelism(), bootstrapHelpers: processBootstrapWorkers() },
    { pipelinePath: file, backend: { name: backend.name, reason: backend.reason }, codeVersion: ctx.codeVersion, baseline },
  );
  const artifactName = await storeBundle(ctx, run);
  const input: Omit<PrCommentInput, 'marker'> = {
    candidate: run.metrics,
    candidateStats: run.artifacts.referenceStats as FeatureStats,
    production: baseline ? await productionAt(ctx.git, { model: spec.name, version: baseline.version, commit: baseline.commit }) : undefined,
    trend: await recentTrend(ctx.files, spec.name, run.metrics),
    psiThreshold: spec.deploy.drift?.psi_max,
    runUrl: ctx.event.runUrl,
    artifactName,
  };
  await ctx.io.appendSummary(renderJobSummary(input));
  await postComment(ctx, req.pr, spec.name, input);
  annotateFailedGates(ctx, req.pipeline, run);
  return run;
}

/** The bundle written under RUNNER_TEMP and stored by its content key; a failed upload is a warning, not a failed check. */
async function storeBundle(ctx: ActionContext, run: RunResult): Promise<string | undefined> {
  const dir = join(ctx.tempDir, 'pipepilot-bundles', run.pipeline.spec.name);
  await writeDirectory(dir, runBundleFiles(run));
  try {
    const stored = await ctx.store.upload(run.metrics.content_key, dir);
    ctx.io.info(`run bundle ${stored.action === 'uploaded' ? 'stored' : 'already stored'} as ${stored.name}`);
    return stored.name;
  } catch (err) {
    ctx.io.warning(`the run bundle was not stored (${(err as Error).message}); the release after merge will run the pipeline again`);
    return undefined;
  }
}

async function postComment(ctx: ActionContext, pr: PullRequestEvent, name: string, input: Omit<PrCommentInput, 'marker'>): Promise<void> {
  if (pr.fromFork) {
    ctx.io.notice(`pull request #${pr.number} comes from a fork, whose token may not comment; the report is in the job summary`);
    return;
  }
  // upsertStickyComment writes the marker line; the renderer leaves it out but keeps room for it.
  const body = renderPrComment({ ...input, marker: name, omitMarkerLine: true });
  const result = await ctx.github.upsertStickyComment({ issueNumber: pr.number, marker: `pipepilot:${name}`, body });
  if (result.action === 'skipped') ctx.io.notice(`no comment posted: ${result.reason}; the report is in the job summary`);
  else ctx.io.info(`comment ${result.action}: ${result.url}`);
}

function annotateFailedGates(ctx: ActionContext, pipeline: ValidPipeline, run: RunResult): void {
  for (const g of run.metrics.gates.filter((r) => r.status === 'failed')) {
    const at = gatePosition(pipeline.text, gateIndex(pipeline.spec, g));
    ctx.io.error(`gate failed: ${g.message}`, { file: repoPath(ctx, pipeline.file), startLine: at?.line, startColumn: at?.col, title: `${pipeline.spec.name}: gate failed` });
  }
}

/** The pull request's changed files relative to the working directory; when GitHub will not list them, every pipeline runs. */
async function changedFiles(ctx: ActionContext, pr: PullRequestEvent): Promise<string[] | 'all'> {
  try {
    return relativeToWorkingDirectory(await ctx.github.listPullRequestFiles(pr.number), ctx.repoPrefix);
  } catch (err) {
    if (!(err instanceof GitHubError)) throw err;
    ctx.io.warning(`cannot list the files of #${pr.number} (${err.message}); running every pipeline`);
    return 'all';
  }
}

/**
 * The base commit the production baseline is read at. A shallow checkout may lack it: the base
 * branch is fetched once; if the commit is still unknown that is an error, since silently
 * comparing with nothing would switch the `vs: production` gates off.
 */
async function resolveBase(ctx: ActionContext, pr: PullRequestEvent): Promise<string> {
  if ((await ctx.git.tryResolveCommit(pr.baseSha)) !== undefined) return pr.baseSha;
  ctx.io.info(`the base ${pr.baseSha.slice(0, 12)} is not in the checkout; fetching ${pr.baseRef}`);
  await ctx.git.fetch('origin', pr.baseRef).catch(() => undefined);
  if ((await ctx.git.tryResolveCommit(pr.baseSha)) !== undefined) return pr.baseSha;
  throw new UsageError(`the pull request's base commit ${pr.baseSha.slice(0, 12)} is not in the checkout`, {
    hint: 'Check out with full history (actions/checkout with fetch-depth: 0): the production baseline is read at the base commit.',
  });
}
