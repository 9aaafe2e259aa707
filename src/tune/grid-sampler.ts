import { PipePilotError } from '../errors.js';
import { Rng } from '../rng.js';
import { isActive, type Distribution, type ParamDef, type TrialParams } from './space.js';

/** More grid cells than this is not a grid search any more; random or tpe cover such spaces. */
export const MAX_GRID_CELLS = 100_000;

/** The values a param takes on the grid: every choice, every integer of a short int range, else `points` evenly (log-evenly) spaced. */
export function gridValues(dist: Distribution, points: number): unknown[] {
  if (dist.kind === 'choice') return [...dist.choices];
  if (dist.kind === 'int' && dist.high - dist.low + 1 <= points) {
    return Array.from({ length: dist.high - dist.low + 1 }, (_, i) => dist.low + i);
  }
  const [a, b] = dist.log ? [Math.log(dist.low), Math.log(dist.high)] : [dist.low, dist.high];
  const values = Array.from({ length: points }, (_, i) => {
    const t = a + ((b - a) * i) / (points - 1);
    const v = dist.log ? Math.exp(t) : t;
    return dist.kind === 'int' ? Math.round(v) : v;
  });
  return [...new Set(values)];
}

/**
 * The grid: the Cartesian product of every param's grid values, visited in one seeded random
 * order (as Optuna's GridSampler does) so a study stopped early still spreads over the space.
 * Trial n takes cell order[n]: it depends on (seed, n) only, so shards and workers agree.
 */
export class Grid {
  readonly size: number;
  private readonly values: unknown[][];
  private readonly order: Uint32Array;

  constructor(private readonly defs: readonly ParamDef[], opts: { points: number; seed: number }) {
    this.values = defs.map((d) => gridValues(d.dist, opts.points));
    this.size = this.values.reduce((n, v) => n * v.length, 1);
    if (this.size > MAX_GRID_CELLS) {
      throw new PipePilotError(`the grid has ${this.size} cells (more than ${MAX_GRID_CELLS})`, {
        hint: 'lower tune.grid_points, search fewer params, or use sampler: random or tpe',
      });
    }
    this.order = new Rng(opts.seed).shuffle(Uint32Array.from({ length: this.size }, (_, i) => i));
  }

  /** Params of trial n (n < size); conditional params that are inactive in the cell are left out. */
  trial(n: number): TrialParams {
    let cell = this.order[n % this.size];
    const chosen = new Map<string, unknown>();
    this.defs.forEach((d, i) => {
      const k = this.values[i].length;
      chosen.set(d.name, this.values[i][cell % k]);
      cell = Math.floor(cell / k);
    });
    const out: TrialParams = {};
    for (const d of this.defs) if (isActive(d, out)) out[d.name] = chosen.get(d.name);
    return out;
  }
}
