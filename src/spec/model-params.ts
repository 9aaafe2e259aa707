import { Ajv, type ValidateFunction } from 'ajv';
import { pipelineSchema } from './pipeline-schema.js';

/**
 * The model.params each model type reads; the others are accepted by the schema (one params
 * mapping serves every type) but do nothing. A string-keyed table, not Record<ModelType>, so a
 * model type added in a parallel change (gbdt, issue 13) already has its row.
 */
export const PARAMS_USED: Readonly<Record<string, readonly string[]>> = {
  linear: ['l2', 'max_iter', 'tol'],
  mlp: ['hidden_units', 'activation', 'dropout', 'l2', 'learning_rate', 'epochs', 'batch_size', 'early_stopping'],
  gbdt: ['learning_rate', 'max_leaf_nodes', 'max_depth', 'min_samples_leaf', 'min_hessian', 'l2', 'max_bins', 'max_iter', 'subsample', 'colsample', 'early_stopping'],
};

/** The params of `params` that model type `type` ignores, in the order written. Unknown types ignore nothing (we cannot tell). */
export function ignoredParams(type: string, params: Readonly<Record<string, unknown>> | undefined): string[] {
  const used = PARAMS_USED[type];
  if (used === undefined || params === undefined) return [];
  return Object.keys(params).filter((k) => !used.includes(k));
}

const valueValidators = new Map<string, ValidateFunction | null>();

/**
 * Why `value` is not a valid model.params.`name` according to the schema (e.g. a dropout range
 * reaching 1), or undefined when it is valid or the schema does not describe `name`.
 */
export function paramValueProblem(name: string, value: unknown): string | undefined {
  let validate = valueValidators.get(name);
  if (validate === undefined) {
    const defs = (pipelineSchema() as { definitions: { params: { properties: Record<string, unknown> } } }).definitions;
    const sub = defs.params.properties[name];
    validate = sub === undefined ? null : new Ajv({ strict: false, allowUnionTypes: true }).compile(sub as object);
    valueValidators.set(name, validate);
  }
  if (validate === null || validate(value)) return undefined;
  const e = validate.errors?.[0];
  return `${e?.instancePath ? e.instancePath + ' ' : ''}${e?.message ?? 'is invalid'}`;
}

const KNOWN_PARAMS = new Set(Object.values(PARAMS_USED).flat());

/**
 * `params` without the known params the model type does not read, in the order written: what
 * metrics.json, metadata.json, the card and the PR comment report. loadSpec's defaults fill one
 * flat params object for every type (an MLP's hidden_units on a gbdt), which would otherwise be
 * reported as if they meant something. Keys no type knows, and every key of an unknown type, are
 * kept (we cannot tell).
 */
export function paramsUsedBy<T extends object>(type: string, params: T): Partial<T> {
  const used = PARAMS_USED[type];
  if (used === undefined) return { ...params };
  return Object.fromEntries(Object.entries(params).filter(([k]) => used.includes(k) || !KNOWN_PARAMS.has(k))) as Partial<T>;
}
