import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../../src/spec/load-spec.js';

const pipeline = (type: string, params: string) => `apiVersion: pipepilot/v1
name: churn
data: {source: pipelines/data/churn.csv, target: churned}
model:
  task: binary_classification
  type: ${type}
  params: ${params}
`;

function warnings(type: string, params: string): string[] {
  const result = checkSpec(pipeline(type, params), { file: 'p.yaml', root: '/repo' });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.warnings.map((w) => `${w.line}:${w.col} ${w.path}`);
}

describe('model.params the model type ignores are warned about, at their key, without failing the load', () => {
  it('a learning_rate and epochs on a linear model', () => {
    expect(warnings('linear', '{learning_rate: 0.1, max_iter: 50, epochs: 3}')).toEqual(['7:12 model.params.learning_rate', '7:46 model.params.epochs']);
  });

  it('max_iter and tol on an mlp', () => {
    expect(warnings('mlp', '{hidden_units: [4], tol: 0.001}')).toEqual(['7:31 model.params.tol']);
  });

  it('params the type reads give no warning', () => {
    expect(warnings('mlp', '{hidden_units: [4], learning_rate: 0.01, l2: 0.1, early_stopping: false}')).toEqual([]);
    expect(warnings('linear', '{l2: 0.1, max_iter: 10, tol: 0.0001}')).toEqual([]);
  });
});
