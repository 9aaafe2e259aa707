import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/temp-project.js';
import { loadSpec } from '../../../src/spec/load-spec.js';

const dir = fileURLToPath(new URL('../../fixtures/pipelines/valid/', import.meta.url));
const load = (file: string) => loadSpec(readFileSync(join(dir, file), 'utf8'), { file: `valid/${file}`, root: '/repo' });

describe('valid pipelines load', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.yaml')))('%s', (file) => {
    const loaded = load(file);
    expect(loaded.file).toBe(`valid/${file}`);
    expect(loaded.root).toBe('/repo');
    expect(loaded.text).toBe(readFileSync(join(dir, file), 'utf8'));
    expect(loaded.spec.apiVersion).toBe('pipepilot/v1');
  });

  it.each(readdirSync(join(projectRoot, 'pipelines')).filter((f) => f.endsWith('.yaml')))('the bundled example pipelines/%s', (file) => {
    const text = readFileSync(join(projectRoot, 'pipelines', file), 'utf8');
    expect(() => loadSpec(text, { file: `pipelines/${file}`, root: projectRoot })).not.toThrow();
  });

  it('the DESIGN.md example keeps what it says and fills the rest', () => {
    const { spec } = load('churn-design-example.yaml');
    expect(spec.data.features).toEqual({ numeric: ['tenure', 'monthly_charges'], categorical: ['contract'], infer: true });
    expect(spec.data.positive_class).toBe('yes-churned');
    expect(spec.model.params.hidden_units).toEqual([64, 32]);
    expect(spec.model.params.dropout).toBe(0.1);
    expect(spec.evaluate).toEqual({ threshold: 0.4, bootstrap: { samples: 200, seed: 42, confidence: 0.9 }, slices: ['contract'], min_slice_rows: 10 });
    expect(spec.gates[3]).toEqual({ metric: 'log_loss', max_drop_rel: 0.05, vs: 'production', significant: true });
    expect(spec.tune).toEqual({
      metric: 'roc_auc',
      direction: 'maximize',
      trials: 20,
      sampler: 'tpe',
      space: { learning_rate: { loguniform: [0.0001, 0.1] }, hidden_units: { choice: [[32], [64, 32]] } },
      seed: 42,
      validation_fraction: 0.2,
      pruner: 'median',
      parallelism: 4,
      grid_points: 5,
    });
    expect(spec.deploy).toEqual({ environments: ['staging', 'production'], canary: { weight: 10 }, drift: { psi_max: 0.2 } });
  });

  it('a file setting every key to a non-default value keeps every one of them', () => {
    const { spec } = load('every-key.yaml');
    expect(spec.description).toBe('Multi-line description,\nkept as written.\n');
    expect(spec.data.source).toBe('./pipelines/data/../data/penguins.data');
    expect(spec.data.format).toBe('jsonl');
    expect(spec.data.features.infer).toBe(false);
    expect(spec.data.missing_values).toEqual(['', '-']);
    expect(spec.data.checks).toEqual({ min_rows: 100, max_missing_fraction: 0.2, min_class_rows: 5 });
    expect(spec.data.split).toEqual({ test: 0.25, seed: 7, stratify: false });
    expect(spec.preprocess).toEqual({
      impute: { numeric: 'constant', categorical: 'constant', fill_numeric: -1, fill_categorical: 'unknown' },
      scale: 'minmax',
      encode: 'onehot',
      max_categories: 20,
    });
    expect(spec.model.params).toEqual({
      hidden_units: [16],
      activation: 'tanh',
      dropout: 0.2,
      l2: 0.001,
      learning_rate: 0.01,
      epochs: 50,
      batch_size: 16,
      early_stopping: { validation_fraction: 0.2, patience: 5, min_delta: 0.001, restore_best: false },
      max_iter: 500,
      tol: 1e-4,
    });
    expect(spec.evaluate).toEqual({ threshold: 0.5, bootstrap: { samples: 0, seed: 99, confidence: 0.8 }, slices: ['Island'], min_slice_rows: 5 });
    expect(spec.tune?.sampler).toBe('random');
    expect(Object.keys(spec.tune?.space ?? {})).toHaveLength(7);
    expect(spec.tune).toMatchObject({ seed: 11, cv: 3, validation_fraction: 0.3, pruner: 'successive_halving', parallelism: 2, grid_points: 3 });
    expect(spec.deploy.environments).toEqual(['dev', 'staging', 'production']);
    expect(spec.deploy.drift).toEqual({ psi_max: 0.25, action: 'rollback' });
    expect(spec.deploy.rollout).toEqual({
      steps: [5, 25, 100], min_requests: 500, min_labels: 300, max_error_rate_increase: 0.02, max_p99_latency_ratio: 2, max_metric_drop: { drop: 0.03, confidence: 0.9 },
    });
    expect(spec.deploy.alerts).toEqual({ webhook_env: 'PIPEPILOT_ALERT_WEBHOOK', github_issue: true });
    expect(spec.deploy.auto_merge).toBe(true);
  });

  it('early_stopping: false turns it off for mlp; an anchor and alias are allowed', () => {
    const { spec } = load('regression-no-early-stopping.yaml');
    expect(spec.model.params.early_stopping).toBeUndefined();
    expect(spec.data.features.numeric).toEqual(['year', 'pop', 'fertility']);
    expect(spec.data.split.stratify).toBe(false);
  });

  it('a numeric positive_class is kept as text; early_stopping: true means the defaults; seeds follow model.seed', () => {
    const { spec } = load('binary-numeric-positive-class.yaml');
    expect(spec.data.positive_class).toBe('1');
    expect(spec.data.format).toBe('parquet');
    expect(spec.model.params.early_stopping).toEqual({ validation_fraction: 0.1, patience: 10, min_delta: 0, restore_best: true });
    expect(spec.model.params.l2).toBe(0.5);
    expect(spec.data.split.seed).toBe(123);
    expect(spec.evaluate.bootstrap.seed).toBe(123);
  });
});
