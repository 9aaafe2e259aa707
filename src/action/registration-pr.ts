import { registrationBranch } from '../registry/deployment-branch.js';
import { versionDir } from '../registry/layout.js';
import { registrationPrBody } from '../report/registration-pr-body.js';
import type { LoadedRun } from '../use-cases/load-run-bundle.js';
import { findProposed, proposeRegistration, type Proposal, type ProposeResult } from '../use-cases/propose-registration.js';
import { logger, type ActionContext } from './action-context.js';
import { publishPullRequest } from './deployment-pr.js';
import type { ValidPipeline } from './validate-pipelines.js';

export type Why = 'protected' | 'setting';

export type Proposed =
  | Extract<ProposeResult, { action: 'registered' | 'refused' }>
  | { action: 'proposed'; version: number; pr: string };

/**
 * The registration pull request the remote already has for this run on the default branch's
 * current tip, published again (title and body brought up to date, the branch left as it is):
 * a re-run of the release neither trains nor opens a second pull request. Undefined when there is none.
 */
export async function republishProposal(ctx: ActionContext, pipeline: ValidPipeline, contentKey: string, why: Why): Promise<{ version: number; pr: string } | undefined> {
  const branch = registrationBranch(pipeline.spec.name);
  const held = await findProposed(ctx.git, { model: pipeline.spec.name, contentKey, remote: 'origin', base: ctx.event.defaultBranch, branch });
  if (held === undefined) return undefined;
  ctx.io.info(`${pipeline.spec.name}: ${branch} already proposes this run as v${held.version} on ${ctx.event.defaultBranch}'s tip: updating its pull request, not training`);
  await ctx.git.setBranch(branch, held.commit);
  return { version: held.version, pr: await publish(ctx, pipeline, held, why) };
}

/**
 * Proposes the run as the next version on the registration branch and publishes its pull
 * request. `registered`: the default branch already has it (the caller opens the deployment pull
 * request); `refused`: failed gates, reported by the caller as for a push.
 */
export async function proposeAndPublish(
  ctx: ActionContext,
  pipeline: ValidPipeline,
  run: LoadedRun,
  why: Why,
): Promise<Proposed> {
  const result = await proposeRegistration(
    { git: ctx.git, files: ctx.files, log: logger(ctx.io), clock: { now: () => Date.now() }, sleep: ctx.sleep },
    { run, pipelinePath: pipeline.file, remote: 'origin', base: ctx.event.defaultBranch, branch: registrationBranch(pipeline.spec.name) },
  );
  if (result.action === 'registered' || result.action === 'refused') return result;
  return { action: 'proposed', version: result.version, pr: await publish(ctx, pipeline, result, why) };
}

async function publish(ctx: ActionContext, pipeline: ValidPipeline, proposal: Proposal, why: Why): Promise<string> {
  const { model, version, branch, commit } = proposal;
  const card = (await ctx.git.tryShowFile(commit, `./${versionDir(model, version)}/card.md`)) ?? '';
  const body = registrationPrBody({ model, version, base: ctx.event.defaultBranch, env: pipeline.spec.deploy.environments[0], why, card });
  const pr = await publishPullRequest(ctx, { branch, title: `Register ${model} v${version}`, body });
  ctx.io.notice(`${model} v${version} is proposed in ${pr.url}: merging it registers the version; the release after the merge opens the deployment pull request`);
  return pr.url;
}
