import { describe, expect, it } from 'vitest';
import { serializeManifest, type Manifest } from '../../../src/registry/manifest.js';
import { planRollback, type ManifestChange } from '../../../src/registry/plan-rollback.js';

function change(commit: string, manifest: Manifest | undefined, merge = false): ManifestChange {
  return { commit, parents: merge ? [`${commit}-main`, `${commit}-branch`] : [`${commit}-main`], text: manifest && serializeManifest(manifest), manifest };
}
const m = (version: number, canary?: number): Manifest => ({ model: 'bc', version, ...(canary ? { canary: { version: canary, weight: 10 } } : {}), reason: `v${version}` });

describe('planRollback', () => {
  it('undoes the last change: a merge relative to its first parent, restoring the text before it', () => {
    const plan = planRollback({ model: 'bc', env: 'production', undoLast: true, changes: [change('c3', m(3), true), change('c2', m(2)), change('c1', m(1))] });
    expect(plan).toMatchObject({ action: 'revert', revert: [{ commit: 'c3', mainline: 1 }], manifest: m(2), text: serializeManifest(m(2)) });
    if (plan.action !== 'revert') return;
    expect(plan.message).toMatch(/^rollback bc production to v2 \(from v3\)\n\nReverts the last change to the manifest\.\nThis reverts commit c3, reversing changes made to c3-main\./);
    const plain = planRollback({ model: 'bc', env: 'production', undoLast: true, changes: [change('c2', m(2)), change('c1', m(1))] });
    expect(plain).toMatchObject({ revert: [{ commit: 'c2' }] });
    expect(plain.action === 'revert' && plain.revert[0].mainline).toBeUndefined();
  });

  it('--to N reverts every change after the newest plain state that said N, newest first', () => {
    const changes = [change('c4', m(3), true), change('c3', m(1, 3), true), change('c2', m(1), true), change('c1', m(2)), change('c0', m(1))];
    expect(planRollback({ model: 'bc', env: 'production', changes, to: 1 })).toMatchObject({ revert: [{ commit: 'c4' }, { commit: 'c3' }], manifest: m(1) });
    expect(planRollback({ model: 'bc', env: 'production', changes, to: 2 })).toMatchObject({ revert: [{ commit: 'c4' }, { commit: 'c3' }, { commit: 'c2' }], manifest: m(2) });
    expect(planRollback({ model: 'bc', env: 'production', changes, to: 3 })).toEqual({ action: 'unchanged', message: 'bc production already serves v3; nothing to roll back' });
    // Only a state with a canary said N: that one, rather than nothing.
    expect(planRollback({ model: 'bc', env: 'production', changes: [change('b', m(2)), change('a', m(1, 2))], to: 1 })).toMatchObject({ manifest: m(1, 2) });
  });

  it('by default takes the outgoing version out: canary → full rollout rolls back to v1 alone, not to the canary', () => {
    const changes = [change('c3', m(2), true), change('c2', m(1, 2), true), change('c1', m(1))];
    const plan = planRollback({ model: 'bc', env: 'production', changes });
    expect(plan).toMatchObject({ action: 'revert', revert: [{ commit: 'c3' }, { commit: 'c2' }], manifest: m(1) });
    expect(plan.action === 'revert' && plan.message.split('\n').slice(0, 3)).toEqual(['rollback bc production to v1 (from v2)', '', 'Takes v2 out of production (as main version and as canary).']);
    // Undo-last is still there, and its subject says the canary comes back.
    const undo = planRollback({ model: 'bc', env: 'production', changes, undoLast: true });
    expect(undo).toMatchObject({ revert: [{ commit: 'c3' }], manifest: m(1, 2) });
    expect(undo.action === 'revert' && undo.message.split('\n')[0]).toBe('rollback bc production to v1 + canary v2 at 10% (from v2)');
  });

  it('by default a running canary is the outgoing version: v2 + canary v3 goes back to the newest state without v3', () => {
    const changes = [change('c4', m(2, 3)), change('c3', m(2)), change('c2', m(1, 2)), change('c1', m(1))];
    expect(planRollback({ model: 'bc', env: 'production', changes })).toMatchObject({ revert: [{ commit: 'c4' }], manifest: m(2) });
    // A state naming v3 as the main version does not count as "without v3" either.
    const main = [change('c3', m(3)), change('c2', m(2, 3)), change('c1', m(2))];
    expect(planRollback({ model: 'bc', env: 'production', changes: main })).toMatchObject({ revert: [{ commit: 'c3' }, { commit: 'c2' }], manifest: m(2) });
    // Nor does an earlier state that already served v3 alone (e.g. before a change of reason only).
    const again = [change('c3', m(3)), change('c2', m(3)), change('c1', m(2))];
    expect(planRollback({ model: 'bc', env: 'production', changes: again })).toMatchObject({ revert: [{ commit: 'c3' }, { commit: 'c2' }], manifest: m(2) });
    const never = planRollback({ model: 'bc', env: 'production', changes: [change('c2', m(3)), change('c1', m(2, 3))] });
    expect(never).toMatchObject({ action: 'refused', message: expect.stringMatching(/every earlier state .* served v3/), hint: expect.stringMatching(/--undo-last/) });
  });

  it('--to a version that was never registered does not suggest promoting it', () => {
    const changes = [change('c2', m(2)), change('c1', m(1))];
    expect(planRollback({ model: 'bc', env: 'production', changes, to: 5, registered: [1, 2] })).toMatchObject({ action: 'refused', hint: 'Roll back to one of those. v5 does not exist: bc has v1, v2.' });
    expect(planRollback({ model: 'bc', env: 'production', changes, to: 3, registered: [1, 2, 3] })).toMatchObject({ hint: expect.stringMatching(/promote v3 instead/) });
  });

  it('refuses when there is nothing to go back to', () => {
    const refuse = (changes: ManifestChange[], to?: number) => planRollback({ model: 'bc', env: 'production', changes, to });
    expect(refuse([])).toMatchObject({ action: 'refused', message: expect.stringMatching(/no production manifest/) });
    expect(refuse([change('gone', undefined), change('c1', m(1))])).toMatchObject({ action: 'refused', message: expect.stringMatching(/no production manifest/) });
    expect(refuse([change('c1', m(1))])).toMatchObject({ action: 'refused', message: expect.stringMatching(/only one change, the one that created it/) });
    const invalidBefore: ManifestChange = { commit: 'c1', parents: [], text: 'version: [', manifest: undefined };
    expect(refuse([change('c2', m(2)), invalidBefore])).toMatchObject({ action: 'refused', message: expect.stringMatching(/no valid manifest before its last change/) });
    expect(refuse([change('c2', m(2)), change('c1', m(1))], 7)).toMatchObject({ action: 'refused', message: expect.stringMatching(/v7 was never the version.*\(it named: v1, v2\)/) });
  });

  it('a broken current manifest can still be rolled back to the valid one before it', () => {
    const broken: ManifestChange = { commit: 'c2', parents: ['p'], text: 'model: bc\nversion: oops\n', manifest: undefined };
    const plan = planRollback({ model: 'bc', env: 'production', changes: [broken, change('c1', m(1))] });
    expect(plan).toMatchObject({ action: 'revert', manifest: m(1) });
    expect(plan.action === 'revert' && plan.message.split('\n')[0]).toBe('rollback bc production to v1 (from an invalid manifest)');
  });
});

