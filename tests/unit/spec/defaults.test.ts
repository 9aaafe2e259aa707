import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/spec/load-spec.js';
import { pipelineSchema } from '../../../src/spec/pipeline-schema.js';
import type { PipelineSpec } from '../../../src/spec/types.js';

const minimal = (extra = '', task = 'binary_classification', type = 'mlp', source = 'data/x.csv') =>
  `apiVersion: pipepilot/v1\nname: m\ndata:\n  source: ${source}\n  target: y\nmodel:\n  task: ${task}\n  type: ${type}\n${extra}`;
const load = (text: string) => loadSpec(text, { file: 'p.yaml', root: '/repo' }).spec;

describe('defaults', () => {
  it('a minimal binary mlp pipeline becomes the complete spec', () => {
    const expected: PipelineSpec = {
      apiVersion: 'pipepilot/v1',
      name: 'm',
      data: {
        source: 'data/x.csv',
        format: 'csv',
        target: 'y',
        features: { numeric: [], categorical: [], infer: true },
        drop: [],
        missing_values: ['', 'NA', 'N/A', 'null', 'NULL', 'NaN', 'nan', '.', '?'],
        checks: { min_rows: 20, max_missing_fraction: 0.5, min_class_rows: 2, too_missing: 'indicator' },
        split: { test: 0.2, seed: 42, stratify: true },
      },
      preprocess: {
        impute: { numeric: 'median', categorical: 'most_frequent', fill_numeric: 0, fill_categorical: 'missing' },
        scale: 'standard',
        encode: 'onehot',
        max_categories: 50,
      },
      model: {
        task: 'binary_classification',
        type: 'mlp',
        params: {
          hidden_units: [64, 32],
          activation: 'relu',
          dropout: 0,
          learning_rate: 0.001,
          epochs: 100,
          batch_size: 64,
          early_stopping: { validation_fraction: 0.1, patience: 10, min_delta: 0, restore_best: true },
          max_iter: 1000,
          tol: 1e-6,
        },
        seed: 42,
      },
      evaluate: { threshold: 0.5, bootstrap: { samples: 1000, seed: 42, confidence: 0.95 }, slices: [], min_slice_rows: 10 },
      gates: [],
      deploy: { environments: ['staging', 'production'] },
    };
    expect(load(minimal())).toStrictEqual(expected);
  });

  it('regression: no stratification; linear: no early stopping and no l2 unless asked', () => {
    const spec = load(minimal('', 'regression', 'linear'));
    expect(spec.data.split.stratify).toBe(false);
    expect(spec.model.params.early_stopping).toBeUndefined();
    expect('l2' in spec.model.params).toBe(false);
    expect(spec.tune).toBeUndefined();
    expect(spec.description).toBeUndefined();
  });

  it('model.seed seeds the split and the bootstrap unless they have their own', () => {
    const spec = load(minimal('  seed: 7\n'));
    expect(spec.data.split.seed).toBe(7);
    expect(spec.evaluate.bootstrap.seed).toBe(7);
    const own = load(minimal('  seed: 7\nevaluate: {bootstrap: {seed: 9}}\n').replace('  target: y\n', '  target: y\n  split: {seed: 8}\n'));
    expect([own.model.seed, own.data.split.seed, own.evaluate.bootstrap.seed]).toEqual([7, 8, 9]);
  });

  it('a partial deploy.rollout is completed from the defaults; alerts default to no issue', () => {
    const spec = load(minimal('deploy: {rollout: {min_labels: 500, max_metric_drop: {drop: 0.02}}, alerts: {webhook_env: HOOK}}\n'));
    expect(spec.deploy.rollout).toEqual({ steps: [10, 50, 100], min_requests: 200, min_labels: 500, max_error_rate_increase: 0.01, max_p99_latency_ratio: 1.5, max_metric_drop: { drop: 0.02, confidence: 0.95 } });
    expect(spec.deploy.alerts).toEqual({ webhook_env: 'HOOK', github_issue: false });
    expect(spec.deploy.auto_merge).toBeUndefined();
  });

  it('a partial early_stopping mapping is completed from the defaults', () => {
    const spec = load(minimal('  params: {early_stopping: {patience: 3}}\n'));
    expect(spec.model.params.early_stopping).toEqual({ validation_fraction: 0.1, patience: 3, min_delta: 0, restore_best: true });
  });

  it.each([
    ['data/x.csv', 'csv'],
    ['data/x.CSV', 'csv'],
    ['data/x.json', 'json'],
    ['data/x.jsonl', 'jsonl'],
    ['data/x.ndjson', 'jsonl'],
    ['data/x.parquet', 'parquet'],
    ['data/x.pq', 'parquet'],
  ])('data.format of %s is %s', (source, format) => {
    expect(load(minimal('', 'regression', 'linear', source)).data.format).toBe(format);
  });

  it('tune.direction follows the metric when left out, and trials/sampler default', () => {
    const tune = (metric: string) => load(minimal(`tune: {metric: ${metric}, space: {dropout: {uniform: [0, 0.3]}}}\n`)).tune;
    expect(tune('log_loss')).toMatchObject({ direction: 'minimize', trials: 20, sampler: 'tpe' });
    expect(tune('roc_auc')?.direction).toBe('maximize');
  });

  it('listing features turns inference off unless infer is given; no feature list keeps it on', () => {
    expect(load(minimal()).data.features.infer).toBe(true);
    const listed = (extra: string) => minimal().replace('  target: y\n', `  target: y\n${extra}`);
    expect(load(listed('  features: {numeric: [a]}\n')).data.features.infer).toBe(false);
    expect(load(listed('  features: {categorical: [b]}\n')).data.features.infer).toBe(false);
    expect(load(listed('  features: {numeric: [a], infer: true}\n')).data.features.infer).toBe(true);
    expect(load(listed('  features: {numeric: []}\n')).data.features.infer).toBe(true);
  });

  it('too_missing is indicator by default, fail once max_missing_fraction is set, and as given when given', () => {
    const checks = (c: string) => load(minimal().replace('  target: y\n', `  target: y\n  checks: ${c}\n`)).data.checks.too_missing;
    expect(load(minimal()).data.checks.too_missing).toBe('indicator');
    expect(checks('{min_rows: 30}')).toBe('indicator');
    expect(checks('{max_missing_fraction: 0.5}')).toBe('fail');
    expect(checks('{max_missing_fraction: 0.5, too_missing: indicator}')).toBe('indicator');
    expect(checks('{too_missing: fail}')).toBe('fail');
  });

  it('the returned spec shares no arrays with another load of the same text', () => {
    const a = load(minimal());
    a.data.missing_values.push('x');
    a.model.params.hidden_units.push(1);
    const b = load(minimal());
    expect(b.data.missing_values).not.toContain('x');
    expect(b.model.params.hidden_units).toEqual([64, 32]);
  });

  it("every `default` in the schema is the value the loader fills in", () => {
    const spec = load(minimal()) as unknown as Record<string, unknown>;
    const checked: string[] = [];
    for (const [path, value] of schemaDefaults(pipelineSchema())) {
      expect(getPath(spec, path), path).toEqual(value);
      checked.push(path);
    }
    expect(checked).toContain('model.params.dropout');
    expect(checked).toContain('data.missing_values');
    expect(checked.length).toBeGreaterThan(30);
  });
});

