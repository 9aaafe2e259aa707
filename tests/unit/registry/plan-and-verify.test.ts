import { describe, expect, it } from 'vitest';
import { commitMessage, planRegistration, type RegistrationInput } from '../../../src/registry/plan-registration.js';
import { verifyVersion } from '../../../src/registry/verify-version.js';
import type { MetricsDoc } from '../../../src/evaluate/metrics-doc.js';
import type { Preprocessor } from '../../../src/features/preprocessor.js';

const metrics = {
  schema_version: 1,
  content_key: `sha256:${'ab'.repeat(32)}`,
  pipeline: { name: 'churn', file: 'pipelines/churn.yaml', description: 'Who will cancel next month.' },
  task: 'binary_classification',
  model: { type: 'linear', params: {}, seed: 7, trainer: 't' },
  backend: { name: 'cpu', reason: 'test' },
  versions: { pipepilot: '0.1.0' },
  data: {
    source: 'd.csv', format: 'csv', fingerprint: `sha256:${'cd'.repeat(32)}`,
    rows: { read: 10, dropped_missing_target: 0, used: 10, train: 8, test: 2 },
    target: 'y', classes: ['no', 'yes'], features: { numeric: ['a'], categorical: [], excluded: [] }, input_columns: 1, warnings: [],
  },
  metrics: { roc_auc: 0.9, accuracy: 0.85 },
  intervals: { roc_auc: { low: 0.8, high: 0.95 } },
  confidence: 0.95,
  bootstrap_samples: 100,
  slices: [],
  gates: [{ gate: { metric: 'accuracy', min: 0.9 }, metric: 'accuracy', observed: 0.85, threshold: 0.9, kind: 'min', status: 'failed', message: 'accuracy 0.85 < min 0.9' }],
  gates_passed: false,
  training: {},
  durations_ms: {},
} as unknown as MetricsDoc;

const input = (): RegistrationInput => ({
  model: 'churn',
  version: 4,
  createdAt: '2025-01-01T00:00:00.000Z',
  metrics,
  artifacts: { modelJson: { format: 'layers-model' }, weightsBin: new Uint8Array([1, 2, 3, 4]), preprocessor: { kind: 'test' } as unknown as Preprocessor, referenceStats: { a: {} } },
  lineage: { pipeline: { path: 'pipelines/churn.yaml', blob_sha: 'f'.repeat(40) }, commit: { sha: 'e'.repeat(40), dirty: false } },
  override: { reason: 'approved by on-call' },
  card: '# churn v4\n',
});

function contents(files: Map<string, Uint8Array>) {
  return { model: 'churn', version: 4, dir: 'models/churn/v4', entries: new Map<string, Uint8Array | undefined>(files) };
}

describe('planRegistration and verifyVersion', () => {
  it('plans the five files of models/churn/v4 and a commit message naming model, version, gate metric and override', () => {
    const plan = planRegistration(input());
    expect(plan.dir).toBe('models/churn/v4');
    expect([...plan.files.keys()].sort()).toEqual(['card.md', 'metadata.json', 'model.json', 'preprocessor.json', 'weights.bin']);
    expect(plan.message.split('\n')[0]).toBe('register churn v4: accuracy 0.8500, roc_auc 0.9000 [0.8000, 0.9500]');
    expect(plan.message).toContain('gates overridden with --force: approved by on-call');
    expect(plan.message).toContain(`PipePilot-Content-Key: ${metrics.content_key}`);
    expect(plan.metadata.files['weights.bin']).toBe('sha256:9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a');
  });

  it('is deterministic: the same input gives the same bytes', () => {
    const a = planRegistration(input());
    const b = planRegistration(input());
    for (const [name, bytes] of a.files) expect(Buffer.from(b.files.get(name)!).equals(Buffer.from(bytes)), name).toBe(true);
  });

  it('what was planned verifies; one changed byte, a missing file or an extra file does not', () => {
    const plan = planRegistration(input());
    expect(verifyVersion(contents(plan.files))).toEqual([]);
    const tampered = new Map(plan.files);
    tampered.set('weights.bin', new Uint8Array([1, 2, 3, 5]));
    expect(verifyVersion(contents(tampered))).toEqual([{ file: 'models/churn/v4/weights.bin', message: expect.stringMatching(/does not match metadata\.json/) }]);
    const missing = new Map(plan.files);
    missing.delete('card.md');
    missing.set('extra.txt', new Uint8Array());
    expect(verifyVersion(contents(missing)).map((p) => p.file)).toEqual(['models/churn/v4/card.md', 'models/churn/v4/extra.txt']);
    const moved = { ...contents(plan.files), version: 5, dir: 'models/churn/v5' };
    expect(verifyVersion(moved)[0].message).toMatch(/describes churn v4, not churn v5/);
  });

  it('metadata that is not JSON, or not a metadata document, is one problem naming the file', () => {
    const files = new Map(planRegistration(input()).files);
    files.set('metadata.json', new TextEncoder().encode('{"model": '));
    expect(verifyVersion(contents(files))).toEqual([{ file: 'models/churn/v4/metadata.json', message: expect.stringMatching(/not valid JSON/) }]);
  });
});

