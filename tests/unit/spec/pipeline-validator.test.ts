import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { VALIDATOR_FILE, validatorSource } from '../../../scripts/build-validator.mjs';
import { pipelineSchema, pipelineValidator } from '../../../src/spec/pipeline-schema.js';
import { projectRoot } from '../../helpers/temp-project.js';

describe('the pipeline validator generated ahead of time (scripts/build-validator.mjs)', () => {
  it('is what the script writes for the schema now in schemas/: run `npm run build:validator` after editing the schema', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8') === validatorSource(), 'src/spec/pipeline-validator.generated.ts is out of date: run npm run build:validator').toBe(true);
    expect(VALIDATOR_FILE).toBe(join(projectRoot, 'src/spec/pipeline-validator.generated.ts'));
  });

  it('gives the errors a runtime compile of the schema gives, schema and all (did-you-mean reads them)', () => {
    const compiled = new Ajv({ strict: true, allErrors: true, verbose: true, allowUnionTypes: true }).compile(pipelineSchema());
    const generated = pipelineValidator();
    const documents: unknown[] = [
      { apiVersion: 'pipepilot/v1', name: 'bc', data: { source: 'a.csv', target: 'y' }, model: { task: 'regression', type: 'linear' } },
      { apiVersion: 'pipepilot/v1', name: 'bc', data: { source: 'a.csv', target: 'y', sourc: 1 }, model: { task: 'regression', type: 'linar' } },
      { apiVersion: 'v2', name: 7, data: [], model: { task: 'binary_classification', type: 'mlp', params: { hidden_units: [0, 'x'] } }, gates: [{ metric: 'r2' }] },
      { apiVersion: 'pipepilot/v1', name: 'bc', data: { source: 'a.csv', target: 'y', features: ['a', 'a'] }, model: { task: 'regression', type: 'gbdt', params: { max_bins: 1e9 } }, deploy: { rollout: { steps: [150] } } },
      'not a mapping',
    ];
    for (const doc of documents) {
      expect(generated(doc), JSON.stringify(doc)).toBe(compiled(doc));
      expect(JSON.parse(JSON.stringify(generated.errors ?? null))).toEqual(JSON.parse(JSON.stringify(compiled.errors ?? null)));
    }
    expect(compiled.errors?.length).toBeGreaterThan(0);
  });
});
