import { describe, expect, it } from 'vitest';
import { groupByScore, positivesInOrder, rankingScores } from '../../../src/evaluate/ranking.js';
import { Rng } from '../../../src/rng.js';

/**
 * rankingScores also gives the confusion counts at the threshold (issue 10: one pass in score
 * order instead of a second pass in row order). They must be the row-order counts exactly.
 */
describe('rankingScores tallies at the threshold', () => {
  it('equal the confusion counts a pass in row order gives, for any counts, ties and threshold', () => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + rng.int(300);
      const levels = 1 + rng.int(20); // few levels: many ties
      const y = Float64Array.from({ length: n }, () => (rng.next() < 0.4 ? 1 : 0));
      const p = Float32Array.from({ length: n }, () => rng.int(levels + 1) / levels);
      const counts = new Int32Array(n);
      rng.countInts(counts, n, n);
      const threshold = rng.int(levels + 1) / levels;
      const groups = groupByScore(p);
      const cut = p.filter((v) => v >= threshold).length;
      const t = rankingScores(groups, positivesInOrder(groups, y), trial % 5 === 0 ? undefined : counts, cut);
      const w = (i: number) => (trial % 5 === 0 ? 1 : counts[i]);
      let rows = 0, positives = 0, rowsAbove = 0, positivesAbove = 0;
      for (let i = 0; i < n; i++) {
        rows += w(i);
        positives += w(i) * y[i];
        if (p[i] >= threshold) {
          rowsAbove += w(i);
          positivesAbove += w(i) * y[i];
        }
      }
      expect({ rows: t.rows, positives: t.positives, rowsAbove: t.rowsAbove, positivesAbove: t.positivesAbove })
        .toEqual({ rows, positives, rowsAbove, positivesAbove });
    }
  });

  it('marks the last position of each tie group', () => {
    const groups = groupByScore([0.2, 0.9, 0.2, 0.5, 0.9]);
    expect(Array.from(groups.order)).toEqual([1, 4, 3, 0, 2]);
    expect(Array.from(groups.lastInGroup)).toEqual([0, 1, 1, 0, 1]);
  });
});
