import { describe, expect, it } from 'vitest';
import { bootstrapIntervals } from '../../../src/evaluate/bootstrap.js';
import { taskResampler } from '../../../src/evaluate/evaluation.js';
import { Rng } from '../../../src/rng.js';

/**
 * Intervals pinned to what the bootstrap gave before issue 10 made it ~3× cheaper (draws into
 * counts, one row pass): the same seed must keep giving the same intervals, bit for bit, so
 * a model's recorded intervals do not move when PipePilot is upgraded. The figures were computed
 * by the code of commit 8d08f6d on this data; a change to the draws, their order, the counts
 * or a metric's arithmetic fails here.
 */
function data(n: number) {
  const rng = new Rng(2024);
  const y = new Float64Array(n), p = new Float32Array(n);
  const y3 = new Float64Array(n), p3 = new Float32Array(n * 3);
  const yr = new Float64Array(n), pr = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.next() < 0.4 ? 1 : 0;
    p[i] = Math.round(100 / (1 + Math.exp(-(2 * y[i] - 1 + rng.normal())))) / 100; // ties, as real scores have
    y3[i] = rng.int(3);
    let sum = 0;
    for (let k = 0; k < 3; k++) {
      p3[i * 3 + k] = (y3[i] === k ? 0.5 : 0) + rng.next();
      sum += p3[i * 3 + k];
    }
    for (let k = 0; k < 3; k++) p3[i * 3 + k] /= sum;
    yr[i] = rng.normal() * 3;
    pr[i] = yr[i] + rng.normal();
  }
  return { y, p, y3, p3, yr, pr };
}

const N = 2000;
const opts = (metrics: string[]) => ({ samples: 300, seed: 7, confidence: 0.95, metrics });

describe('bootstrap intervals at a fixed seed (pinned across the issue-10 speed-up)', () => {
  const d = data(N);

  it('binary: accuracy, roc_auc, f1, pr_auc, log_loss', () => {
    const reading = { task: 'binary_classification' as const, classes: ['a', 'b'], threshold: 0.5 };
    expect(bootstrapIntervals(taskResampler(reading, d.y, d.p), N, opts(['accuracy', 'roc_auc', 'f1', 'pr_auc', 'log_loss']))).toEqual({
      accuracy: { low: 0.8115, high: 0.8457625 },
      roc_auc: { low: 0.9043650541747382, high: 0.9277718182713571 },
      f1: { low: 0.772721018735363, high: 0.8157727693151402 },
      pr_auc: { low: 0.8626972382540874, high: 0.8976046359524951 },
      log_loss: { low: 0.40022592906712284, high: 0.42709266540591856 },
    });
  });

  it('multiclass: accuracy, f1_macro, balanced_accuracy, log_loss', () => {
    const reading = { task: 'multiclass_classification' as const, classes: ['a', 'b', 'c'], threshold: 0.5 };
    expect(bootstrapIntervals(taskResampler(reading, d.y3, d.p3), N, opts(['accuracy', 'f1_macro', 'balanced_accuracy', 'log_loss']))).toEqual({
      accuracy: { low: 0.7687125, high: 0.804525 },
      f1_macro: { low: 0.7686588596081491, high: 0.8044587958749715 },
      balanced_accuracy: { low: 0.768840380358616, high: 0.8044328608428531 },
      log_loss: { low: 0.699809190056077, high: 0.724250323339827 },
    });
  });

  it('regression: r2, rmse, mae', () => {
    const reading = { task: 'regression' as const, classes: [], threshold: 0.5 };
    expect(bootstrapIntervals(taskResampler(reading, d.yr, d.pr), N, opts(['r2', 'rmse', 'mae']))).toEqual({
      r2: { low: 0.8710524472068087, high: 0.893850651551019 },
      rmse: { low: 0.9700953449198115, high: 1.0348370100867053 },
      mae: { low: 0.7678949088966267, high: 0.8216343293512253 },
    });
  });
});
