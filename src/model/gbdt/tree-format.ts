/**
 * PipePilot's saved tree ensemble (`model.json` with format "pipepilot-gbdt/v1"), documented
 * in docs/gbdt.md. Plain JSON: numbers are written by JSON.stringify, which round-trips every
 * float64 exactly, so the same trees give the same bytes and scoring the file reproduces the
 * training margins bit for bit.
 */
export const GBDT_FORMAT = 'pipepilot-gbdt/v1';

export type GbdtObjective = 'binary_logistic' | 'multiclass_softmax' | 'squared_error';

/** One tree as parallel arrays indexed by node id; node 0 is the root. */
export interface TreeJson {
  /** Which output (class margin) the tree adds to: 0 for binary and regression. */
  output: number;
  /** Feature index into `features`, −1 at a leaf. */
  feature: number[];
  /** Numeric split: rows with x <= threshold go left (a threshold of Number.MAX_VALUE sends every present value left). */
  threshold: number[];
  /** Categorical split: the category codes that go left; null on numeric splits and leaves. */
  categories: (number[] | null)[];
  /** 1 when a missing value (or an unknown category) goes left. */
  missing_left: number[];
  left: number[];
  right: number[];
  /** Leaf: its contribution to the margin (learning rate applied). Internal node: what it would be as a leaf. */
  value: number[];
  /** Training rows that reached the node (the cover TreeSHAP weights paths with). */
  count: number[];
  /** Loss reduction of the node's split; 0 at a leaf. */
  gain: number[];
}

export interface GbdtModelJson {
  format: typeof GBDT_FORMAT;
  objective: GbdtObjective;
  /** Margins per row: 1, or k classes. */
  outputs: number;
  /** Starting margin of each output before any tree. */
  base_score: number[];
  features: { name: string; kind: 'numeric' | 'categorical' }[];
  /** Boosting iterations kept (each adds `outputs` trees). */
  iterations: number;
  trees: TreeJson[];
}
