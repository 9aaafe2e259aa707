import { describe, expect, it } from 'vitest';
import { parseManifest, serializeManifest } from '../../../src/registry/manifest.js';

describe('deployment manifests', () => {
  it('serialize then parse gives the manifest back, keys in schema order', () => {
    const m = { model: 'churn', version: 4, canary: { version: 5, weight: 10 }, reason: 'weekly retrain: roc_auc +0.01' };
    const text = serializeManifest(m);
    expect(text.split('\n')[0]).toBe('model: churn');
    expect(parseManifest(text, 'production.yaml')).toEqual(m);
  });

  it('hostile YAML is refused, not interpreted', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n';
    expect(() => parseManifest(bomb, 'f.yaml')).toThrow(/f\.yaml: /);
    expect(() => parseManifest('constructor: {prototype: 1}\nmodel: a\nversion: 1\nreason: r\n', 'f.yaml')).toThrow(/additional properties 'constructor'/);
    expect(() => parseManifest('- 1\n- 2\n', 'f.yaml')).toThrow(/must be object/);
    expect(() => parseManifest('model: a\nversion: 1.5\nreason: r\n', 'f.yaml')).toThrow(/version must be integer/);
    expect(() => parseManifest('\t:\n', 'f.yaml')).toThrow(/not valid YAML/);
  });
});
