import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { nodeFiles } from '../../../src/cli/node-files.js';
import { RegistryError, UsageError } from '../../../src/errors.js';
import { digestOf } from '../../../src/registry/digest.js';
import type { RegistryMetadata } from '../../../src/registry/metadata.js';
import { checkedVersion, openRegisteredModel } from '../../../src/use-cases/registered-model.js';

/**
 * Loading a registered version (what predict and the server score): the refusals before any
 * byte is handed out. The happy path with a real registered version is in
 * tests/integration/registry-verify.test.ts; these are the decisions, on a small repository tree.
 */
const bytes = new TextEncoder().encode('weights');
const metadata = { files: { 'model.json': digestOf(new Uint8Array()), 'weights.bin': digestOf(bytes), 'preprocessor.json': 'sha256:0', 'card.md': 'sha256:0' } } as RegistryMetadata;

async function refusal<E extends Error>(p: Promise<unknown>): Promise<E> {
  return p.then(() => { throw new Error('accepted'); }, (err: E) => err);
}

function repo(tree: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pipepilot-open-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('checkedVersion: every artifact is checked against metadata.json before it is handed out', () => {
  it('reads the artifact under the version directory and returns its bytes when the digest matches', async () => {
    const asked: string[] = [];
    const v = checkedVersion({ model: 'bc', version: 2, metadata, readBytes: async (path) => (asked.push(path), bytes) });
    expect(v).toMatchObject({ model: 'bc', version: 2, dir: 'models/bc/v2' });
    expect(await v.read('weights.bin')).toBe(bytes);
    expect(asked).toEqual(['models/bc/v2/weights.bin']);
  });

  it('a changed file is refused, naming both digests and how to restore it', async () => {
    const v = checkedVersion({ model: 'bc', version: 2, metadata, readBytes: async () => new TextEncoder().encode('tampered') });
    const err = await refusal<RegistryError>(v.read('weights.bin'));
    expect(err).toBeInstanceOf(RegistryError);
    const actual = digestOf(new TextEncoder().encode('tampered'));
    expect(err.message).toBe(`models/bc/v2/weights.bin: digest ${actual} does not match metadata.json (${metadata.files['weights.bin']}); refusing to load bc v2`);
    expect(err).toMatchObject({ file: 'models/bc/v2/weights.bin', version: 2, digest: { expected: metadata.files['weights.bin'], actual } });
    expect(err.hint).toBe('The file changed after it was registered. Restore it from git (`git checkout -- <file>`), then run `pipepilot verify`.');
  });

  it('a name that is not an artifact (metadata.json, a path out of the version) is refused without reading', async () => {
    const v = checkedVersion({ model: 'bc', version: 2, metadata, readBytes: async () => { throw new Error('read'); } });
    for (const name of ['metadata.json', '../v1/weights.bin']) {
      const err = await refusal<RegistryError>(v.read(name));
      expect(err).toBeInstanceOf(RegistryError);
      expect(err.message).toBe(`models/bc/v2/${name}: not an artifact of a version`);
      expect(err).toMatchObject({ file: `models/bc/v2/${name}`, version: 2 });
    }
  });
});

describe('openRegisteredModel: which version, and why not', () => {
  const deployed = (model: string, version: number) => `model: ${model}\nversion: ${version}\nreason: r\n`;

  it('an unknown model lists the registered ones (directories only); with none, says how to register', async () => {
    const dir = repo({ 'models/churn/v1/metadata.json': '{}', 'models/fraud/deployments/production.yaml': deployed('fraud', 1), 'models/README.md': 'x' });
    const err = await refusal<UsageError>(openRegisteredModel(nodeFiles(dir), { model: 'bc' }));
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toBe("unknown model 'bc': no models/bc/ in this repository");
    expect(err.hint).toBe('Registered models: churn, fraud.');
    expect((await refusal<UsageError>(openRegisteredModel(nodeFiles(repo({ 'README.md': 'x' })), { model: 'bc' }))).hint).toMatch(/^Nothing is registered yet/);
  });

  it('without a version it follows the production manifest, or the one of --env', async () => {
    const dir = repo({ 'models/bc/deployments/production.yaml': deployed('bc', 3), 'models/bc/deployments/staging.yaml': deployed('bc', 4) });
    const prod = await refusal<RegistryError>(openRegisteredModel(nodeFiles(dir), { model: 'bc' }));
    expect(prod.message).toBe('bc has no version 3 (models/bc/v3/ not found)');
    expect(prod).toMatchObject({ version: 3, file: 'models/bc/v3/metadata.json', hint: 'List the versions in models/<name>/, or use --env to follow a manifest.' });
    expect((await refusal<RegistryError>(openRegisteredModel(nodeFiles(dir), { model: 'bc', env: 'staging' }))).message).toBe('bc has no version 4 (models/bc/v4/ not found)');
    expect((await refusal<RegistryError>(openRegisteredModel(nodeFiles(dir), { model: 'bc', version: 9, env: 'staging' }))).message).toBe('bc has no version 9 (models/bc/v9/ not found)');
  });

  it('not deployed, or a manifest naming another model: refused, naming the file', async () => {
    const dir = repo({ 'models/bc/deployments/staging.yaml': deployed('churn', 1) });
    const none = await refusal<RegistryError>(openRegisteredModel(nodeFiles(dir), { model: 'bc' }));
    expect(none.message).toBe('bc is not deployed to production: no models/bc/deployments/production.yaml');
    expect(none).toMatchObject({ file: 'models/bc/deployments/production.yaml', hint: 'Pass --version N, or promote a version to this environment first.' });
    const other = await refusal<RegistryError>(openRegisteredModel(nodeFiles(dir), { model: 'bc', env: 'staging' }));
    expect(other.message).toBe("models/bc/deployments/staging.yaml: names model 'churn', expected 'bc'");
    expect(other.file).toBe('models/bc/deployments/staging.yaml');
  });
});
