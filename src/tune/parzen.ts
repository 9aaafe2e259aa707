import type { Rng } from '../rng.js';

/**
 * Univariate Parzen estimators of TPE (Bergstra et al., 2011), with the choices of Optuna 3.1's
 * `_ParzenEstimator` as the reference: a prior kernel of weight 1 (mean mid-range, width the
 * range), kernel widths from the neighbours' distances, clipped by the "magic clip" to at least
 * range/min(100, 1 + kernels), and newer observations weighted more once there are 25.
 * Written here because no maintained JavaScript TPE exists; the numbers follow Optuna so its
 * behaviour is the reference the bench compares with.
 */

export const PRIOR_WEIGHT = 1;

/** Optuna's default_weights: flat below 25 observations, else a ramp from 1/n up to 1 for all but the newest 25. */
export function observationWeights(n: number): number[] {
  if (n < 25) return new Array<number>(n).fill(1);
  const ramp = n - 25;
  const out: number[] = [];
  for (let i = 0; i < ramp; i++) out.push(ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1));
  for (let i = 0; i < 25; i++) out.push(1);
  return out;
}

/** A mixture of normals truncated to [low, high] on the internal scale; `step` 1 makes it a distribution over integers. */
export class NumericParzen {
  private readonly mus: number[];
  private readonly sigmas: number[];
  private readonly weights: number[];

  constructor(observations: readonly number[], private readonly low: number, private readonly high: number) {
    const n = observations.length;
    const range = high - low;
    const priorMu = 0.5 * (low + high);
    const mus = [...observations, priorMu];
    const order = mus.map((_, i) => i).sort((a, b) => mus[a] - mus[b] || a - b);
    const sorted = order.map((i) => mus[i]);
    const withEnds = [low, ...sorted, high];
    const sortedSigmas = sorted.map((_, i) => Math.max(withEnds[i + 1] - withEnds[i], withEnds[i + 2] - withEnds[i + 1]));
    // consider_endpoints=False: the outermost kernels use their inner neighbour's distance only.
    if (sorted.length >= 2) {
      sortedSigmas[0] = withEnds[2] - withEnds[1];
      sortedSigmas[sorted.length - 1] = withEnds[sorted.length] - withEnds[sorted.length - 1];
    }
    const sigmas = new Array<number>(mus.length);
    order.forEach((orig, rank) => (sigmas[orig] = sortedSigmas[rank]));
    const minSigma = range / Math.min(100, 1 + mus.length);
    for (let i = 0; i < n; i++) sigmas[i] = Math.min(range, Math.max(minSigma, sigmas[i]));
    sigmas[n] = range;
    const w = [...observationWeights(n), PRIOR_WEIGHT];
    const total = w.reduce((a, b) => a + b, 0);
    this.mus = mus;
    this.sigmas = sigmas;
    this.weights = w.map((x) => x / total);
  }

  /** A draw: pick a kernel by weight, then a normal truncated to [low, high] (rejection, then clamp). */
  sample(rng: Rng): number {
    const k = pickIndex(this.weights, rng.next());
    for (let attempt = 0; attempt < 64; attempt++) {
      const x = this.mus[k] + this.sigmas[k] * rng.normal();
      if (x >= this.low && x <= this.high) return x;
    }
    return Math.min(this.high, Math.max(this.low, this.mus[k]));
  }

  /** log density at x; with `bin` [a, b], the log probability of that interval instead (integer params). */
  logPdf(x: number, bin?: [number, number]): number {
    let p = 0;
    for (let k = 0; k < this.mus.length; k++) {
      const mu = this.mus[k];
      const s = this.sigmas[k];
      const mass = normCdf((this.high - mu) / s) - normCdf((this.low - mu) / s);
      if (!(mass > 0)) continue;
      const part = bin
        ? normCdf((Math.min(bin[1], this.high) - mu) / s) - normCdf((Math.max(bin[0], this.low) - mu) / s)
        : Math.exp(-0.5 * ((x - mu) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
      p += (this.weights[k] * part) / mass;
    }
    return Math.log(Math.max(p, 1e-300));
  }
}

/** A mixture of smoothed one-hot kernels over choice indices, plus a uniform prior kernel (Optuna 3.1). */
export class CategoricalParzen {
  private readonly probs: number[];

  constructor(observations: readonly number[], choices: number) {
    const n = observations.length;
    const smooth = PRIOR_WEIGHT / (n + 1);
    const w = [...observationWeights(n), PRIOR_WEIGHT];
    const total = w.reduce((a, b) => a + b, 0);
    const probs = new Array<number>(choices).fill(0);
    observations.forEach((c, i) => {
      for (let j = 0; j < choices; j++) probs[j] += (w[i] / total) * ((j === c ? 1 : 0) + smooth) / (1 + smooth * choices);
    });
    for (let j = 0; j < choices; j++) probs[j] += (w[n] / total) / choices;
    this.probs = probs;
  }

  sample(rng: Rng): number {
    return pickIndex(this.probs, rng.next());
  }

  logPdf(index: number): number {
    return Math.log(Math.max(this.probs[index], 1e-300));
  }
}

function pickIndex(weights: readonly number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] / total;
    if (u < acc) return i;
  }
  return weights.length - 1;
}

/** Standard normal CDF via erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7: plenty for ranking candidates). */
export function normCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return sign * y;
}
