/**
 * ROC AUC and average precision over score groups, sorted once. The score order is fixed across
 * bootstrap resamples — only how often each row is drawn changes — so a resample's AUC is one
 * O(n) pass over per-row counts instead of a fresh O(n log n) sort.
 */

/** Rows ordered by descending score, cut into groups of exactly equal scores (ties). */
export interface ScoreGroups {
  order: Uint32Array;
  /** 1 at the last position (in `order`) of each group, else 0. */
  lastInGroup: Uint8Array;
}

export function groupByScore(scores: ArrayLike<number>): ScoreGroups {
  const n = scores.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  const lastInGroup = new Uint8Array(n);
  for (let pos = 1; pos <= n; pos++) {
    if (pos === n || scores[order[pos]] !== scores[order[pos - 1]]) lastInGroup[pos - 1] = 1;
  }
  return { order, lastInGroup };
}

/** 1 where the row at each position of `groups.order` is a positive (label 1), else 0: the labels in score order, made once per test set. */
export function positivesInOrder(groups: ScoreGroups, yTrue: ArrayLike<number>): Uint8Array {
  const { order } = groups;
  const positives = new Uint8Array(order.length);
  for (let pos = 0; pos < order.length; pos++) positives[pos] = yTrue[order[pos]] === 1 ? 1 : 0;
  return positives;
}

/**
 * What one pass over the rows in score order gives: the two ranking scores, and the weighted
 * rows and positives in all and among the first `cut` positions (the rows predicted positive,
 * when `cut` counts the scores at or above the threshold), from which the confusion counts follow.
 */
export interface RankingTally {
  roc_auc: number;
  pr_auc: number;
  /** Weighted rows and positives over all positions. */
  rows: number;
  positives: number;
  /** Weighted rows and positives among the first `cut` positions. */
  rowsAbove: number;
  positivesAbove: number;
}

/**
 * roc_auc and pr_auc (sklearn's average_precision_score) with rows weighted by `weights`
 * (bootstrap counts, whole numbers; all 1 when omitted); `positives` from positivesInOrder.
 * `cut` must be a group end (or 0): all tied scores are on one side of a threshold.
 *
 * roc_auc is the trapezoid under the ROC curve over distinct thresholds, so tied scores count
 * half — sklearn's convention. pr_auc is Σ (R_g − R_{g−1}) · P_g over the same thresholds.
 * Undefined cases give NaN: roc_auc without both classes; pr_auc without any positive (sklearn
 * warns and returns 0 there, which would read as a real, terrible score).
 *
 * The weights are whole numbers, so every tally here is an exact integer in float64 (far below
 * 2^53) whatever the order of the additions: the confusion counts taken at `cut` are the same
 * numbers a pass in row order gives, which lets one pass serve the ranking and the confusion.
 */
export function rankingScores(
  groups: ScoreGroups,
  positives: Uint8Array,
  weights?: Int32Array | Uint8Array,
  cut = 0,
): RankingTally {
  const { order, lastInGroup } = groups;
  let tp = 0;
  let fp = 0;
  let area = 0; // Σ over groups of negatives × (positives ranked above + half the tied ones)
  let precisionSum = 0; // Σ over groups of positives in group × precision at the group's threshold
  let groupTp = 0;
  let groupFp = 0;
  let rowsAbove = 0;
  let positivesAbove = 0;
  // One loop over positions with a flag at each group's end, not a loop per group: scores are
  // mostly distinct, and a nested loop of one turn mispredicts its exit on every group. Without
  // a branch on the label either (in a resample it is a coin flip for the branch predictor):
  // w·p is w or 0, and adding 0 leaves a sum's bits unchanged.
  for (let pos = 0; pos < order.length; pos++) {
    const w = weights === undefined ? 1 : weights[order[pos]];
    const tpPart = w * positives[pos];
    groupTp += tpPart;
    groupFp += w - tpPart;
    if (lastInGroup[pos] === 1) {
      area += groupFp * (tp + groupTp / 2);
      tp += groupTp;
      fp += groupFp;
      if (groupTp > 0) precisionSum += (groupTp * tp) / (tp + fp);
      groupTp = 0;
      groupFp = 0;
      if (pos + 1 === cut) {
        rowsAbove = tp + fp;
        positivesAbove = tp;
      }
    }
  }
  return {
    roc_auc: tp > 0 && fp > 0 ? area / (tp * fp) : NaN,
    pr_auc: tp > 0 ? precisionSum / tp : NaN,
    rows: tp + fp,
    positives: tp,
    rowsAbove,
    positivesAbove,
  };
}
