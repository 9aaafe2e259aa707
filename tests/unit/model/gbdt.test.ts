import { describe, expect, it } from 'vitest';
import { ModelFileError, PipePilotError } from '../../../src/errors.js';
import { fitGbdt, type GbdtSettings } from '../../../src/model/gbdt/boost.js';
import { parseGbdtModel } from '../../../src/model/gbdt/tree-parse.js';
import { TreeEnsemble } from '../../../src/model/gbdt/tree-predict.js';
import { trainGbdtModel } from '../../../src/model/gbdt/train-gbdt.js';
import { Rng } from '../../../src/rng.js';
import type { Task } from '../../../src/spec/types.js';
import { syntheticData } from './data.js';
import { modelParams } from './params.js';

const settings: GbdtSettings = { learningRate: 0.1, maxIter: 20, maxLeafNodes: 8, minSamplesLeaf: 5, minHessian: 1e-3, l2: 0, maxBins: 255, subsample: 1, colsample: 1 };
const numericColumns = (cols: number) => Array.from({ length: cols }, (_, i) => ({ name: `f${i}` }));

function fit(task: Task, overrides: Partial<GbdtSettings> = {}, seed = 3) {
  const d = syntheticData(task, 600, 4);
  return { d, fit: fitGbdt({ task, settings: { ...settings, ...overrides }, seed, ...d, columns: numericColumns(4) }) };
}

describe('gbdt training', () => {
  it.each(['binary_classification', 'multiclass_classification', 'regression'] as const)('%s: same seed, same trees.json bytes; the loss falls', (task) => {
    const a = fit(task, { subsample: 0.7, colsample: 0.75 });
    const b = fit(task, { subsample: 0.7, colsample: 0.75 });
    expect(JSON.stringify(b.fit.model)).toBe(JSON.stringify(a.fit.model));
    const other = fit(task, { subsample: 0.7, colsample: 0.75 }, 4);
    expect(JSON.stringify(other.fit.model)).not.toBe(JSON.stringify(a.fit.model));
    const h = a.fit.history;
    expect(h[h.length - 1].loss).toBeLessThan(h[0].loss * 0.8);
    expect(a.fit.model.trees).toHaveLength(20 * (task === 'multiclass_classification' ? 3 : 1));
  });

  it.each(['binary_classification', 'multiclass_classification', 'regression'] as const)(
    '%s: each iteration’s recorded loss is the loss of the first j trees on the rows (train and validation), recomputed from their margins',
    (task) => {
      const d = syntheticData(task, 600, 4);
      const base = { task, seed: 3, ...d, columns: numericColumns(4) };
      const earlyStopping = { validationFraction: 0.2, patience: 50, minDelta: 0, restoreBest: false };
      for (const withValidation of [false, true]) {
        const run = (maxIter: number) =>
          fitGbdt({ ...base, settings: { ...settings, maxIter, subsample: 0.8, ...(withValidation ? { earlyStopping } : {}) } });
        const history = run(6).history;
        expect(history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
        for (const j of [1, 2, 6]) {
          const model = run(j).model;
          const m = new TreeEnsemble(model).margins(d.x, d.rows, d.cols);
          const k = model.outputs;
          let all = 0;
          for (let r = 0; r < d.rows; r++) {
            if (task === 'regression') all += (m[r] - d.y[r]) ** 2;
            else if (task === 'binary_classification') all += Math.log1p(Math.exp(m[r])) - d.y[r] * m[r];
            else {
              let z = 0;
              for (let c = 0; c < k; c++) z += Math.exp(m[r * k + c]);
              all += Math.log(z) - m[r * k + d.y[r]];
            }
          }
          const h = history[j - 1];
          const nValid = withValidation ? Math.round(d.rows * 0.2) : 0;
          // The train and validation means, weighted back into one sum, are the loss over every row.
          const recorded = h.loss * (d.rows - nValid) + (h.valLoss ?? 0) * nValid;
          expect(recorded, `${task}, iteration ${j}, validation ${withValidation}`).toBeCloseTo(all, 8);
          expect(h.valLoss === undefined).toBe(!withValidation);
        }
      }
    },
  );

  it('classifies a learnable signal on held-out rows far above chance', () => {
    const { fit: f } = fit('binary_classification', { maxIter: 60 });
    const test = syntheticData('binary_classification', 400, 4, 99);
    const p = new TreeEnsemble(f.model).predict(test.x, test.rows, test.cols);
    let correct = 0;
    for (let r = 0; r < test.rows; r++) if ((p[r] >= 0.5 ? 1 : 0) === test.y[r]) correct++;
    expect(correct / test.rows).toBeGreaterThan(0.85);
  });

  it('respects max_leaf_nodes, max_depth and min_samples_leaf', () => {
    const { fit: f } = fit('regression', { maxLeafNodes: 5, maxDepth: 2, minSamplesLeaf: 40 });
    for (const t of f.model.trees) {
      const leaves = t.feature.map((v, i) => (v < 0 ? i : -1)).filter((i) => i >= 0);
      expect(leaves.length).toBeLessThanOrEqual(4); // depth 2 allows 4 leaves, below max_leaf_nodes 5
      for (const l of leaves) expect(t.count[l]).toBeGreaterThanOrEqual(40);
    }
  });

  it('early stopping keeps the best iteration and reports where it stopped', () => {
    const { fit: f } = fit('binary_classification', { maxIter: 300, learningRate: 0.5, earlyStopping: { validationFraction: 0.2, patience: 5, minDelta: 0, restoreBest: true } });
    expect(f.stoppedIteration).toBeDefined();
    expect(f.stoppedIteration).toBeLessThan(300);
    expect(f.bestIteration).toBe((f.stoppedIteration as number) - 5);
    expect(f.model.iterations).toBe(f.bestIteration);
    expect(f.model.trees).toHaveLength(f.bestIteration as number);
  });
});

/** One numeric column in [0, 1): y = x > 0.5, plus rows with x missing whose label is `missingLabel`. */
function withMissing(missingLabel: number) {
  const rng = new Rng(5);
  const rows = 400;
  const x = new Float32Array(rows);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    if (r % 4 === 0) {
      x[r] = NaN;
      y[r] = missingLabel;
    } else {
      x[r] = rng.next();
      y[r] = x[r] > 0.5 ? 1 : 0;
    }
  }
  return { x, y, rows, cols: 1 };
}

