import { UsageError } from '../errors.js';
import { promote } from '../use-cases/promote.js';
import { describeServing } from '../registry/plan-rollback.js';
import { rollback } from '../use-cases/rollback.js';
import { logger, type ActionContext, type CommandOutcome } from './action-context.js';
import { deploymentReviewBody, publishPullRequest } from './deployment-pr.js';

/** workflow_dispatch with `command: promote` → the pull request that changes the environment's manifest. */
export async function promoteCommand(ctx: ActionContext): Promise<CommandOutcome> {
  const { model, version, environment: env, canaryWeight } = ctx.inputs;
  if (model === undefined || version === undefined || env === undefined) {
    throw new UsageError('promote needs the inputs model, version and environment', { hint: 'e.g. model: churn, version: 4, environment: production (canary-weight: 10 for a canary).' });
  }
  if (ctx.inputs.undoLast) throw new UsageError('undo-last is an input of rollback, not promote', { hint: 'Leave undo-last empty or false for promote.' });
  const result = await promote({ git: ctx.git, log: logger(ctx.io) }, { model, version, env, canaryWeight, reason: `promoted by ${actor(ctx)} (workflow_dispatch)` });
  if (result.action === 'refused') return { failures: [`${result.message} (${result.hint})`], outputs: {} };
  if (result.action === 'unchanged' && result.branch === undefined) {
    ctx.io.notice(result.message);
    return { failures: [], outputs: { version: String(version) } };
  }
  const { body } = await deploymentReviewBody(ctx, {
    model,
    env,
    kind: 'deploy',
    branch: result.branch!,
    manifest: result.action === 'unchanged' ? undefined : result.manifest,
    origin: `Requested by ${actor(ctx)} with the PipePilot workflow (command: promote). The version was verified against its digests at the commit this branch starts from.`,
  });
  const pr = await publishPullRequest(ctx, {
    branch: result.branch!,
    title: canaryWeight === undefined ? `Deploy ${model} v${version} to ${env}` : `Canary ${model} v${version} at ${canaryWeight}% in ${env}`,
    body,
  });
  return { failures: [], outputs: { version: String(version), 'deployment-pr': pr.url } };
}

/** workflow_dispatch with `command: rollback` → the pull request that takes the newest version out of the environment (or goes back to `version`). */
export async function rollbackCommand(ctx: ActionContext): Promise<CommandOutcome> {
  const { model, environment: env, version: to, undoLast } = ctx.inputs;
  if (model === undefined || env === undefined) {
    throw new UsageError('rollback needs the inputs model and environment', { hint: 'e.g. model: churn, environment: production (version: 3 to go back to the state that last named v3).' });
  }
  if (undoLast && to !== undefined) {
    throw new UsageError('rollback takes version or undo-last, not both', { hint: 'version: 3 goes back to the state that last named v3; undo-last: true reverts only the last manifest change.' });
  }
  const result = await rollback({ git: ctx.git, log: logger(ctx.io) }, { model, env, to, undoLast });
  if (result.action === 'refused') return { failures: [`${result.message} (${result.hint})`], outputs: {} };
  if (result.action === 'unchanged' && result.branch === undefined) {
    ctx.io.notice(result.message);
    return { failures: [], outputs: {} };
  }
  const { body, after } = await deploymentReviewBody(ctx, {
    model,
    env,
    kind: 'rollback',
    branch: result.branch!,
    manifest: result.action === 'unchanged' ? undefined : result.manifest,
    origin: `Requested by ${actor(ctx)} with the PipePilot workflow (command: rollback).`,
    reverted: result.action === 'unchanged' ? undefined : result.reverted,
  });
  const pr = await publishPullRequest(ctx, { branch: result.branch!, title: `Roll back ${model} in ${env} to ${describeServing(after)}`, body });
  return { failures: [], outputs: { version: String(after.version), 'deployment-pr': pr.url } };
}

function actor(ctx: ActionContext): string {
  const sender = (ctx.event.payload.sender as { login?: string } | undefined)?.login;
  return sender ? `@${sender}` : 'a workflow run';
}