describe('planRollback word for word, and past invalid states (mutation testing, issue 15)', () => {
  it('the commit message: subject, what leaves, how many changes, one line per revert (merge or not), the trailers', () => {
    const changes = [change('c3', m(2), true), change('c2', m(1, 2)), change('c1', m(1))];
    const plan = planRollback({ model: 'bc', env: 'production', changes });
    expect(plan.action === 'revert' && plan.message).toBe([
      'rollback bc production to v1 (from v2)',
      '',
      'Takes v2 out of production (as main version and as canary).',
      'Reverts the last 2 changes to the manifest, newest first.',
      'This reverts commit c3, reversing changes made to c3-main.',
      'This reverts commit c2.',
      '',
      'PipePilot-Model: bc',
      'PipePilot-Environment: production',
      'PipePilot-Version: 1',
    ].join('\n'));
  });

  it('the refusals name the manifest and say what to do instead', () => {
    expect(planRollback({ model: 'bc', env: 'staging', changes: [] })).toEqual({
      action: 'refused',
      message: 'bc has no staging manifest (models/bc/deployments/staging.yaml); there is nothing to roll back',
      hint: 'Promote a version first: pipepilot promote bc --version N --env staging.',
    });
    expect(planRollback({ model: 'bc', env: 'staging', changes: [change('c1', m(1))] })).toEqual({
      action: 'refused',
      message: 'models/bc/deployments/staging.yaml has only one change, the one that created it; reverting would leave staging with no valid manifest',
      hint: 'Nothing to roll back to. Promote another version instead (pipepilot promote bc --version N --env staging), or delete the manifest in a pull request if staging should serve nothing.',
    });
  });

  it('invalid manifests in the history are passed over, by default and with --to', () => {
    const invalid: ManifestChange = { commit: 'c2', parents: ['p'], text: 'version: [', manifest: undefined };
    const changes = [change('c3', m(2)), invalid, change('c1', m(1))];
    expect(planRollback({ model: 'bc', env: 'production', changes })).toMatchObject({ action: 'revert', revert: [{ commit: 'c3' }, { commit: 'c2' }], manifest: m(1) });
    expect(planRollback({ model: 'bc', env: 'production', changes, to: 1 })).toMatchObject({ action: 'revert', revert: [{ commit: 'c3' }, { commit: 'c2' }], manifest: m(1) });
    expect(planRollback({ model: 'bc', env: 'production', changes, to: 4 })).toMatchObject({ action: 'refused', message: expect.stringMatching(/\(it named: v1, v2\)$/) });
    expect(planRollback({ model: 'bc', env: 'production', changes, to: 4, registered: [] })).toMatchObject({ hint: 'Roll back to one of those. v4 does not exist: bc has no versions.' });
  });
});
