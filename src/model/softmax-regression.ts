import { minimizeLbfgs } from './lbfgs.js';
import type { SolverOptions } from './logistic.js';
import type { LinearFit } from './ridge.js';

/**
 * Multinomial (softmax) logistic regression by L-BFGS, with all k classes parameterized like
 * scikit-learn's multinomial LogisticRegression: minimizes mean(cross-entropy) + 0.5·l2·‖W‖²,
 * intercepts unpenalized (l2 = 1/n is C=1). Parameters: W (cols×k row-major) then b (k).
 */
export function fitSoftmaxRegression(
  x: Float32Array, rows: number, cols: number, y: Float64Array, k: number, opts: SolverOptions,
): LinearFit {
  const nw = cols * k;
  const logits = new Float64Array(k);
  const losses: number[] = [];
  let lastLoss = 0;
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      for (let c = 0; c < k; c++) logits[c] = theta[nw + c];
      for (let i = 0; i < cols; i++) {
        const xv = x[o + i];
        for (let c = 0; c < k; c++) logits[c] += xv * theta[i * k + c];
      }
      let m = logits[0];
      for (let c = 1; c < k; c++) if (logits[c] > m) m = logits[c];
      let s = 0;
      for (let c = 0; c < k; c++) s += Math.exp(logits[c] - m);
      const lse = m + Math.log(s);
      const target = y[r];
      loss += lse - logits[target];
      for (let c = 0; c < k; c++) {
        const g = Math.exp(logits[c] - lse) - (c === target ? 1 : 0);
        grad[nw + c] += g;
        for (let i = 0; i < cols; i++) grad[i * k + c] += g * x[o + i];
      }
    }
    let penalty = 0;
    for (let i = 0; i < nw; i++) {
      penalty += theta[i] * theta[i];
      grad[i] = grad[i] / rows + opts.l2 * theta[i];
    }
    for (let c = 0; c < k; c++) grad[nw + c] /= rows;
    lastLoss = loss / rows;
    return lastLoss + 0.5 * opts.l2 * penalty;
  };
  const result = minimizeLbfgs(objective, new Float64Array(nw + k), {
    maxIter: opts.maxIter,
    gtol: opts.tol,
    onIteration: () => losses.push(lastLoss),
  });
  const notes: string[] = [];
  if (!result.converged) {
    notes.push(`multinomial logistic regression did not converge in ${opts.maxIter} iterations; raise model.params.max_iter`);
  }
  return {
    weights: result.theta.slice(0, nw),
    bias: result.theta.slice(nw),
    iterations: result.iterations,
    losses: losses.length > 0 ? losses : [lastLoss],
    notes,
  };
}
