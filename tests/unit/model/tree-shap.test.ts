import { describe, expect, it } from 'vitest';
import { fitGbdt, type GbdtSettings } from '../../../src/model/gbdt/boost.js';
import type { GbdtModelJson, TreeJson } from '../../../src/model/gbdt/tree-format.js';
import { TreeEnsemble, goesLeft } from '../../../src/model/gbdt/tree-predict.js';
import { gainImportance, treeShap } from '../../../src/model/gbdt/tree-shap.js';
import type { Task } from '../../../src/spec/types.js';
import { syntheticData } from './data.js';

const settings: GbdtSettings = { learningRate: 0.3, maxIter: 8, maxLeafNodes: 6, minSamplesLeaf: 5, minHessian: 1e-3, l2: 1, maxBins: 32, subsample: 1, colsample: 1 };

/** Four columns: three numbers (one a quarter missing) and a category with 3 codes. */
function model(task: Task): { m: GbdtModelJson; x: Float32Array; rows: number } {
  const d = syntheticData(task, 300, 4, 21);
  for (let r = 0; r < d.rows; r++) {
    if (r % 4 === 1) d.x[r * 4 + 1] = NaN;
    d.x[r * 4 + 3] = r % 3;
    if (r % 3 === 0 && task === 'regression') d.y[r] += 100;
  }
  const columns = [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'k', categories: 3 }];
  const f = fitGbdt({ task, settings, seed: 2, ...d, columns });
  return { m: f.model, x: d.x.subarray(0, 40 * 4), rows: 40 };
}

/** E[tree(x) | x_S] by Algorithm 1 of Lundberg et al.: follow x where S fixes the feature, else average the children by row counts. */
function expValue(tree: TreeJson, x: Float32Array, off: number, subset: Set<number>, node = 0): number {
  const f = tree.feature[node];
  if (f < 0) return tree.value[node];
  const tables = tree.categories.map((c) => (c ? Uint8Array.from({ length: 256 }, (_, i) => (c.includes(i) ? 1 : 0)) : null));
  if (subset.has(f)) return expValue(tree, x, off, subset, goesLeft(tree, tables, node, x[off + f]) ? tree.left[node] : tree.right[node]);
  const [l, r] = [tree.left[node], tree.right[node]];
  return (tree.count[l] * expValue(tree, x, off, subset, l) + tree.count[r] * expValue(tree, x, off, subset, r)) / tree.count[node];
}

/** Shapley values by enumerating every subset of the features (2^4 here). */
function bruteShapley(m: GbdtModelJson, x: Float32Array, off: number, output: number): number[] {
  const n = m.features.length;
  const fact = (v: number): number => (v <= 1 ? 1 : v * fact(v - 1));
  const value = (s: Set<number>) => m.trees.filter((t) => t.output === output).reduce((acc, t) => acc + expValue(t, x, off, s), 0);
  const phi = new Array<number>(n).fill(0);
  for (let mask = 0; mask < 1 << n; mask++) {
    const s = new Set([...Array(n).keys()].filter((i) => mask & (1 << i)));
    for (let i = 0; i < n; i++) {
      if (s.has(i)) continue;
      const w = (fact(s.size) * fact(n - s.size - 1)) / fact(n);
      phi[i] += w * (value(new Set([...s, i])) - value(s));
    }
  }
  return phi;
}

describe('TreeSHAP', () => {
  it.each(['binary_classification', 'multiclass_classification', 'regression'] as const)('%s: contributions + expected value = margin, to 1e-6, for every row and output', (task) => {
    const { m, x, rows } = model(task);
    const k = m.outputs;
    const margins = new TreeEnsemble(m).margins(x, rows, 4);
    const { expected, values } = treeShap(m, x, rows, 4);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < k; c++) {
        let sum = expected[c];
        for (let f = 0; f < 4; f++) sum += values[(r * k + c) * 4 + f];
        expect(Math.abs(sum - margins[r * k + c])).toBeLessThan(1e-6);
      }
    }
  });

  it('equals the Shapley values computed by enumerating every feature subset (missing values and categories included)', () => {
    const { m, x } = model('binary_classification');
    const { values } = treeShap(m, x, 12, 4);
    for (let r = 0; r < 12; r++) {
      const brute = bruteShapley(m, x, r * 4, 0);
      for (let f = 0; f < 4; f++) expect(values[r * 4 + f]).toBeCloseTo(brute[f], 9);
    }
  });

  it('gain importance: shares sum to 1, sorted, the signal features first and an unused one at 0', () => {
    const { m } = model('binary_classification');
    const imp = gainImportance(m);
    expect(imp.reduce((s, i) => s + i.share, 0)).toBeCloseTo(1, 12);
    expect(imp.map((i) => i.gain)).toEqual([...imp.map((i) => i.gain)].sort((a, b) => b - a));
    expect(imp[0].feature).toBe('a'); // the synthetic label depends most on column a
    const none = gainImportance({ ...m, trees: [] });
    expect(none.every((i) => i.share === 0)).toBe(true);
  });
});
