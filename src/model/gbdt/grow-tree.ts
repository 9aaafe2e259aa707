import type { BinMapper } from './binning.js';
import { BIN_SLOTS, subtractHistogram } from './histogram.js';
import type { TreeKernels } from './kernels.js';
import { findBestSplit, type NodeSums, type Split, type SplitRules } from './split.js';

export interface GrowRules extends SplitRules {
  maxLeafNodes: number;
  /** Undefined: no limit. */
  maxDepth?: number;
  learningRate: number;
}

export interface TrainingData {
  cols: number;
  mapper: BinMapper;
  /** The hot loops and the buffers they read: bins, gradients, row ids, histograms. */
  kernels: TreeKernels;
  /** The root's rows are the ones counted in kernels.rootCounts (no row sampling). */
  rootCountsKnown: boolean;
  /**
   * The next root's count slots are to be kept in kernels.rootCounts (then rootCountsKnown turns
   * true): every root learns from the same rows and this one has every feature.
   */
  keepRootCounts?: boolean;
}

/** A grown tree in training form: the saved arrays plus, per node, the bins that go left. */
export interface GrownTree {
  feature: number[];
  threshold: number[];
  categories: (number[] | null)[];
  missingLeft: number[];
  left: number[];
  right: number[];
  value: number[];
  count: number[];
  gain: number[];
  goesLeft: (Uint8Array | null)[];
  /** Leaves with the rows of `ids` each holds: ids[start…end). */
  leaves: { node: number; start: number; end: number }[];
}

interface Open {
  node: number;
  start: number;
  end: number;
  depth: number;
  sums: NodeSums;
  hist: Float64Array;
  split?: Split;
}

/**
 * Grows one tree leaf-wise (LightGBM's and HistGradientBoosting's order): always split the leaf
 * whose best split gains most, until `maxLeafNodes` leaves or no split gains. `ids` holds the
 * rows the tree learns from and is reordered in place so each leaf's rows are contiguous.
 * Deterministic: ties go to the earlier node.
 */
export function growTree(data: TrainingData, ids: Uint32Array, features: Int32Array, rules: GrowRules): GrownTree {
  const tree = emptyTree();
  const k = data.kernels;
  const rootHist = k.takeHistogram();
  const rootSums = new Float64Array(2);
  k.buildHistogram(rootHist, ids, 0, ids.length, features, { countsFromRoot: data.rootCountsKnown, sums: rootSums });
  const sums: NodeSums = { g: rootSums[0], h: rootSums[1], n: ids.length };
  if (data.keepRootCounts) {
    keepCounts(rootHist, features, k.rootCounts);
    data.keepRootCounts = false;
    data.rootCountsKnown = true;
  }
  const root: Open = { node: addNode(tree, sums, rules), start: 0, end: ids.length, depth: 0, sums, hist: rootHist };
  const open: Open[] = [withSplit(root, data, features, rules)];
  let leafCount = 1;
  while (leafCount < rules.maxLeafNodes) {
    let pick = -1;
    for (let i = 0; i < open.length; i++) {
      const s = open[i].split;
      if (s && (pick < 0 || s.gain > (open[pick].split as Split).gain)) pick = i;
    }
    if (pick < 0) break;
    const parent = open[pick];
    open.splice(pick, 1);
    const [l, r] = splitNode(tree, parent, data, ids, features, rules);
    open.push(l, r);
    leafCount++;
  }
  for (const o of open) {
    tree.leaves.push({ node: o.node, start: o.start, end: o.end });
    if (o.split) k.giveHistogram(o.hist);
  }
  tree.leaves.sort((a, b) => a.node - b.node);
  return tree;
}

function withSplit(o: Open, data: TrainingData, features: Int32Array, rules: GrowRules): Open {
  const deep = rules.maxDepth !== undefined && o.depth >= rules.maxDepth;
  if (!deep && o.sums.n >= 2 * rules.minSamplesLeaf) o.split = findBestSplit(o.hist, o.sums, data.mapper, features, rules);
  // A node that cannot split stays a leaf: its histogram is not needed again.
  if (!o.split) data.kernels.giveHistogram(o.hist);
  return o;
}

function splitNode(tree: GrownTree, parent: Open, data: TrainingData, ids: Uint32Array, features: Int32Array, rules: GrowRules): [Open, Open] {
  const split = parent.split as Split;
  const k = data.kernels;
  const mid = k.partition(ids, parent.start, parent.end, split.feature, split.goesLeft);
  const id = parent.node;
  tree.feature[id] = split.feature;
  tree.gain[id] = split.gain;
  tree.missingLeft[id] = split.missingLeft ? 1 : 0;
  tree.goesLeft[id] = split.goesLeft;
  if (split.leftCategories) tree.categories[id] = split.leftCategories;
  else tree.threshold[id] = split.bin < data.mapper.edges[split.feature].length ? data.mapper.edges[split.feature][split.bin] : Number.MAX_VALUE;
  const leftId = addNode(tree, split.left, rules);
  const rightId = addNode(tree, split.right, rules);
  tree.left[id] = leftId;
  tree.right[id] = rightId;
  // Build the smaller child's histogram from its rows; the larger one is the parent minus it.
  const leftSmaller = mid - parent.start <= parent.end - mid;
  const small = k.takeHistogram();
  if (leftSmaller) k.buildHistogram(small, ids, parent.start, mid, features);
  else k.buildHistogram(small, ids, mid, parent.end, features);
  const large = subtractHistogram(parent.hist, small, features);
  const depth = parent.depth + 1;
  const left: Open = { node: leftId, start: parent.start, end: mid, depth, sums: split.left, hist: leftSmaller ? small : large };
  const right: Open = { node: rightId, start: mid, end: parent.end, depth, sums: split.right, hist: leftSmaller ? large : small };
  return [withSplit(left, data, features, rules), withSplit(right, data, features, rules)];
}

/** counts[f·256 + bin] = the count slot of (f, bin) in `hist`, for the listed features. */
function keepCounts(hist: Float64Array, features: Int32Array, counts: Float64Array): void {
  for (const f of features) {
    for (let b = 0; b < BIN_SLOTS; b++) counts[f * BIN_SLOTS + b] = hist[(f * BIN_SLOTS + b) * 3 + 2];
  }
}

function emptyTree(): GrownTree {
  return { feature: [], threshold: [], categories: [], missingLeft: [], left: [], right: [], value: [], count: [], gain: [], goesLeft: [], leaves: [] };
}

/** Adds a node as a leaf with its Newton step −G/(H+λ), shrunk by the learning rate. */
function addNode(tree: GrownTree, sums: NodeSums, rules: GrowRules): number {
  const id = tree.feature.length;
  tree.feature.push(-1);
  tree.threshold.push(0);
  tree.categories.push(null);
  tree.missingLeft.push(0);
  tree.left.push(-1);
  tree.right.push(-1);
  tree.value.push(sums.h + rules.l2 > 0 ? (-sums.g / (sums.h + rules.l2)) * rules.learningRate : 0);
  tree.count.push(sums.n);
  tree.gain.push(0);
  tree.goesLeft.push(null);
  return id;
}
