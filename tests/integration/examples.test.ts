import Ajv2020 from 'ajv/dist/2020.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { projectRoot } from '../helpers/temp-project.js';

const metricsSchema = JSON.parse(readFileSync(join(projectRoot, 'schemas/metrics.schema.json'), 'utf8'));
const validateMetrics = new Ajv2020.default({ strict: true, allErrors: true }).compile(metricsSchema);
const sklearnReference = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/reference/examples_reference.json'), 'utf8'));

/** The bundled examples, run as a user runs them, with the floors the issue sets. */
const examples: { pipeline: string; floors: Record<string, number> }[] = [
  { pipeline: 'breast-cancer', floors: { accuracy: 0.95, roc_auc: 0.98 } },
  { pipeline: 'breast-cancer-mlp', floors: { accuracy: 0.95, roc_auc: 0.98 } },
  { pipeline: 'breast-cancer-gbdt', floors: { accuracy: 0.95, roc_auc: 0.98 } },
  { pipeline: 'penguins', floors: { accuracy: 0.95 } },
  { pipeline: 'penguins-gbdt', floors: { accuracy: 0.95, f1_macro: 0.93 } },
  // Within 0.02 R² of scikit-learn's LinearRegression on the same split (tests/fixtures/reference).
  { pipeline: 'gapminder', floors: { r2: sklearnReference.gapminder.r2 - 0.02 } },
];

describe('bundled examples', () => {
  for (const { pipeline, floors } of examples) {
    it(`${pipeline}: runs, passes its gates, meets its floors, writes a valid run bundle`, async () => {
      const out = join(projectRoot, '.pipepilot', 'test-runs', pipeline);
      const res = await runCli(['run', `pipelines/${pipeline}.yaml`, '--out', out, '--quiet'], projectRoot);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
      expect(validateMetrics(metrics), JSON.stringify(validateMetrics.errors)).toBe(true);
      for (const [name, floor] of Object.entries(floors)) expect(metrics.metrics[name]).toBeGreaterThanOrEqual(floor);
      expect(metrics.gates_passed).toBe(true);
      expect(metrics.backend.name).toBe('wasm');
      for (const f of ['report.md', 'model/model.json', 'model/weights.bin', 'model/preprocessor.json', 'model/reference-stats.json']) {
        expect(existsSync(join(out, f)), f).toBe(true);
      }
      const report = readFileSync(join(out, 'report.md'), 'utf8');
      expect(report).toContain('### Gates');
      expect(report).toContain('### Metrics');
    });
  }

  it('gapminder: the reference figure is scikit-learn LinearRegression on this split', () => {
    expect(sklearnReference.gapminder.r2).toBeGreaterThan(0.6);
    expect(sklearnReference.gapminder.test_rows).toBeGreaterThan(100);
  });
});
