import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/temp-project.js';
import { pipelineSchema, pipelineValidator } from '../../../src/spec/pipeline-schema.js';
import { validatePipelineFiles } from '../../../src/spec/validate-files.js';

type Schema = Record<string, unknown>;
const root = pipelineSchema() as Schema;

function resolveRef(s: Schema): Schema {
  const ref = s.$ref as string | undefined;
  if (!ref) return s;
  const target = ref.replace('#/', '').split('/').reduce<Schema>((at, k) => at[k] as Schema, root);
  return { ...resolveRef(target), ...s, $ref: undefined };
}

/** Every property as [dotted path, its schema]; list items as `gates[]`. Distributions under tune.space are one level. */
function properties(s: Schema = root, path = ''): [string, Schema][] {
  const out: [string, Schema][] = [];
  const here = resolveRef(s);
  for (const [key, sub] of Object.entries((here.properties ?? {}) as Record<string, Schema>)) {
    const full = path ? `${path}.${key}` : key;
    out.push([full, sub]);
    if (!full.startsWith('tune.space.')) out.push(...properties(sub, full));
  }
  const items = here.items as Schema | undefined;
  if (items && typeof items === 'object') out.push(...properties(items, `${path}[]`));
  return out;
}

describe('schemas/pipeline.schema.json', () => {
  it('compiles in ajv strict mode and has its $id', () => {
    expect(typeof pipelineValidator()).toBe('function');
    expect(root.$id).toBe('https://pipepilot.dev/schemas/pipeline.schema.json');
  });

  it('gives every property a description, for editor hover help', () => {
    const missing = properties().filter(([, s]) => typeof resolveRef(s).description !== 'string').map(([p]) => p);
    expect(missing).toEqual([]);
  });

  it('closes every mapping with additionalProperties: false', () => {
    const open: string[] = [];
    const visit = (s: unknown, where: string) => {
      if (s === null || typeof s !== 'object') return;
      const obj = s as Schema;
      // anyOf branches name keys with `properties: {min: true}` only to satisfy ajv's strictRequired.
      const declaresKeys = Object.values((obj.properties ?? {}) as object).some((p) => p !== true);
      if (declaresKeys && obj.additionalProperties !== false) open.push(where);
      for (const [k, v] of Object.entries(obj)) visit(v, `${where}/${k}`);
    };
    visit(root, '#');
    expect(open).toEqual([]);
  });

  it('every key appears in docs/pipeline.md by its full dotted path', () => {
    const doc = readFileSync(`${projectRoot}/docs/pipeline.md`, 'utf8');
    const paths = properties().map(([p]) => p);
    expect(paths).toContain('data.split.seed');
    expect(paths).toContain('gates[].max_drop_rel');
    expect(paths).toContain('model.params.early_stopping.restore_best');
    expect(paths.filter((p) => !doc.includes(`\`${p}\``))).toEqual([]);
    for (const dist of ['uniform', 'loguniform', 'int', 'choice']) expect(doc).toContain(`\`${dist}\``);
  });

  it('the docs name the editor comment and the VS Code setting', () => {
    const doc = readFileSync(`${projectRoot}/docs/pipeline.md`, 'utf8');
    expect(doc).toContain('# yaml-language-server: $schema=../schemas/pipeline.schema.json');
    expect(doc).toContain('"yaml.schemas"');
  });

  it('every key of a loaded PipelineSpec is a key of the schema (types.ts and the schema agree)', () => {
    const text = readFileSync(`${projectRoot}/tests/fixtures/pipelines/valid/every-key.yaml`, 'utf8');
    const [result] = validatePipelineFiles([{ file: 'every-key.yaml', text }], '/repo');
    const known = new Set(properties().map(([p]) => p.replace(/\[\]/g, '')));
    const specPaths: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (v === null || typeof v !== 'object' || path === 'tune.space') return;
      if (Array.isArray(v)) return v.forEach((item) => walk(item, path));
      for (const [k, sub] of Object.entries(v)) {
        specPaths.push(path ? `${path}.${k}` : k);
        walk(sub, path ? `${path}.${k}` : k);
      }
    };
    walk(result.spec, '');
    expect(specPaths.length).toBeGreaterThan(60);
    expect(specPaths.filter((p) => !known.has(p))).toEqual([]);
  });
});
