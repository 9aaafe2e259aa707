import { describe, expect, it } from 'vitest';
import { planStudy, proposeTrial, runStudy, shardTrials } from '../../../src/tune/study.js';
import { bestTrial, type TrialRecord } from '../../../src/tune/trial.js';
import { comparable, inOrderExecutor, scrambledExecutor, tuneSpec } from './study-fixture.js';

async function study(over: Parameters<typeof tuneSpec>[0], opts: { salt?: number; numbers?: number[]; finished?: TrialRecord[] } = {}) {
  const plan = planStudy(tuneSpec(over));
  const { trials } = await runStudy({
    plan,
    numbers: opts.numbers ?? shardTrials(plan),
    finished: opts.finished ?? [],
    execute: opts.salt === undefined ? inOrderExecutor : scrambledExecutor(opts.salt),
  });
  return trials;
}

describe('a study runs the same trials in the same order whatever finishes first', () => {
  for (const sampler of ['random', 'tpe', 'grid'] as const) {
    it(`${sampler}: in-order and scrambled completion give identical trials`, async () => {
      const over = { sampler, trials: 30, pruner: 'median' as const };
      const a = await study(over);
      const b = await study(over, { salt: 5 });
      expect(a).toHaveLength(sampler === 'grid' ? 15 : 30);
      expect(comparable(b)).toEqual(comparable(a));
    });
  }

  it('a different study seed gives different trials', async () => {
    const a = await study({ seed: 1 });
    const b = await study({ seed: 2 });
    expect(a[0].params).not.toEqual(b[0].params);
  });

  it('a resumed study (the first 9 trials already on disk) equals an uninterrupted one', async () => {
    const full = await study({ sampler: 'tpe', trials: 24, pruner: 'median' });
    const resumed = await study({ sampler: 'tpe', trials: 24, pruner: 'median' }, { finished: full.slice(0, 9) });
    expect(comparable(resumed)).toEqual(comparable(full));
  });

  it('trial n sees only trials of earlier groups: its proposal ignores trials of its own group', () => {
    const plan = planStudy(tuneSpec({ sampler: 'tpe', parallelism: 4 }));
    const finishedTrials = Array.from({ length: 14 }, (_, n): TrialRecord => ({
      number: n, params: { x: n - 5, kind: 'a' }, value: n, state: 'complete', duration_ms: 0, intermediate: [],
    }));
    // Trial 13 is in group 12–15: trials 12 and 13 of the list must not matter.
    expect(proposeTrial(plan, 13, finishedTrials)).toEqual(proposeTrial(plan, 13, finishedTrials.slice(0, 12)));
    expect(proposeTrial(plan, 13, finishedTrials)).not.toEqual(proposeTrial(plan, 13, finishedTrials.slice(0, 11)));
  });
});

describe('shards', () => {
  it('random: shards 0/3, 1/3, 2/3 together are exactly the unsharded study', async () => {
    const plan = planStudy(tuneSpec({ trials: 20 }));
    const whole = await study({ trials: 20 });
    const parts = await Promise.all([0, 1, 2].map((index) => study({ trials: 20 }, { numbers: shardTrials(plan, { index, count: 3 }) })));
    expect(parts.map((p) => p.map((t) => t.number % 3))).toEqual([[0, 0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1], [2, 2, 2, 2, 2, 2]]);
    expect(comparable(parts.flat().sort((a, b) => a.number - b.number))).toEqual(comparable(whole));
  });

  it('grid: the shards cover every cell once between them', async () => {
    const plan = planStudy(tuneSpec({ sampler: 'grid', trials: 100, grid_points: 4 }));
    expect(plan.trials).toBe(12);
    const parts = await Promise.all([0, 1].map((index) => study({ sampler: 'grid', trials: 100, grid_points: 4 }, { numbers: shardTrials(plan, { index, count: 2 }) })));
    const cells = parts.flat().map((t) => JSON.stringify(t.params));
    expect(new Set(cells).size).toBe(12);
  });
});

describe('samplers', () => {
  it('tpe finds the optimum better than random with the same budget, over several seeds', async () => {
    const gap = async (sampler: 'tpe' | 'random', seed: number) =>
      (bestTrial(await study({ sampler, seed, trials: 40, parallelism: 1 }), 'minimize')?.value ?? Infinity);
    const seeds = [1, 2, 3, 4, 5];
    const tpe = await Promise.all(seeds.map((s) => gap('tpe', s)));
    const rnd = await Promise.all(seeds.map((s) => gap('random', s)));
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[2];
    expect(median(tpe)).toBeLessThan(median(rnd));
  });

  it('int with log stays in range and integer; a conditional param appears only when its condition holds', async () => {
    const trials = await study({
      sampler: 'tpe', trials: 30,
      space: {
        kind: { choice: ['a', 'b', 'c'] },
        x: { uniform: [-5, 5], when: { kind: ['b'] } },
        units: { int: [1, 512], log: true },
      },
    });
    for (const t of trials) {
      const u = t.params.units as number;
      expect(Number.isInteger(u) && u >= 1 && u <= 512).toBe(true);
      expect('x' in t.params).toBe(t.params.kind === 'b');
    }
    expect(new Set(trials.map((t) => t.params.kind)).size).toBe(3);
  });
});

describe('pruning', () => {
  it('median: trials whose curve is above the median of complete trials stop early; none before 5 complete', async () => {
    const trials = await study({ pruner: 'median', trials: 30 });
    const pruned = trials.filter((t) => t.state === 'pruned');
    expect(pruned.length).toBeGreaterThan(0);
    for (const t of pruned) expect(t.pruned_at).toBeLessThan(20);
    expect(trials.slice(0, 8).every((t) => t.state === 'complete')).toBe(true);
  });

  it('successive halving prunes at rungs 1, 4, 16 only', async () => {
    const trials = await study({ pruner: 'successive_halving', trials: 30 });
    const rungs = new Set(trials.filter((t) => t.state === 'pruned').map((t) => t.pruned_at));
    expect(rungs.size).toBeGreaterThan(0);
    for (const r of rungs) expect([1, 4, 16]).toContain(r);
  });

  it('none: every trial completes', async () => {
    const trials = await study({ pruner: 'none', trials: 12 });
    expect(trials.every((t) => t.state === 'complete')).toBe(true);
  });
});