describe('missing values and categories in the trees', () => {
  it.each([[1, 0], [0, 1]])('missing rows labelled %i are routed to the side that learned them (missing_left = %i)', (label, left) => {
    const d = withMissing(label);
    const f = fitGbdt({ task: 'binary_classification', settings: { ...settings, maxLeafNodes: 2 }, seed: 1, ...d, columns: [{ name: 'x' }], classCount: 2 });
    const first = f.model.trees[0];
    // The one split is x <= ~0.5; present values below go left, so label-0 missing rows must go left too.
    expect(first.threshold[0]).toBeGreaterThan(0.45);
    expect(first.threshold[0]).toBeLessThan(0.55);
    expect(first.missing_left[0]).toBe(left);
    const p = new TreeEnsemble(f.model).predict(Float32Array.of(NaN, 0.1, 0.9), 3, 1);
    expect(p[0] > 0.5).toBe(label === 1);
    expect(p[0]).toBe(label === 1 ? p[2] : p[1]);
  });

  it('splits a category set natively: codes {0, 2} vs {1, 3} in one split; unknown codes follow missing', () => {
    const rows = 400;
    const x = new Float32Array(rows);
    const y = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      x[r] = r % 4;
      y[r] = r % 2 === 0 ? 1 : 0;
    }
    const f = fitGbdt({ task: 'binary_classification', settings: { ...settings, maxLeafNodes: 2 }, seed: 1, x, rows, cols: 1, y, columns: [{ name: 'c', categories: 4 }], classCount: 2 });
    const first = f.model.trees[0];
    const left = first.categories[0] as number[];
    expect([[0, 2], [1, 3]]).toContainEqual(left);
    const ens = new TreeEnsemble(f.model);
    const p = ens.predict(Float32Array.of(0, 1, 2, 3, NaN), 5, 1);
    expect(p[0]).toBeGreaterThan(0.5);
    expect(p[2]).toBe(p[0]);
    expect(p[1]).toBeLessThan(0.5);
    expect(p[3]).toBe(p[1]);
    // No missing value in training: missing (an unknown category) takes the default direction, which is right.
    expect(first.missing_left[0]).toBe(0);
    expect(p[4]).toBe(left.includes(0) ? p[1] : p[0]);
  });

  it('trainGbdtModel accepts NaN but refuses ±Infinity and bad params, naming them', () => {
    const d = withMissing(1);
    const req = { task: 'binary_classification' as const, type: 'gbdt' as const, params: modelParams({ max_iter: 2 }), seed: 1, ...d, classCount: 2 };
    expect(trainGbdtModel(req, [{ name: 'x' }]).model.trees).toHaveLength(2);
    const inf = Float32Array.from(d.x);
    inf[3] = Infinity;
    expect(() => trainGbdtModel({ ...req, x: inf }, [{ name: 'x' }])).toThrow(/row 3, column 0 is Infinity/);
    expect(() => trainGbdtModel({ ...req, params: modelParams({ max_iter: 2, subsample: 0 }) }, [{ name: 'x' }])).toThrow(/subsample must be in \(0, 1\], got 0/);
    expect(() => trainGbdtModel(req, [])).toThrow(PipePilotError);
  });
});

/** A parsed model.json as a test damages it: any field may be overwritten with anything. */
type Damageable = { objective: unknown; trees: Record<string, unknown[]>[] };

describe('saved tree file', () => {
  const { fit: f } = fit('binary_classification');
  const json = () => JSON.parse(JSON.stringify(f.model));

  it('round-trips through JSON to the same predictions, bit for bit', () => {
    const d = syntheticData('binary_classification', 50, 4, 11);
    const a = new TreeEnsemble(f.model).predict(d.x, d.rows, d.cols);
    const b = new TreeEnsemble(parseGbdtModel(json(), 'model.json')).predict(d.x, d.rows, d.cols);
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it.each([
    ['a child pointing back up (a cycle)', (m: Damageable) => { m.trees[0].left[0] = 0; }, /children 0, \d+ must be later nodes/],
    ['a feature index out of range', (m: Damageable) => { m.trees[0].feature[0] = 99; }, /feature 99 is not a feature index/],
    ['arrays of different lengths', (m: Damageable) => { m.trees[1].value.pop(); }, /trees\[1\]\.value must have one entry per node/],
    ['an unknown objective', (m: Damageable) => { m.objective = 'poisson'; }, /unknown objective "poisson"/],
    ['a non-finite leaf', (m: Damageable) => { m.trees[0].value[1] = null; }, /value, count and gain must be finite/],
  ])('%s is a ModelFileError naming the file', (_what, damage, message) => {
    const m = json();
    damage(m);
    expect(() => parseGbdtModel(m, 'models/x/v1/model.json')).toThrow(ModelFileError);
    expect(() => parseGbdtModel(m, 'models/x/v1/model.json')).toThrow(message);
  });
});
