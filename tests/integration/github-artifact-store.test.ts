import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import artifact from '@actions/artifact';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { ModelFileError, PipePilotError } from '../../src/errors.js';
import {
  bundleArtifactName, createActionsBundleStore, safeBundleKey, type BundleArtifactClient,
} from '../../src/github/artifact-store.js';
import { createLocalBundleStore } from '../../src/github/local-bundle-store.js';
import { createGitHub } from '../../src/github/octokit-client.js';
import { githubStandIn } from '../helpers/github-stand-in.js';

const KEY = 'a3f1c9e0b7d2'.padEnd(64, '0');

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pipepilot-bundles-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A small run bundle as `pipepilot run` writes it. */
function bundle(root: string): string {
  const files: Record<string, string> = {
    'metrics.json': '{"roc_auc":0.91}\n',
    'report.md': '# churn\n',
    'model/model.json': '{"format":"layers-model"}',
    'model/weights.bin': '\u0001\u0002\u0003',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('bundle names', () => {
  it('keeps a hex content key as is and makes any other key a safe, distinct name', () => {
    expect(safeBundleKey(KEY)).toBe(KEY);
    expect(bundleArtifactName(KEY)).toBe(`pipepilot-bundle-${KEY}`);
    const odd = ['churn:v1', 'churn/v1', '../../etc/passwd', 'a"b<c>|*?\\\r\n', '..', 'x'.repeat(300)];
    const names = odd.map(bundleArtifactName);
    for (const name of names) {
      expect(name).toMatch(/^pipepilot-bundle-[A-Za-z0-9._-]+$/);
      expect(name.length).toBeLessThanOrEqual(117);
    }
    expect(new Set(names).size).toBe(odd.length);
    expect(safeBundleKey('churn:v1')).toMatch(/^churn-v1-[0-9a-f]{12}$/);
    expect(() => safeBundleKey('')).toThrow(PipePilotError);
  });
});

describe('local bundle store', () => {
  it('stores a bundle once under its key and copies it back', async () => {
    const root = join(tempDir(), '.pipepilot/bundles');
    const store = createLocalBundleStore(root);
    const source = bundle(tempDir());
    expect(await store.upload(KEY, source)).toEqual({ action: 'uploaded', name: KEY });
    expect(await store.upload(KEY, source)).toEqual({ action: 'unchanged', name: KEY });
    expect(readdirSync(root)).toEqual([KEY]); // no staging directory left behind

    const target = join(tempDir(), 'fetched');
    expect(await store.tryDownload(KEY, target)).toBe(true);
    expect(readFileSync(join(target, 'metrics.json'), 'utf8')).toBe('{"roc_auc":0.91}\n');
    expect(readFileSync(join(target, 'model/weights.bin'))).toEqual(Buffer.from([1, 2, 3]));
  });

  it('says false for a key it does not hold, and keeps odd keys inside its root', async () => {
    const base = tempDir();
    const store = createLocalBundleStore(join(base, 'bundles'));
    expect(await store.tryDownload(KEY, join(base, 'out'))).toBe(false);
    await store.upload('../../escape', bundle(join(base, 'src')));
    expect(readdirSync(base).sort()).toEqual(['bundles', 'src']);
    expect(readdirSync(join(base, 'bundles'))).toEqual([safeBundleKey('../../escape')]);
  });

  it('refuses a missing or empty bundle directory', async () => {
    const base = tempDir();
    const store = createLocalBundleStore(join(base, 'bundles'));
    await expect(store.upload(KEY, join(base, 'nope'))).rejects.toBeInstanceOf(ModelFileError);
    mkdirSync(join(base, 'empty'));
    await expect(store.upload(KEY, join(base, 'empty'))).rejects.toThrow(/holds no files/);
  });
});

/** Records what the store hands @actions/artifact's client (which needs the Actions runtime). */
function recordingClient(failUpload?: Error) {
  const calls: unknown[][] = [];
  const client: BundleArtifactClient = {
    uploadArtifact: async (...args) => {
      calls.push(['upload', ...args]);
      if (failUpload) throw failUpload;
      return { id: 1, size: 10 };
    },
    downloadArtifact: async (...args) => {
      calls.push(['download', ...args]);
      return { downloadPath: args[1]?.path };
    },
  };
  return { client, calls };
}

async function actionsStore(client: BundleArtifactClient) {
  const standIn = await githubStandIn();
  const github = createGitHub({ token: standIn.token, owner: standIn.owner, repo: standIn.repo, baseUrl: standIn.baseUrl });
  const store = createActionsBundleStore({ client, github, token: standIn.token, owner: standIn.owner, repo: standIn.repo, retentionDays: 30 });
  return { standIn, store };
}

describe('Actions artifact bundle store (wiring only: the client needs the Actions runtime)', () => {
  it('uploads every file of the bundle under its artifact name, once per key', async () => {
    const { client, calls } = recordingClient();
    const { standIn, store } = await actionsStore(client);
    const source = bundle(tempDir());
    expect(await store.upload(KEY, source)).toEqual({ action: 'uploaded', name: `pipepilot-bundle-${KEY}` });
    const files = ['metrics.json', 'model/model.json', 'model/weights.bin', 'report.md'].map((f) => join(source, f));
    expect(calls).toEqual([['upload', `pipepilot-bundle-${KEY}`, files, source, { retentionDays: 30 }]]);

    standIn.addArtifact({ name: `pipepilot-bundle-${KEY}`, workflowRunId: 42 });
    expect(await store.upload(KEY, source)).toMatchObject({ action: 'unchanged' });
    expect(calls).toHaveLength(1);
  });

  it('downloads from the run that uploaded the bundle, or says false', async () => {
    const { client, calls } = recordingClient();
    const { standIn, store } = await actionsStore(client);
    expect(await store.tryDownload(KEY, '/tmp/x')).toBe(false);
    const stored = standIn.addArtifact({ name: `pipepilot-bundle-${KEY}`, workflowRunId: 42 });
    expect(await store.tryDownload(KEY, '/tmp/x')).toBe(true);
    expect(calls).toEqual([[
      'download', stored.id,
      { path: '/tmp/x', findBy: { token: standIn.token, workflowRunId: 42, repositoryOwner: standIn.owner, repositoryName: standIn.repo } },
    ]]);
  });

  it('outside GitHub Actions the real client fails, and the failure says where bundles go instead', async () => {
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', '');
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true); // @actions/core logs "Artifact name is valid!"
    onTestFinished(() => {
      quiet.mockRestore();
    });
    const { store } = await actionsStore(artifact);
    const err = await store.upload(KEY, bundle(tempDir())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PipePilotError);
    expect(err).toMatchObject({ hint: expect.stringContaining('.pipepilot/bundles/') });
    expect((err as Error).message).toContain(`uploading run bundle 'pipepilot-bundle-${KEY}' failed`);
  });
});
