import { ModelFileError } from '../../errors.js';
import { sigmoid } from './objective.js';
import type { GbdtModelJson, TreeJson } from './tree-format.js';

/** A tree ready for scoring: categorical left-sets as byte tables. */
interface ScoringTree {
  json: TreeJson;
  catTables: (Uint8Array | null)[];
}

/**
 * A loaded ensemble that scores raw model rows (numbers as they are, NaN for missing,
 * category codes): the same arithmetic as training, so margins match bit for bit.
 */
export class TreeEnsemble {
  readonly json: GbdtModelJson;
  private readonly trees: ScoringTree[];

  constructor(json: GbdtModelJson) {
    this.json = json;
    this.trees = json.trees.map((t) => ({ json: t, catTables: t.categories.map((c) => (c ? categoryTable(c) : null)) }));
  }

  get inputs(): number {
    return this.json.features.length;
  }

  /** The leaf row `x[offset…]` reaches in tree `t`. */
  leafOf(t: number, x: ArrayLike<number>, offset: number): number {
    const { json: tree, catTables } = this.trees[t];
    let node = 0;
    while (tree.feature[node] >= 0) node = goesLeft(tree, catTables, node, x[offset + tree.feature[node]]) ? tree.left[node] : tree.right[node];
    return node;
  }

  /** Margins, rows×outputs row-major, in float64. */
  margins(x: Float32Array, rows: number, cols: number): Float64Array {
    const k = this.json.outputs;
    const out = new Float64Array(rows * k);
    for (let r = 0; r < rows; r++) for (let c = 0; c < k; c++) out[r * k + c] = this.json.base_score[c];
    for (let t = 0; t < this.trees.length; t++) {
      const tree = this.trees[t].json;
      for (let r = 0; r < rows; r++) out[r * k + tree.output] += tree.value[this.leafOf(t, x, r * cols)];
    }
    return out;
  }

  /** What tfjs models return: binary P(class 1), multiclass rows×k probabilities, regression values. */
  predict(x: Float32Array, rows: number, cols: number): Float32Array {
    if (cols !== this.inputs) {
      throw new ModelFileError(`the trees take ${this.inputs} input columns, got ${cols}`, { file: 'model.json', hint: 'score with the preprocessor saved with this model version' });
    }
    const m = this.margins(x, rows, cols);
    const k = this.json.outputs;
    if (this.json.objective === 'squared_error') return Float32Array.from(m);
    if (this.json.objective === 'binary_logistic') return Float32Array.from(m, sigmoid);
    const out = new Float32Array(rows * k);
    for (let r = 0; r < rows; r++) {
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, m[r * k + c]);
      let z = 0;
      for (let c = 0; c < k; c++) z += Math.exp(m[r * k + c] - max);
      for (let c = 0; c < k; c++) out[r * k + c] = Math.exp(m[r * k + c] - max) / z;
    }
    return out;
  }
}

/** The split test of one node: missing (NaN) follows the learned direction. */
export function goesLeft(tree: TreeJson, catTables: (Uint8Array | null)[], node: number, v: number): boolean {
  if (Number.isNaN(v)) return tree.missing_left[node] === 1;
  const table = catTables[node];
  if (table) return Number.isInteger(v) && v >= 0 && v < table.length ? table[v] === 1 : tree.missing_left[node] === 1;
  return v <= tree.threshold[node];
}

function categoryTable(codes: number[]): Uint8Array {
  const t = new Uint8Array(256);
  for (const c of codes) t[c] = 1;
  return t;
}
