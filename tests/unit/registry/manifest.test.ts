import { describe, expect, it } from 'vitest';
import { parseManifest, serializeManifest } from '../../../src/registry/manifest.js';
import { RegistryError } from '../../../src/errors.js';

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

describe('deployment manifests: what a reviewer is told when one is wrong', () => {
  const refusal = (text: string) => {
    try {
      parseManifest(text, 'models/bc/deployments/production.yaml');
    } catch (err) {
      return err as RegistryError;
    }
    throw new Error('accepted');
  };

  it('every refusal is a RegistryError naming the file, with the shape of a manifest as the hint', () => {
    const err = refusal('model: a\nversion: 1\n');
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.message).toBe("models/bc/deployments/production.yaml: the document must have required property 'reason'");
    expect(err.file).toBe('models/bc/deployments/production.yaml');
    expect(err.hint).toBe('A manifest is {model, version, canary?: {version, weight}, reason}; see schemas/deployment.schema.json.');
  });

  it('a wrong field is named by its dotted path; an unknown key by its name', () => {
    expect(refusal('model: a\nversion: 1\ncanary: {version: 2, weight: 150}\nreason: r\n').message).toBe('models/bc/deployments/production.yaml: canary.weight must be < 100');
    expect(refusal('model: a\nversion: 1\nreason: r\nextra: 1\n').message).toBe("models/bc/deployments/production.yaml: the document must NOT have additional properties 'extra'");
  });

  it("YAML errors give the parser's first line only; duplicate keys are refused; a dozen aliases are refused", () => {
    expect(refusal('model: a\nmodel: b\nversion: 1\nreason: r\n').message).toBe('models/bc/deployments/production.yaml: not valid YAML: Map keys must be unique');
    const aliases = `x: &x 1\nl: [${Array.from({ length: 12 }, () => '*x').join(', ')}]\n`;
    expect(refusal(aliases).message).toMatch(/^models\/bc\/deployments\/production\.yaml: not valid YAML: Excessive alias count/);
    // Nine are within the cap (yaml's default would allow 100): parsed, then refused by the schema.
    expect(refusal(`x: &x 1\nl: [${Array.from({ length: 9 }, () => '*x').join(', ')}]\n`).message).not.toMatch(/not valid YAML/);
  });

  it('a long reason stays on one line, so a manifest diff is one line per change', () => {
    const reason = 'weekly retrain on the March data: roc_auc +0.012, accuracy +0.004, log_loss -0.010, reviewed by the on-call';
    const text = serializeManifest({ model: 'bc', version: 3, reason });
    expect(text.split('\n')).toEqual(['model: bc', 'version: 3', `reason: "${reason}"`, '']);
  });
});
