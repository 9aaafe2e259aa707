import type { ValidateFunction } from 'ajv';
import schema from '../../schemas/pipeline.schema.json' with { type: 'json' };
import { validate } from './pipeline-validator.generated.js';

/**
 * The pipeline JSON Schema (`schemas/pipeline.schema.json`), the contract editors and ajv share.
 * Imported as a JSON module, so it resolves the same from src/spec (tests) and lib/spec (built)
 * and is bundled along with the code. Callers must not mutate it.
 */
export function pipelineSchema(): Readonly<Record<string, unknown>> {
  return schema;
}

/**
 * The ajv validator of the schema, generated ahead of time as standalone code
 * (scripts/build-validator.mjs; compiling at start-up took ~450 ms of every command). Strict
 * mode, every error (not just the first), `verbose` so errors carry their schema for
 * did-you-mean suggestions. Union types are allowed for `positive_class` (string | number) and
 * `early_stopping` (mapping | boolean).
 */
export function pipelineValidator(): ValidateFunction {
  return validate as ValidateFunction;
}
