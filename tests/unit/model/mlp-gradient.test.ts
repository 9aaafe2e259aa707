import { describe, expect, it } from 'vitest';
import { MlpNetwork } from '../../../src/model/mlp-network.js';
import type { OutputActivation } from '../../../src/model/types.js';
import { Rng } from '../../../src/rng.js';
import type { Activation } from '../../../src/spec/types.js';

/** Objective the training step differentiates: mean data loss + 0.5·l2·‖W‖² (biases unpenalized). */
function objective(net: MlpNetwork, y: Float64Array, rows: number, l2: number, sizes: number[]): number {
  let penalty = 0;
  let off = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const nw = sizes[l] * sizes[l + 1];
    for (let i = off; i < off + nw; i++) penalty += net.params[i] ** 2;
    off += nw + sizes[l + 1];
  }
  return net.evaluateLoss(y, rows) / rows + 0.5 * l2 * penalty;
}

function check(activation: Activation, output: OutputActivation, outUnits: number): number {
  // Odd sizes on purpose: 5 rows and 7/6 units exercise the kernels' ragged-edge paths too.
  const sizes = [3, 7, 6, outUnits];
  const rows = 5;
  const l2 = 0.05;
  const rng = new Rng(11);
  const net = new MlpNetwork({ sizes, activation, output, dropout: 0 }, rows);
  net.initGlorot(rng);
  for (let i = 0; i < net.params.length; i++) net.params[i] += 0.1 * rng.normal(); // non-zero biases
  for (let i = 0; i < rows * sizes[0]; i++) net.input[i] = rng.normal();
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) y[r] = output === 'linear' ? rng.normal() : output === 'sigmoid' ? r % 2 : r % outUnits;
  net.computeGradients(y, rows, l2);
  const analytic = Float64Array.from(net.grads);
  let worst = 0;
  const h = 1e-6;
  for (let i = 0; i < net.params.length; i++) {
    const keep = net.params[i];
    net.params[i] = keep + h;
    const up = objective(net, y, rows, l2, sizes);
    net.params[i] = keep - h;
    const down = objective(net, y, rows, l2, sizes);
    net.params[i] = keep;
    const numeric = (up - down) / (2 * h);
    worst = Math.max(worst, Math.abs(numeric - analytic[i]) / Math.max(1, Math.abs(numeric)));
  }
  return worst;
}

describe('MLP backward pass matches finite differences', () => {
  const activations: Activation[] = ['tanh', 'sigmoid', 'elu', 'selu', 'linear', 'relu'];
  for (const activation of activations) {
    it(`${activation} hidden layers, all three output losses with L2`, () => {
      expect(check(activation, 'sigmoid', 1)).toBeLessThan(1e-6);
      expect(check(activation, 'softmax', 4)).toBeLessThan(1e-6);
      expect(check(activation, 'linear', 1)).toBeLessThan(1e-6);
    });
  }
});
