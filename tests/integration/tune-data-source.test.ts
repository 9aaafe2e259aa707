import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { dataServer } from '../helpers/data-server.js';
import { projectRoot, tempProject } from '../helpers/temp-project.js';

/**
 * `pipepilot tune` reads the data set through the same DataSource as `run` (issue 10's remote
 * and DVC sources, with their pins): the trials and the winner's run both get the bytes from a
 * loopback HTTP server or a DVC remote, never from a repository file that is not there.
 */
const BYTES = readFileSync(join(projectRoot, 'pipelines/data/breast-cancer.csv'));
const SHA = createHash('sha256').update(BYTES).digest('hex');
const MD5 = createHash('md5').update(BYTES).digest('hex');

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function pipeline(data: string): string {
  return [
    'apiVersion: pipepilot/v1',
    'name: bc',
    `data: ${data}`,
    'model: {task: binary_classification, type: linear, params: {max_iter: 100}, seed: 3}',
    'evaluate: {bootstrap: {samples: 20}}',
    'gates: [{metric: roc_auc, min: 0.9}]',
    'tune: {metric: roc_auc, sampler: random, pruner: none, trials: 3, space: {l2: {loguniform: [0.001, 1]}}}',
    '',
  ].join('\n');
}

function trialsOf(dir: string, out: string) {
  return readFileSync(join(dir, out, 'trials.jsonl'), 'utf8').trim().split('\n')
    .map((l) => JSON.parse(l) as { number: number; value: number; state: string; duration_ms?: number })
    .map(({ duration_ms: _d, ...rest }) => rest)
    .sort((a, b) => a.number - b.number);
}

describe('pipepilot tune reads data through the DataSource run uses', () => {
  it('an http source pinned by sha256: the same trials as the same bytes in the repository, and the winner records the URL', async () => {
    const server = await dataServer({ '/bc.csv': { body: BYTES } });
    const url = `${server.url}/bc.csv`;
    const dir = tempProject({
      'remote.yaml': pipeline(`{source: "${url}", sha256: "${SHA}", target: diagnosis, positive_class: malignant}`),
      'local.yaml': pipeline('{source: data/bc.csv, target: diagnosis, positive_class: malignant}'),
      'data/bc.csv': { copy: 'pipelines/data/breast-cancer.csv' },
    });
    const env = { PIPEPILOT_CACHE_DIR: tempDir('pipepilot-cache-') };
    const remote = await runCli(['tune', 'remote.yaml', '--workers', '1', '--out', 'remote', '--quiet'], dir, env);
    const local = await runCli(['tune', 'local.yaml', '--workers', '1', '--out', 'local', '--quiet'], dir, env);
    expect([remote.code, local.code], remote.stderr + local.stderr).toEqual([0, 0]);
    expect(trialsOf(dir, 'remote')).toEqual(trialsOf(dir, 'local'));
    expect(server.requests.some((r) => r.path === '/bc.csv')).toBe(true);
    const metrics = JSON.parse(readFileSync(join(dir, 'remote', 'winner', 'metrics.json'), 'utf8')) as { data: { source: string; fingerprint: string } };
    expect(metrics.data).toMatchObject({ source: url, fingerprint: `sha256:${SHA}` });
  });

  it('a wrong pin is exit 2 naming the source, and no trial runs', async () => {
    const server = await dataServer({ '/bc.csv': { body: BYTES } });
    const dir = tempProject({ 'p.yaml': pipeline(`{source: "${server.url}/bc.csv", sha256: "${'ab'.repeat(32)}", target: diagnosis, positive_class: malignant}`) });
    const res = await runCli(['tune', 'p.yaml', '--workers', '1', '--out', 'o'], dir, { PIPEPILOT_CACHE_DIR: tempDir('pipepilot-cache-') });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`${server.url}/bc.csv`);
    expect(res.stderr).toMatch(/sha256/);
    expect(res.stderr).not.toMatch(/^trial \d/m);
    expect(looksLikeStackTrace(res.stderr)).toBe(false);
  });

  it('a DVC-tracked source (the .dvc pointer in git, the bytes in a local remote) is tuned like a repository file', async () => {
    const remote = tempDir('pipepilot-dvc-remote-');
    const object = join(remote, 'files/md5', MD5.slice(0, 2), MD5.slice(2));
    mkdirSync(dirname(object), { recursive: true });
    writeFileSync(object, BYTES);
    const dir = tempProject({
      'p.yaml': pipeline('{source: data/bc.csv, target: diagnosis, positive_class: malignant}'),
      'data/bc.csv.dvc': `outs:\n- md5: ${MD5}\n  size: ${BYTES.length}\n  hash: md5\n  path: bc.csv\n`,
      '.dvc/config': `[core]\n    remote = storage\n['remote "storage"']\n    url = ${remote}\n`,
    });
    const res = await runCli(['tune', 'p.yaml', '--workers', '1', '--out', 'o', '--json'], dir, { PIPEPILOT_CACHE_DIR: tempDir('pipepilot-cache-') });
    expect(res.code, res.stderr).toBe(0);
    expect(trialsOf(dir, 'o').map((t) => t.state)).toEqual(['complete', 'complete', 'complete']);
    expect((JSON.parse(res.stdout) as { gates_passed: boolean }).gates_passed).toBe(true);
  });
});
