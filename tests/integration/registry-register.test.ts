import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { projectRoot, tempProject } from '../helpers/temp-project.js';
import { bcData, smallPipeline } from '../helpers/registry-fixtures.js';
import { tempRepo } from '../helpers/temp-repo.js';


const metadataSchema = JSON.parse(readFileSync(join(projectRoot, 'schemas/metadata.schema.json'), 'utf8'));

describe('pipepilot register', () => {
  it('writes models/<name>/v1/ with metadata, model, weights, preprocessor and card, in one commit naming version and metrics', async () => {
    const repo = tempRepo({ 'p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    const res = await runCli(['register', 'p.yaml', '-q'], repo.dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^registered bc v1 \(commit [0-9a-f]{12}\)/);
    const files = repo.git(repo.dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();
    expect(files).toEqual(['card.md', 'metadata.json', 'model.json', 'preprocessor.json', 'weights.bin'].map((f) => `models/bc/v1/${f}`));
    const message = repo.git(repo.dir, 'log', '-1', '--format=%B');
    expect(message).toMatch(/^register bc v1: accuracy 0\.9\d+/);
    expect(message).toMatch(/PipePilot-Version: 1/);
    expect(repo.git(repo.dir, 'status', '--porcelain')).toBe('');

    const meta = JSON.parse(readFileSync(join(repo.dir, 'models/bc/v1/metadata.json'), 'utf8'));
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(metadataSchema);
    expect(validate(meta), JSON.stringify(validate.errors)).toBe(true);
    const initial = repo.git(repo.dir, 'rev-parse', 'HEAD~1').trim();
    expect(meta.lineage.commit).toEqual({ sha: initial, dirty: false });
    expect(meta.lineage.pipeline).toEqual({ path: 'p.yaml', blob_sha: repo.git(repo.dir, 'rev-parse', 'HEAD:p.yaml').trim() });
    expect(meta.lineage.data.rows).toMatchObject({ read: 569, train: 456, test: 113 });
    expect(meta.lineage.backend.name).toBe('wasm');
    expect(meta.model_spec.seed).toBe(1);
    expect(meta.baseline_version).toBeNull();
    expect(meta.override).toBeNull();
    expect(meta.features.numeric).toHaveLength(30);
    expect(Object.keys(meta.reference_stats).length).toBeGreaterThan(0);
    const card = readFileSync(join(repo.dir, 'models/bc/v1/card.md'), 'utf8');
    for (const heading of ['# bc v1', '## Intended use', 'Screening aid', '### Metrics', '### Gates', '## Lineage']) expect(card).toContain(heading);
  });

  it('same run registered twice: already registered as v1, nothing committed', async () => {
    const repo = tempRepo({ 'p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    expect((await runCli(['register', 'p.yaml', '-q'], repo.dir)).code).toBe(0);
    const head = repo.git(repo.dir, 'rev-parse', 'HEAD');
    const again = await runCli(['register', 'p.yaml', '-q'], repo.dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already registered as v1/);
    expect(repo.git(repo.dir, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('a different seed is a different content key: v2', async () => {
    const repo = tempRepo({ 'p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    expect((await runCli(['register', 'p.yaml', '-q'], repo.dir)).code).toBe(0);
    writeFileSync(join(repo.dir, 'p.yaml'), smallPipeline({ seed: 2 }));
    const res = await runCli(['register', 'p.yaml', '-q'], repo.dir);
    expect(res.stdout).toMatch(/registered bc v2/);
    const meta = JSON.parse(readFileSync(join(repo.dir, 'models/bc/v2/metadata.json'), 'utf8'));
    expect(meta.lineage.commit.dirty).toBe(true);
  });

  it('a version removed by git revert is never handed out again', async () => {
    const repo = tempRepo({ 'p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    expect((await runCli(['register', 'p.yaml', '-q'], repo.dir)).code).toBe(0);
    writeFileSync(join(repo.dir, 'p.yaml'), smallPipeline({ seed: 2 }));
    expect((await runCli(['register', 'p.yaml', '-q'], repo.dir)).stdout).toMatch(/v2/);
    repo.git(repo.dir, 'revert', '--no-edit', 'HEAD');
    expect(existsSync(join(repo.dir, 'models/bc/v2'))).toBe(false);
    writeFileSync(join(repo.dir, 'p.yaml'), smallPipeline({ seed: 3 }));
    const res = await runCli(['register', 'p.yaml', '-q'], repo.dir);
    expect(res.stdout).toMatch(/registered bc v3/);
  });

  it('--from-run registers the run directory without training, once it matches the pipeline', async () => {
    const repo = tempRepo({ 'p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    expect((await runCli(['run', 'p.yaml', '--out', '.pipepilot/r', '-q'], repo.dir)).code).toBe(0);
    const res = await runCli(['register', 'p.yaml', '--from-run', '.pipepilot/r', '-q'], repo.dir);
    expect(res.code).toBe(0);
    expect(readFileSync(join(repo.dir, 'models/bc/v1/weights.bin'))).toEqual(readFileSync(join(repo.dir, '.pipepilot/r/model/weights.bin')));
  });

  it('--from-run refuses a run made from another pipeline (seed changed since): exit 2, nothing committed', async () => {
    const repo = tempRepo({ 'p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    expect((await runCli(['run', 'p.yaml', '--out', '.pipepilot/r', '-q'], repo.dir)).code).toBe(0);
    writeFileSync(join(repo.dir, 'p.yaml'), smallPipeline({ seed: 9 }));
    const res = await runCli(['register', 'p.yaml', '--from-run', '.pipepilot/r', '-q'], repo.dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/\.pipepilot\/r does not match p\.yaml/);
    expect(existsSync(join(repo.dir, 'models'))).toBe(false);
    // A run of another pipeline altogether is named as such, not as "something changed".
    writeFileSync(join(repo.dir, 'q.yaml'), smallPipeline({ name: 'other' }));
    const other = await runCli(['register', 'q.yaml', '--from-run', '.pipepilot/r', '-q'], repo.dir);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/\.pipepilot\/r is a run of another pipeline: 'bc' \(p\.yaml\), not 'other' \(q\.yaml\)/);
    expect(other.stderr).not.toMatch(/changed since the run/);
    expect(existsSync(join(repo.dir, 'models'))).toBe(false);
  });
});

describe('pipepilot register: failed gates', () => {
  const failing = () => tempRepo({ 'p.yaml': smallPipeline({ gates: '[{metric: accuracy, min: 0.999}]' }), 'data/bc.csv': bcData });

  it('failed gates refuse to register without --force --reason (exit 1, nothing written)', async () => {
    const repo = failing();
    const res = await runCli(['register', 'p.yaml', '-q'], repo.dir);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/gate failed: accuracy/);
    expect(res.stderr).toMatch(/--force --reason/);
    expect(existsSync(join(repo.dir, 'models'))).toBe(false);
    expect(repo.git(repo.dir, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
  });

  it('--force --reason registers and records the override in metadata, card and commit', async () => {
    const repo = failing();
    const res = await runCli(['register', 'p.yaml', '-q', '--force', '--reason', 'hotfix approved by on-call (INC-42)'], repo.dir);
    expect(res.code).toBe(0);
    const meta = JSON.parse(readFileSync(join(repo.dir, 'models/bc/v1/metadata.json'), 'utf8'));
    expect(meta.gates_passed).toBe(false);
    expect(meta.override).toEqual({ reason: 'hotfix approved by on-call (INC-42)' });
    expect(readFileSync(join(repo.dir, 'models/bc/v1/card.md'), 'utf8')).toMatch(/despite failed gates.*INC-42/);
    expect(repo.git(repo.dir, 'log', '-1', '--format=%B')).toMatch(/gates overridden with --force: hotfix approved by on-call \(INC-42\)/);
  });

  it('--force without --reason, or an empty reason, is bad input (exit 2)', async () => {
    const repo = failing();
    for (const args of [['--force'], ['--reason', 'x'], ['--force', '--reason', '  ']]) {
      const res = await runCli(['register', 'p.yaml', '-q', ...args], repo.dir);
      expect(res.code, args.join(' ')).toBe(2);
      expect(looksLikeStackTrace(res.stderr)).toBe(false);
    }
    expect(existsSync(join(repo.dir, 'models'))).toBe(false);
  });
});

describe('pipepilot register: bad input', () => {
  it('outside a git repository: exit 2, says to run inside one', async () => {
    const dir = tempProject({ 'p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    rmSync(join(dir, '.git'), { recursive: true });
    const res = await runCli(['register', 'p.yaml', '-q'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/git repository/);
  });

  it('--push from a detached HEAD: exit 2', async () => {
    const repo = tempRepo({ 'p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    repo.git(repo.dir, 'checkout', '-q', '--detach');
    const res = await runCli(['register', 'p.yaml', '-q', '--push'], repo.dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/detached HEAD/);
  });
});
