import { Ajv, type ValidateFunction } from 'ajv';
import schema from '../../schemas/pipeline.schema.json' with { type: 'json' };

/**
 * The pipeline JSON Schema (`schemas/pipeline.schema.json`), the contract editors and ajv share.
 * Imported as a JSON module, so it resolves the same from src/spec (tests) and lib/spec (built)
 * and is bundled along with the code. Callers must not mutate it.
 */
export function pipelineSchema(): Readonly<Record<string, unknown>> {
  return schema;
}

let compiled: ValidateFunction | undefined;

/**
 * The ajv validator, compiled once per process (~80 ms) on first use. Strict mode, every error
 * (not just the first), `verbose` so errors carry their schema for did-you-mean suggestions.
 * Union types are allowed for `positive_class` (string | number) and `early_stopping` (mapping | boolean).
 */
export function pipelineValidator(): ValidateFunction {
  compiled ??= new Ajv({ strict: true, allErrors: true, verbose: true, allowUnionTypes: true }).compile(schema);
  return compiled;
}
