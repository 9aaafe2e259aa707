import type { GbdtModelJson, TreeJson } from './tree-format.js';
import { goesLeft } from './tree-predict.js';

/**
 * Exact TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature attribution
 * for tree ensembles", Algorithm 2): per row, each feature's Shapley contribution to the
 * margin, in O(leaves · depth²) per tree, using the training row counts stored at each node as
 * the conditional expectations. Written here because no JS library computes it; the recursion
 * follows the reference implementation in the `shap` package (tree_shap.h).
 */
export interface Contributions {
  /** Per output: the margin's expectation over the training rows (base score + each tree's mean leaf). */
  expected: Float64Array;
  /** rows × outputs × features: contributions that, added to `expected`, give each row's margin. */
  values: Float64Array;
}

interface Path {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;
}

export function treeShap(model: GbdtModelJson, x: Float32Array, rows: number, cols: number): Contributions {
  const k = model.outputs;
  const expected = Float64Array.from(model.base_score);
  const values = new Float64Array(rows * k * cols);
  for (const tree of model.trees) {
    expected[tree.output] += treeExpectation(tree);
    const catTables = tree.categories.map((c) => (c ? table(c) : null));
    const maxd = treeDepth(tree, 0) + 2;
    const size = (maxd * (maxd + 1)) / 2;
    const path: Path = { feature: new Int32Array(size), zero: new Float64Array(size), one: new Float64Array(size), weight: new Float64Array(size) };
    for (let r = 0; r < rows; r++) {
      const phi = values.subarray((r * k + tree.output) * cols, (r * k + tree.output + 1) * cols);
      const walk: Walk = { tree, catTables, x, offset: r * cols, phi, path };
      recurse(walk, 0, 0, 0, 1, 1, -1);
    }
  }
  return { expected, values };
}

interface Walk {
  tree: TreeJson;
  catTables: (Uint8Array | null)[];
  x: Float32Array;
  offset: number;
  phi: Float64Array;
  path: Path;
}

/**
 * One step of Algorithm 2. The path of the current depth lives at `start` in the shared
 * buffers, after a copy of the parent's path (each level owns its own slice, as in tree_shap.h).
 */
function recurse(w: Walk, node: number, parentStart: number, depth: number, zero: number, one: number, feature: number): void {
  const { tree, path } = w;
  const start = parentStart + depth; // the parent's path had `depth` elements; ours follows it
  if (depth > 0) {
    path.feature.copyWithin(start, parentStart, parentStart + depth);
    path.zero.copyWithin(start, parentStart, parentStart + depth);
    path.one.copyWithin(start, parentStart, parentStart + depth);
    path.weight.copyWithin(start, parentStart, parentStart + depth);
  }
  extend(path, start, depth, zero, one, feature);
  const f = tree.feature[node];
  if (f < 0) {
    for (let i = 1; i <= depth; i++) {
      const s = unwoundSum(path, start, depth, i);
      w.phi[path.feature[start + i]] += s * (path.one[start + i] - path.zero[start + i]) * tree.value[node];
    }
    return;
  }
  const left = goesLeft(tree, w.catTables, node, w.x[w.offset + f]);
  const hot = left ? tree.left[node] : tree.right[node];
  const cold = left ? tree.right[node] : tree.left[node];
  const count = tree.count[node];
  let inZero = 1;
  let inOne = 1;
  let d = depth;
  let k = 0;
  while (k <= d && path.feature[start + k] !== f) k++;
  if (k <= d) {
    inZero = path.zero[start + k];
    inOne = path.one[start + k];
    unwind(path, start, d, k);
    d -= 1;
  }
  recurse(w, hot, start, d + 1, (tree.count[hot] / count) * inZero, inOne, f);
  recurse(w, cold, start, d + 1, (tree.count[cold] / count) * inZero, 0, f);
}

function extend(p: Path, s: number, depth: number, zero: number, one: number, feature: number): void {
  p.feature[s + depth] = feature;
  p.zero[s + depth] = zero;
  p.one[s + depth] = one;
  p.weight[s + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.weight[s + i + 1] += (one * p.weight[s + i] * (i + 1)) / (depth + 1);
    p.weight[s + i] = (zero * p.weight[s + i] * (depth - i)) / (depth + 1);
  }
}

function unwind(p: Path, s: number, depth: number, index: number): void {
  const one = p.one[s + index];
  const zero = p.zero[s + index];
  let next = p.weight[s + depth];
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const t = p.weight[s + i];
      p.weight[s + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = t - (p.weight[s + i] * zero * (depth - i)) / (depth + 1);
    } else {
      p.weight[s + i] = (p.weight[s + i] * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[s + i] = p.feature[s + i + 1];
    p.zero[s + i] = p.zero[s + i + 1];
    p.one[s + i] = p.one[s + i + 1];
  }
}

function unwoundSum(p: Path, s: number, depth: number, index: number): number {
  const one = p.one[s + index];
  const zero = p.zero[s + index];
  let next = p.weight[s + depth];
  let total = 0;
  if (one !== 0) {
    for (let i = depth - 1; i >= 0; i--) {
      const t = next / ((i + 1) * one);
      total += t;
      next = p.weight[s + i] - t * zero * (depth - i);
    }
  } else {
    for (let i = depth - 1; i >= 0; i--) total += p.weight[s + i] / (zero * (depth - i));
  }
  return total * (depth + 1);
}

/** The tree's mean output over the training rows: leaves weighted by the rows that reached them. */
function treeExpectation(tree: TreeJson): number {
  let s = 0;
  for (let i = 0; i < tree.feature.length; i++) if (tree.feature[i] < 0) s += tree.value[i] * tree.count[i];
  return s / tree.count[0];
}

function treeDepth(tree: TreeJson, node: number): number {
  if (tree.feature[node] < 0) return 0;
  return 1 + Math.max(treeDepth(tree, tree.left[node]), treeDepth(tree, tree.right[node]));
}

function table(codes: number[]): Uint8Array {
  const t = new Uint8Array(256);
  for (const c of codes) t[c] = 1;
  return t;
}

/**
 * Gain importance: each feature's total loss reduction over every split in the ensemble, as a
 * share of the whole (XGBoost's `total_gain`, normalised). Features never split on get 0.
 */
export function gainImportance(model: GbdtModelJson): { feature: string; gain: number; share: number }[] {
  const gains = new Float64Array(model.features.length);
  for (const tree of model.trees) for (let i = 0; i < tree.feature.length; i++) if (tree.feature[i] >= 0) gains[tree.feature[i]] += tree.gain[i];
  const total = gains.reduce((a, b) => a + b, 0);
  return model.features
    .map((f, i) => ({ feature: f.name, gain: gains[i], share: total > 0 ? gains[i] / total : 0 }))
    .sort((a, b) => b.gain - a.gain || (a.feature < b.feature ? -1 : 1));
}
