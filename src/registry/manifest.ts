import { Ajv, type ValidateFunction } from 'ajv';
import { parseDocument, stringify } from 'yaml';
import schema from '../../schemas/deployment.schema.json' with { type: 'json' };
import { RegistryError } from '../errors.js';

/** `models/<name>/deployments/<env>.yaml`: what an environment serves. */
export interface Manifest {
  model: string;
  version: number;
  canary?: { version: number; weight: number };
  reason: string;
}

let compiled: ValidateFunction | undefined;

/**
 * Parses a manifest and validates it against `schemas/deployment.schema.json`. Hostile YAML is
 * refused, not interpreted: aliases are capped, duplicate keys and `__proto__` keys are errors
 * (yaml keeps `__proto__` as an own key, which the schema's additionalProperties rejects).
 */
export function parseManifest(text: string, file: string): Manifest {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const fail = (what: string) =>
    new RegistryError(`${file}: ${what}`, { file, hint: 'A manifest is {model, version, canary?: {version, weight}, reason}; see schemas/deployment.schema.json.' });
  if (doc.errors.length > 0) throw fail(`not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 10 });
  } catch (err) {
    throw fail(`not valid YAML: ${(err as Error).message}`);
  }
  compiled ??= new Ajv({ strict: true, allErrors: true }).compile(schema);
  if (!compiled(value)) {
    // A failed validation always has a first error (so no optional chains: mutation testing showed them unreachable).
    const e = compiled.errors![0];
    const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the document';
    const extra = e.keyword === 'additionalProperties' ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'` : '';
    throw fail(`${where} ${e.message}${extra}`);
  }
  return value as unknown as Manifest;
}

/** The manifest as YAML, keys in schema order, so a diff of two manifests is one line per change. */
export function serializeManifest(m: Manifest): string {
  const ordered = { model: m.model, version: m.version, ...(m.canary ? { canary: { version: m.canary.version, weight: m.canary.weight } } : {}), reason: m.reason };
  return stringify(ordered, { lineWidth: 0 });
}