type Schema = Record<string, unknown>;

/** [dotted path, default] for every property with a `default`, following $refs. */
function schemaDefaults(root: Schema): [string, unknown][] {
  const out: [string, unknown][] = [];
  const resolve = (s: Schema): Schema => {
    const ref = s.$ref as string | undefined;
    if (!ref) return s;
    const target = ref.replace('#/', '').split('/').reduce<Schema>((at, k) => at[k] as Schema, root);
    return { ...resolve(target), ...s };
  };
  const walk = (s: Schema, path: string) => {
    const props = (resolve(s).properties ?? {}) as Record<string, Schema>;
    for (const [key, sub] of Object.entries(props)) {
      const full = path ? `${path}.${key}` : key;
      // tune.space holds distributions, whose keys are not spec fields.
      if (full === 'tune') continue;
      if ('default' in sub) out.push([full, sub.default]);
      walk(sub, full);
    }
  };
  walk(root, '');
  return out;
}

function getPath(obj: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((at, k) => (at as Record<string, unknown> | undefined)?.[k], obj);
}

describe('data.read (issue 10)', () => {
  const url = 'https://data.example.com/x.parquet';
  const pin = 'AB'.repeat(32);
  it('read: whole is the default and leaves the spec (so the content key) as without it', () => {
    const whole = load(minimal('', 'binary_classification', 'mlp', `${url}\n  sha256: ${pin}\n  read: whole`));
    const absent = load(minimal('', 'binary_classification', 'mlp', `${url}\n  sha256: ${pin}`));
    expect(whole).toEqual(absent);
    expect('read' in whole.data).toBe(false);
  });
  it('read: ranges is kept, and its pin normalized like data.sha256 (prefix dropped, lower case)', () => {
    const spec = load(minimal('', 'binary_classification', 'mlp', `${url}\n  read: ranges\n  ranges_sha256: "sha256:${pin}"`));
    expect(spec.data).toMatchObject({ read: 'ranges', ranges_sha256: 'ab'.repeat(32) });
    expect(spec.data.sha256).toBeUndefined();
  });
});
