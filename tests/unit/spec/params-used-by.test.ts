import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/spec/load-spec.js';
import { paramsUsedBy } from '../../../src/spec/model-params.js';

const spec = (type: string, params = '{}') => loadSpec(`apiVersion: pipepilot/v1
name: churn
data: {source: pipelines/data/churn.csv, target: churned}
model: {task: binary_classification, type: ${type}, params: ${params}}
`, { file: 'p.yaml', root: '/repo' }).spec.model;

describe('paramsUsedBy: the params reported for a model type', () => {
  it('a gbdt reports its own params with their defaults, none of the MLP fields the defaults fill in', () => {
    const m = spec('gbdt', '{max_depth: 6}');
    expect(m.params.hidden_units).toEqual([]); // the flat defaults, which must not be reported
    expect(paramsUsedBy(m.type, m.params)).toEqual({
      l2: 0, learning_rate: 0.1, max_iter: 100, max_leaf_nodes: 31, min_samples_leaf: 20, min_hessian: 1e-3,
      max_bins: 255, subsample: 1, colsample: 1, max_depth: 6,
    });
  });

  it('an mlp keeps its network and early stopping, drops max_iter and tol; a linear model keeps l2, max_iter and tol', () => {
    const mlp = paramsUsedBy('mlp', spec('mlp', '{hidden_units: [4]}').params);
    expect(Object.keys(mlp).sort()).toEqual(['activation', 'batch_size', 'dropout', 'early_stopping', 'epochs', 'hidden_units', 'learning_rate']);
    expect(paramsUsedBy('linear', spec('linear', '{l2: 0.5}').params)).toEqual({ l2: 0.5, max_iter: 1000, tol: 1e-6 });
  });

  it('keeps keys no type knows, and everything of a type it does not know', () => {
    expect(paramsUsedBy('gbdt', { param_7: 1, hidden_units: [3], max_bins: 63 })).toEqual({ param_7: 1, max_bins: 63 });
    expect(paramsUsedBy('forest', { hidden_units: [3], tol: 1 })).toEqual({ hidden_units: [3], tol: 1 });
  });
});
