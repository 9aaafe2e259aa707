import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/registry/manifest.js';
import { planPromotion, type PromotionInput } from '../../../src/registry/plan-promotion.js';

const base: PromotionInput = { model: 'bc', env: 'production', version: 2, environments: ['staging', 'production'], previousEnvVersions: [1, 2] };
const v1 = { model: 'bc', version: 1, reason: 'r' };

describe('planPromotion', () => {
  it('a version that was in staging replaces production\'s, as a change whose text parses back to the manifest', () => {
    const plan = planPromotion({ ...base, current: v1 });
    expect(plan.action).toBe('change');
    if (plan.action !== 'change') return;
    expect(plan.manifest).toEqual({ model: 'bc', version: 2, reason: 'promote v2 to production' });
    expect(parseManifest(plan.text, 'p.yaml')).toEqual(plan.manifest);
    expect(plan.message.split('\n')[0]).toBe('promote bc v2 to production');
    expect(plan.message).toContain('production was: v1\n');
    expect(plan.message).toMatch(/PipePilot-Version: 2$/);
  });

  it('the first environment needs nothing before it; a later one needs the previous one\'s history', () => {
    expect(planPromotion({ ...base, env: 'staging', previousEnvVersions: [] }).action).toBe('change');
    const refused = planPromotion({ ...base, previousEnvVersions: [1] });
    expect(refused).toMatchObject({ action: 'refused', message: 'bc v2 has never been in staging; production comes after staging' });
  });

  it('--force needs a reason, and the reason it is given says it was forced', () => {
    expect(planPromotion({ ...base, previousEnvVersions: [], force: true })).toMatchObject({ action: 'refused', message: '--force needs a --reason' });
    expect(planPromotion({ ...base, previousEnvVersions: [], force: true, reason: '  ' }).action).toBe('refused');
    const forced = planPromotion({ ...base, previousEnvVersions: [], force: true, reason: 'hotfix' });
    expect(forced).toMatchObject({ action: 'change', manifest: { reason: 'forced past staging (v2 was never there): hotfix' } });
    // Forcing when nothing is skipped records no override.
    expect(planPromotion({ ...base, force: true, reason: 'hotfix' })).toMatchObject({ manifest: { reason: 'hotfix' } });
  });

  it('the deployed version again is unchanged; with a canary of another version it drops the canary', () => {
    expect(planPromotion({ ...base, version: 1, current: v1 })).toEqual({ action: 'unchanged', message: 'bc v1 is already deployed to production; nothing to do' });
    const withCanary = { ...v1, canary: { version: 2, weight: 10 } };
    expect(planPromotion({ ...base, version: 1, current: withCanary })).toMatchObject({ action: 'change', manifest: { model: 'bc', version: 1, reason: 'promote v1 to production' } });
    const dropped = planPromotion({ ...base, version: 1, current: withCanary });
    expect(dropped.action === 'change' && 'canary' in dropped.manifest).toBe(false);
  });

  it('a canary keeps the current version; the same canary again is unchanged, a new weight is a change; promoting the canary drops it', () => {
    const canary = planPromotion({ ...base, current: v1, canaryWeight: 10 });
    expect(canary).toMatchObject({ action: 'change', manifest: { version: 1, canary: { version: 2, weight: 10 }, reason: 'canary v2 at 10% in production' } });
    if (canary.action !== 'change') return;
    expect(canary.message.split('\n')[0]).toBe('canary bc v2 at 10% in production');
    expect(planPromotion({ ...base, current: canary.manifest, canaryWeight: 10 }).action).toBe('unchanged');
    expect(planPromotion({ ...base, current: canary.manifest, canaryWeight: 50 })).toMatchObject({ manifest: { canary: { version: 2, weight: 50 } } });
    const full = planPromotion({ ...base, current: canary.manifest });
    expect(full).toMatchObject({ action: 'change', manifest: { version: 2 } });
    expect(full.action === 'change' && full.manifest.canary).toBeUndefined();
  });

  const refusals: [string, Partial<PromotionInput>, RegExp][] = [
    ['an environment the pipeline does not list', { env: 'prod' }, /'prod' is not an environment of bc/],
    ['a canary weight of 0', { current: v1, canaryWeight: 0 }, /integer percent from 1 to 99, got 0/],
    ['a canary weight of 100', { current: v1, canaryWeight: 100 }, /got 100/],
    ['a fractional canary weight', { current: v1, canaryWeight: 2.5 }, /got 2.5/],
    ['a canary with nothing deployed', { canaryWeight: 10 }, /no version in production to run a canary beside/],
    ['a canary of the main version', { version: 1, current: v1, canaryWeight: 10 }, /already takes all of production's traffic/],
  ];
  for (const [what, input, message] of refusals) {
    it(`refuses ${what}`, () => {
      const plan = planPromotion({ ...base, ...input });
      expect(plan.action).toBe('refused');
      if (plan.action === 'refused') {
        expect(plan.message).toMatch(message);
        expect(plan.hint).not.toBe('');
      }
    });
  }
});

describe('planPromotion: the boundaries and what the reviewer reads', () => {
  it('canary weights 1 and 99 are accepted, the edges of the range', () => {
    for (const w of [1, 99]) expect(planPromotion({ ...base, current: v1, canaryWeight: w })).toMatchObject({ action: 'change', manifest: { canary: { version: 2, weight: w } } });
  });

  it('every refusal carries the hint that says what to do', () => {
    const hint = (input: Partial<PromotionInput>) => {
      const plan = planPromotion({ ...base, ...input });
      return plan.action === 'refused' ? plan.hint : plan.action;
    };
    expect(hint({ env: 'prod' })).toBe("Its pipeline's deploy.environments are: staging, production.");
    expect(hint({ current: v1, canaryWeight: 0 })).toBe('E.g. --canary 10 sends 10% of requests to the new version.');
    expect(hint({ force: true })).toBe('Say why the environment order may be skipped: --force --reason "…"; it is recorded in the manifest and the commit.');
    expect(hint({ version: 1, current: v1, canaryWeight: 10 })).toBe('A canary is a newer version beside the current one.');
    expect(hint({ canaryWeight: 10 })).toBe('Promote a version to production without --canary first.');
    expect(hint({ previousEnvVersions: [1] })).toBe('Promote it to staging first (pipepilot promote bc --version 2 --env staging), or override with --force --reason "why".');
  });

  it('the commit says what the environment served before, the reason, and a forced skip', () => {
    const first = planPromotion({ ...base, env: 'staging', previousEnvVersions: [], reason: '  weekly retrain  ' });
    expect(first.action === 'change' && first.message).toBe([
      'promote bc v2 to staging', '', 'staging was: nothing (first deployment)', 'reason: weekly retrain', '',
      'PipePilot-Model: bc', 'PipePilot-Environment: staging', 'PipePilot-Version: 2',
    ].join('\n'));
    const forced = planPromotion({ ...base, previousEnvVersions: [], force: true, reason: 'hotfix', current: { ...v1, canary: { version: 3, weight: 10 } } });
    expect(forced.action === 'change' && forced.message.split('\n').slice(0, 6)).toEqual([
      'promote bc v2 to production', '', 'production was: v1 (canary v3 at 10%)', 'reason: forced past staging (v2 was never there): hotfix',
      'forced with --force: the version was never in staging', '',
    ]);
  });

  it('the same canary again says so; a version in the first of three environments needs nothing before it', () => {
    const canary = { ...v1, canary: { version: 2, weight: 10 } };
    expect(planPromotion({ ...base, current: canary, canaryWeight: 10 })).toEqual({ action: 'unchanged', message: 'bc v2 is already the 10% canary in production; nothing to do' });
    const three = { ...base, environments: ['dev', 'staging', 'production'] };
    expect(planPromotion({ ...three, env: 'dev', previousEnvVersions: [] }).action).toBe('change');
    expect(planPromotion({ ...three, env: 'staging', previousEnvVersions: [] })).toMatchObject({ action: 'refused', message: 'bc v2 has never been in dev; staging comes after dev' });
  });
});
