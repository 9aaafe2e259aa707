import type { Manifest } from './manifest.js';

/** One commit on the mainline (first-parent line) that changed an environment's manifest. */
export interface ManifestChange {
  commit: string;
  parents: string[];
  /** The manifest's text after this commit; undefined when the commit deleted it. */
  text?: string;
  /** That text parsed; undefined when absent or invalid. */
  manifest?: Manifest;
}

export interface RollbackInput {
  model: string;
  env: string;
  /** The mainline commits that changed the manifest, newest first (`git log --first-parent -- <manifest>`). */
  changes: readonly ManifestChange[];
  /** Go back to the newest state whose main version was this one. */
  to?: number;
  /** Undo the last change alone, whatever it brings back (e.g. a canary). Ignored with `to`. */
  undoLast?: boolean;
  /** The versions committed in the registry, so a refusal never suggests promoting one that does not exist. */
  registered?: readonly number[];
}

export type RollbackPlan =
  | {
      action: 'revert';
      /** Commits to revert, newest first; merges relative to their first parent. */
      revert: { commit: string; mainline?: number }[];
      /** The manifest after the rollback (what the revert leaves), as text and parsed. */
      text: string;
      manifest: Manifest;
      message: string;
    }
  | { action: 'unchanged'; message: string }
  | { action: 'refused'; message: string; hint: string };

/**
 * Which manifest changes to revert, from the mainline log; pure. By default the version being
 * rolled back (the canary when there is one, else the main version) leaves the environment:
 * every change after the newest state that named it neither as main version nor as canary —
 * in an incident "roll back" means "take v2 out", and undoing only the last change of
 * canary → full rollout would bring v2 back as a canary (issue 14). With `undoLast`, the last
 * change alone. With `to`, every change after the newest state that said version N (preferring
 * one without a canary). Changes are reverted newest first, so each revert undoes exactly one
 * step and none conflicts. Refuses when nothing is left to go back to: no manifest, or a revert
 * that would delete it.
 */
export function planRollback(p: RollbackInput): RollbackPlan {
  const current = p.changes[0];
  const where = `models/${p.model}/deployments/${p.env}.yaml`;
  if (!current || current.text === undefined) {
    return {
      action: 'refused',
      message: `${p.model} has no ${p.env} manifest (${where}); there is nothing to roll back`,
      hint: `Promote a version first: pipepilot promote ${p.model} --version N --env ${p.env}.`,
    };
  }
  if (p.to === undefined && !p.undoLast && current.manifest) return planRemoval(p, current.manifest);
  const targetAt = p.to === undefined ? 1 : findVersion(p.changes, p.to);
  if (targetAt === 0) return { action: 'unchanged', message: `${p.model} ${p.env} already serves v${p.to}; nothing to roll back` };
  if (targetAt === undefined) {
    const seen = [...new Set(p.changes.flatMap((c) => (c.manifest ? [c.manifest.version] : [])))].sort((a, b) => a - b);
    return {
      action: 'refused',
      message: `${p.model} v${p.to} was never the version in ${p.env}'s manifest history (it named: ${seen.map((v) => `v${v}`).join(', ')})`,
      hint:
        p.registered === undefined || p.registered.includes(p.to!)
          ? `Roll back to one of those, or promote v${p.to} instead: pipepilot promote ${p.model} --version ${p.to} --env ${p.env}.`
          : `Roll back to one of those. v${p.to} does not exist: ${p.model} has ${p.registered.map((v) => `v${v}`).join(', ') || 'no versions'}.`,
    };
  }
  return revertTo(p, targetAt);
}

/** The default: the newest state that serves the outgoing version in no role. */
function planRemoval(p: RollbackInput, current: Manifest): RollbackPlan {
  const outgoing = current.canary?.version ?? current.version;
  const targetAt = p.changes.findIndex((c, i) => i > 0 && c.manifest !== undefined && c.manifest.version !== outgoing && c.manifest.canary?.version !== outgoing);
  if (targetAt < 0) {
    // No earlier state at all, or the one before is invalid: the plain refusals say which.
    if (!p.changes[1]?.manifest) return revertTo(p, 1);
    return {
      action: 'refused',
      message: `every earlier state of models/${p.model}/deployments/${p.env}.yaml served v${outgoing}; there is no state without it to roll back to`,
      hint: `Promote another version instead (pipepilot promote ${p.model} --version N --env ${p.env}), or undo only the last change with --undo-last.`,
    };
  }
  return revertTo(p, targetAt, outgoing);
}

function revertTo(p: RollbackInput, targetAt: number, outgoing?: number): RollbackPlan {
  const where = `models/${p.model}/deployments/${p.env}.yaml`;
  const current = p.changes[0];
  const target = p.changes[targetAt];
  if (!target?.manifest) {
    return {
      action: 'refused',
      message: `${where} has ${targetAt >= p.changes.length ? 'only one change, the one that created it' : 'no valid manifest before its last change'}; reverting would leave ${p.env} with no valid manifest`,
      hint: `Nothing to roll back to. Promote another version instead (pipepilot promote ${p.model} --version N --env ${p.env}), or delete the manifest in a pull request if ${p.env} should serve nothing.`,
    };
  }
  const reverted = p.changes.slice(0, targetAt);
  const revert = reverted.map((c) => ({ commit: c.commit, ...(c.parents.length > 1 ? { mainline: 1 } : {}) }));
  return { action: 'revert', revert, text: target.text!, manifest: target.manifest, message: rollbackMessage(p, { current: current.manifest, target: target.manifest, reverted, outgoing }) };
}

/** What a manifest serves, in the words of a commit subject: `v1`, or `v1 + canary v2 at 10%`. */
export function describeServing(m: Manifest): string {
  return m.canary ? `v${m.version} + canary v${m.canary.version} at ${m.canary.weight}%` : `v${m.version}`;
}

/** Index of the newest change after which the manifest's main version was `version`: one without a canary first. */
function findVersion(changes: readonly ManifestChange[], version: number): number | undefined {
  const at = (plain: boolean) => changes.findIndex((c) => c.manifest?.version === version && (!plain || !c.manifest.canary));
  const i = at(true) >= 0 ? at(true) : at(false);
  return i >= 0 ? i : undefined;
}

function rollbackMessage(p: RollbackInput, m: { current?: Manifest; target: Manifest; reverted: readonly ManifestChange[]; outgoing?: number }): string {
  const from = m.current ? describeServing(m.current) : 'an invalid manifest';
  const lines = m.reverted.map((c) =>
    c.parents.length > 1 ? `This reverts commit ${c.commit}, reversing changes made to ${c.parents[0]}.` : `This reverts commit ${c.commit}.`,
  );
  return [
    `rollback ${p.model} ${p.env} to ${describeServing(m.target)} (from ${from})`,
    '',
    ...(m.outgoing === undefined ? [] : [`Takes v${m.outgoing} out of ${p.env} (as main version and as canary).`]),
    m.reverted.length === 1 ? 'Reverts the last change to the manifest.' : `Reverts the last ${m.reverted.length} changes to the manifest, newest first.`,
    ...lines,
    '',
    `PipePilot-Model: ${p.model}`,
    `PipePilot-Environment: ${p.env}`,
    `PipePilot-Version: ${m.target.version}`,
  ].join('\n');
}