describe('the registration commit and the verification report, word for word', () => {
  it('the commit message: headline metrics with intervals, lineage, the gates count, the override on one line, the trailers', () => {
    const plan = planRegistration({ ...input(), override: { reason: '  approved \n by   on-call ' } });
    expect(plan.message).toBe([
      'register churn v4: accuracy 0.8500, roc_auc 0.9000 [0.8000, 0.9500]',
      '',
      'pipeline pipelines/churn.yaml (blob ffffffffffff), data sha256:cdcdcdcdcdcd…',
      'gates: FAILED (1 failed of 1)',
      'gates overridden with --force: approved by on-call',
      '',
      'PipePilot-Model: churn',
      'PipePilot-Version: 4',
      `PipePilot-Content-Key: sha256:${'ab'.repeat(32)}`,
    ].join('\n'));
    expect(new TextDecoder().decode(plan.files.get('model.json'))).toBe('{\n  "format": "layers-model"\n}\n');
  });

  it('passing gates and no override; an integer metric is shown as is; no metric at all says so', () => {
    const { metadata } = planRegistration(input());
    const passed = commitMessage({ ...metadata, metrics: { accuracy: 1 } as typeof metadata.metrics, intervals: {}, gates_passed: true, gates: [], override: null });
    expect(passed.split('\n').slice(0, 5)).toEqual(['register churn v4: accuracy 1', '', 'pipeline pipelines/churn.yaml (blob ffffffffffff), data sha256:cdcdcdcdcdcd…', 'gates: passed (0 failed of 0)', '']);
    expect(commitMessage({ ...metadata, metrics: {} as typeof metadata.metrics, intervals: {} }).split('\n')[0]).toBe('register churn v4: no metrics');
  });

  it('the gates count only the failed ones; an undefined metric or bound (NaN in JSON) shows as a dash', () => {
    const { metadata } = planRegistration(input());
    const gates = [
      { ...metadata.gates[0], status: 'passed' },
      metadata.gates[0],
      { ...metadata.gates[0], status: 'skipped' },
    ] as typeof metadata.gates;
    const message = commitMessage({
      ...metadata,
      gates,
      metrics: { roc_auc: null, accuracy: 0.85 },
      intervals: { roc_auc: { low: null, high: 0.95 } },
    });
    expect(message.split('\n')[0]).toBe('register churn v4: accuracy 0.8500, roc_auc — [—, 0.9500]');
    expect(message).toContain('\ngates: FAILED (1 failed of 3)\n');
  });

  it('each problem names its file and says what is wrong', () => {
    const plan = planRegistration(input());
    const entries = new Map<string, Uint8Array | undefined>(plan.files);
    entries.set('weights.bin', new Uint8Array([9]));
    entries.set('card.md', undefined); // a directory where the card should be
    entries.set('extra', undefined);
    expect(verifyVersion({ ...contents(plan.files), entries })).toEqual([
      { file: 'models/churn/v4/weights.bin', message: `digest sha256:2b4c342f5433ebe591a1da77e013d1b72475562d48578dca8b84bac6651c3cb9 does not match metadata.json (${plan.metadata.files['weights.bin']})` },
      { file: 'models/churn/v4/card.md', message: 'missing' },
      { file: 'models/churn/v4/extra', message: 'not part of a registered version (no digest covers it)' },
    ]);
    const noMeta = new Map(plan.files);
    noMeta.delete('metadata.json');
    expect(verifyVersion(contents(noMeta))).toEqual([{ file: 'models/churn/v4/metadata.json', message: 'missing: a version without metadata cannot be verified' }]);
    const broken = new Map(plan.files);
    broken.set('metadata.json', new TextEncoder().encode('{"model": '));
    expect(verifyVersion(contents(broken))[0].message).toMatch(/^not valid JSON \(/);
    expect(verifyVersion({ ...contents(plan.files), model: 'other', dir: 'models/other/v4' })).toEqual([{ file: 'models/other/v4/metadata.json', message: 'describes churn v4, not other v4' }]);
  });
});
