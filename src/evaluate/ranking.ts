/**
 * ROC AUC and average precision over score groups, sorted once. The score order is fixed across
 * bootstrap resamples — only how often each row is drawn changes — so a resample's AUC is one
 * O(n) pass over per-row counts instead of a fresh O(n log n) sort.
 */

/** Rows ordered by descending score, cut into groups of exactly equal scores (ties). */
export interface ScoreGroups {
  order: Uint32Array;
  /** `groupEnds[g]` is one past the last position (in `order`) of group g; ascending. */
  groupEnds: Uint32Array;
}

export function groupByScore(scores: ArrayLike<number>): ScoreGroups {
  const n = scores.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  const ends: number[] = [];
  for (let pos = 1; pos <= n; pos++) {
    if (pos === n || scores[order[pos]] !== scores[order[pos - 1]]) ends.push(pos);
  }
  return { order, groupEnds: Uint32Array.from(ends) };
}

/** 1 where the row at each position of `groups.order` is a positive (label 1), else 0: the labels in score order, made once per test set. */
export function positivesInOrder(groups: ScoreGroups, yTrue: ArrayLike<number>): Uint8Array {
  const { order } = groups;
  const positives = new Uint8Array(order.length);
  for (let pos = 0; pos < order.length; pos++) positives[pos] = yTrue[order[pos]] === 1 ? 1 : 0;
  return positives;
}

/**
 * roc_auc and pr_auc (sklearn's average_precision_score) with rows weighted by `weights`
 * (bootstrap counts; all 1 when omitted); `positives` from positivesInOrder.
 *
 * roc_auc is the trapezoid under the ROC curve over distinct thresholds, so tied scores count
 * half — sklearn's convention. pr_auc is Σ (R_g − R_{g−1}) · P_g over the same thresholds.
 * Undefined cases give NaN: roc_auc without both classes; pr_auc without any positive (sklearn
 * warns and returns 0 there, which would read as a real, terrible score).
 */
export function rankingScores(
  groups: ScoreGroups,
  positives: Uint8Array,
  weights?: ArrayLike<number>,
): { roc_auc: number; pr_auc: number } {
  const { order, groupEnds } = groups;
  let tp = 0;
  let fp = 0;
  let area = 0; // Σ over groups of negatives × (positives ranked above + half the tied ones)
  let precisionSum = 0; // Σ over groups of positives in group × precision at the group's threshold
  let start = 0;
  for (let g = 0; g < groupEnds.length; g++) {
    let groupTp = 0;
    let groupFp = 0;
    // Without a branch on the label (in a resample it is a coin flip for the branch predictor,
    // most of this loop's time): w·p is w or 0, and adding 0 leaves a sum's bits unchanged.
    for (let pos = start; pos < groupEnds[g]; pos++) {
      const w = weights === undefined ? 1 : weights[order[pos]];
      const tpPart = w * positives[pos];
      groupTp += tpPart;
      groupFp += w - tpPart;
    }
    area += groupFp * (tp + groupTp / 2);
    tp += groupTp;
    fp += groupFp;
    if (groupTp > 0) precisionSum += (groupTp * tp) / (tp + fp);
    start = groupEnds[g];
  }
  return {
    roc_auc: tp > 0 && fp > 0 ? area / (tp * fp) : NaN,
    pr_auc: tp > 0 ? precisionSum / tp : NaN,
  };
}
