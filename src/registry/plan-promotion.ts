import { serializeManifest, type Manifest } from './manifest.js';

/** Environments when a pipeline does not say (`deploy.environments`' schema default). */
export const DEFAULT_ENVIRONMENTS = ['staging', 'production'] as const;

export interface PromotionInput {
  model: string;
  env: string;
  version: number;
  /** Percent of traffic for `version` as a canary beside the current version: an integer 1..99. */
  canaryWeight?: number;
  /** Why; recorded in the manifest and the commit. Required with `force`. */
  reason?: string;
  /** Skip the environment order (never verification); needs a reason, which says it was forced. */
  force?: boolean;
  /** The environment's manifest now (at the commit the branch starts from), if any. */
  current?: Manifest;
  /** Environment names in promotion order (the pipeline's `deploy.environments`). */
  environments: readonly string[];
  /** Every main version the previous environment's manifest has ever named (its git history, current included). */
  previousEnvVersions: readonly number[];
}

export type PromotionPlan =
  | { action: 'change'; manifest: Manifest; text: string; message: string }
  | { action: 'unchanged'; message: string }
  | { action: 'refused'; message: string; hint: string };

/**
 * Decides what a promotion writes, from plain data; pure and deterministic. A version reaches an
 * environment only after it was the main version of the one before (a canary there does not
 * count) unless forced with a reason. `--canary W` keeps the current version and adds the canary;
 * promoting without it makes the version the main one and drops any canary.
 */
export function planPromotion(p: PromotionInput): PromotionPlan {
  const refused = checkRequest(p);
  if (refused) return refused;
  const at = p.environments.indexOf(p.env);
  const previous = at > 0 ? p.environments[at - 1] : undefined;
  const skipped = previous !== undefined && !p.previousEnvVersions.includes(p.version);
  if (skipped && !p.force) {
    return {
      action: 'refused',
      message: `${p.model} v${p.version} has never been in ${previous}; ${p.env} comes after ${previous}`,
      hint: `Promote it to ${previous} first (pipepilot promote ${p.model} --version ${p.version} --env ${previous}), or override with --force --reason "why".`,
    };
  }
  const unchanged = alreadyThere(p);
  if (unchanged) return { action: 'unchanged', message: unchanged };
  if (p.canaryWeight !== undefined && !p.current) {
    return {
      action: 'refused',
      message: `${p.model} has no version in ${p.env} to run a canary beside`,
      hint: `Promote a version to ${p.env} without --canary first.`,
    };
  }
  const forced = skipped ? `forced past ${previous} (v${p.version} was never there): ` : '';
  const what = p.canaryWeight !== undefined ? `canary v${p.version} at ${p.canaryWeight}% in ${p.env}` : `promote v${p.version} to ${p.env}`;
  const reason = forced + (p.reason?.trim() || what);
  const manifest: Manifest =
    p.canaryWeight !== undefined && p.current
      ? { model: p.model, version: p.current.version, canary: { version: p.version, weight: p.canaryWeight }, reason }
      : { model: p.model, version: p.version, reason };
  return { action: 'change', manifest, text: serializeManifest(manifest), message: commitMessage(p, { what, reason, forced: skipped ? previous : undefined }) };
}

function checkRequest(p: PromotionInput): PromotionPlan | undefined {
  const refuse = (message: string, hint: string): PromotionPlan => ({ action: 'refused', message, hint });
  if (!p.environments.includes(p.env)) {
    return refuse(`'${p.env}' is not an environment of ${p.model}`, `Its pipeline's deploy.environments are: ${p.environments.join(', ')}.`);
  }
  if (p.canaryWeight !== undefined && !(Number.isInteger(p.canaryWeight) && p.canaryWeight >= 1 && p.canaryWeight <= 99)) {
    return refuse(`canary weight must be an integer percent from 1 to 99, got ${p.canaryWeight}`, 'E.g. --canary 10 sends 10% of requests to the new version.');
  }
  if (p.force && !p.reason?.trim()) return refuse('--force needs a --reason', 'Say why the environment order may be skipped: --force --reason "…"; it is recorded in the manifest and the commit.');
  if (p.canaryWeight !== undefined && p.current?.version === p.version) {
    return refuse(`${p.model} v${p.version} already takes all of ${p.env}'s traffic; it cannot also be its canary`, 'A canary is a newer version beside the current one.');
  }
  return undefined;
}

/** Why nothing would change, or undefined when something would. */
function alreadyThere(p: PromotionInput): string | undefined {
  const c = p.current;
  if (!c) return undefined;
  if (p.canaryWeight === undefined && c.version === p.version && !c.canary) return `${p.model} v${p.version} is already deployed to ${p.env}; nothing to do`;
  if (p.canaryWeight !== undefined && c.canary?.version === p.version && c.canary.weight === p.canaryWeight) {
    return `${p.model} v${p.version} is already the ${p.canaryWeight}% canary in ${p.env}; nothing to do`;
  }
  return undefined;
}

function commitMessage(p: PromotionInput, m: { what: string; reason: string; forced?: string }): string {
  const from = p.current ? `v${p.current.version}${p.current.canary ? ` (canary v${p.current.canary.version} at ${p.current.canary.weight}%)` : ''}` : 'nothing (first deployment)';
  return [
    `${m.what.replace(/^(promote|canary) /, `$1 ${p.model} `)}`,
    '',
    `${p.env} was: ${from}`,
    `reason: ${m.reason}`,
    ...(m.forced ? [`forced with --force: the version was never in ${m.forced}`] : []),
    '',
    `PipePilot-Model: ${p.model}`,
    `PipePilot-Environment: ${p.env}`,
    `PipePilot-Version: ${p.version}`,
  ].join('\n');
}
