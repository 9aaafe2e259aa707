import { isAbsolute, normalize } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UsageError } from '../errors.js';
import { assertBranchName } from '../registry/deployment-branch.js';
import { tunePrBody } from '../report/tune-pr-body.js';
import { proposeParamsText } from '../spec/propose-params.js';
import type { TrialRecord } from '../tune/trial.js';
import { commitOnBranch, startingPoint } from '../use-cases/deployment-change.js';
import { finishStudy, type FinishedStudy } from '../use-cases/finish-study.js';
import { inlineExecutor, tunePipeline, type TuneResult } from '../use-cases/tune-pipeline.js';
import { logger, repoPath, type ActionContext, type CommandOutcome } from './action-context.js';
import { publishPullRequest } from './deployment-pr.js';

/** The branch of a pipeline's tuning proposal: one per pipeline, so a rerun updates its pull request. */
export function tuneBranch(name: string): string {
  return assertBranchName(`pipepilot/tune/${name}`);
}

/**
 * workflow_dispatch with `command: tune`: runs the study of the `pipeline` input (its `tune:`
 * section; the `trials` and `timeout` inputs override), trains and gates the winner on the
 * test rows, and proposes it: the pipeline file with the best params (comments and layout
 * kept) committed on `pipepilot/tune/<name>`, and one pull request for that branch whose body
 * is the study. A winner failing its gates is reported, not proposed.
 */
export async function tuneCommand(ctx: ActionContext): Promise<CommandOutcome> {
  const file = pipelineInput(ctx.inputs.pipeline);
  const study = await runStudy(ctx, file);
  const backend = await ctx.backend();
  const finished = await finishStudy(
    { files: ctx.files, data: ctx.data, log: logger(ctx.io), clock: { now: () => performance.now() } },
    { pipeline: study.pipeline, plan: study.plan, trials: study.trials, backend: { name: backend.name, reason: backend.reason }, codeVersion: ctx.codeVersion },
  );
  await ctx.io.appendSummary(finished.report);
  const { best, winner } = finished;
  if (best === undefined || winner === undefined) {
    return { failures: [`${file}: no trial completed (${study.trials.length} trials); see the job summary`], outputs: { 'gates-passed': 'false' } };
  }
  const outputs: Record<string, string> = { 'best-params': JSON.stringify(best.params), 'best-value': String(best.value), 'gates-passed': String(winner.gatesPassed), metrics: JSON.stringify({ [study.pipeline.spec.name]: winner.metrics }) };
  if (!winner.gatesPassed) {
    const failed = winner.metrics.gates.filter((g) => g.status === 'failed').map((g) => g.message);
    return { failures: [`${file}: the best trial's params fail the gates on the test rows, so nothing is proposed`, ...failed], outputs };
  }
  const pr = await propose(ctx, { file, study, finished, best });
  return { failures: [], outputs: pr === undefined ? outputs : { ...outputs, 'tune-pr': pr } };
}

/** The `pipeline` input: one path inside the working directory. */
function pipelineInput(given: string | undefined): string {
  if (given === undefined) {
    throw new UsageError('tune needs the input pipeline', { hint: 'e.g. pipeline: pipelines/churn.yaml (trials: 40 and timeout: 3600 override its tune: section).' });
  }
  const file = normalize(given).split('\\').join('/');
  if (isAbsolute(file) || file === '..' || file.startsWith('../')) {
    throw new UsageError(`input 'pipeline' (${given}) must be a path inside the working directory`, { hint: 'e.g. pipeline: pipelines/churn.yaml' });
  }
  return file;
}

/** The whole study in this thread (a runner job is one machine; the CLI's --shard spreads a study over a matrix). */
async function runStudy(ctx: ActionContext, file: string): Promise<TuneResult> {
  const now = () => performance.now();
  const started = now();
  const timeout = ctx.inputs.timeout;
  const shouldStop = () => timeout !== undefined && now() - started > timeout * 1000;
  const log = logger(ctx.io);
  const result = await tunePipeline(
    { files: ctx.files, data: ctx.data, log, now, executor: async (setup) => inlineExecutor(setup, now, shouldStop) },
    { pipelinePath: file, trials: ctx.inputs.trials, finished: [], shouldStop, onTrial: (t) => ctx.io.info(trialLine(t)) },
  );
  if (result.stopped) ctx.io.notice(`timeout: the study stopped after ${result.trials.length} of ${result.plan.trials} trials (input timeout: ${timeout} s)`);
  return result;
}

function trialLine(t: TrialRecord): string {
  return `trial ${t.number}: ${t.state}${t.value === null ? '' : ` ${t.value.toPrecision(4)}`}${t.pruned_at ? ` at step ${t.pruned_at}` : ''}`;
}

/**
 * The proposal: the pipeline as committed at HEAD with the best params written in, as one
 * commit on the tune branch, and its pull request created or updated. Undefined when the file
 * already holds the best params (nothing to propose).
 */
async function propose(ctx: ActionContext, r: { file: string; study: TuneResult; finished: FinishedStudy; best: TrialRecord }): Promise<string | undefined> {
  const { spec } = r.study.pipeline;
  const path = repoPath(ctx, r.file);
  const branch = tuneBranch(spec.name);
  const head = await startingPoint(ctx.git, branch);
  const before = await ctx.git.tryShowFile(head, path);
  if (before === undefined) throw new UsageError(`${path} is not committed at ${head.slice(0, 12)}`, { hint: 'Commit the pipeline first: the proposal is a change to the committed file.' });
  const { text, changed } = proposeParamsText(before, r.best.params, r.file);
  if (text === before) {
    ctx.io.notice(`${r.file} already holds the best trial's params; nothing to propose`);
    return undefined;
  }
  const value = r.best.value!.toPrecision(4);
  const message = `Tune ${spec.name}: ${changed.join(', ')} from the best of ${r.study.trials.length} trials (${r.study.plan.metric} ${value})`;
  const written = await commitOnBranch(ctx.git, { head, branch, path, text, change: (wt) => wt.commitFileText(path, text, message) });
  ctx.io.info(`${written.action} ${branch} at ${written.commit.slice(0, 12)}`);
  const params = spec.model.params as unknown as Record<string, unknown>;
  const body = tunePrBody({
    study: r.finished.reportInput,
    file: path,
    changes: changed.map((param) => ({ param, before: params[param], after: r.best.params[param] })),
    origin: `Requested by ${actor(ctx)} with the PipePilot workflow (command: tune).`,
    gatesPassed: true,
  });
  const pr = await publishPullRequest(ctx, { branch, title: `Tune ${spec.name}: ${r.study.plan.metric} ${value} (best of ${r.study.trials.length} trials)`, body });
  return pr.url;
}

function actor(ctx: ActionContext): string {
  const sender = (ctx.event.payload.sender as { login?: string } | undefined)?.login;
  return sender ? `@${sender}` : 'a workflow run';
}
