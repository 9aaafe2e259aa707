import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGit } from '../../src/git/simple-git-client.js';
import { tempRepo } from '../helpers/temp-repo.js';

const at = (iso: string): NodeJS.ProcessEnv => ({ ...process.env, GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso });

describe('git: bytes at a ref, additions, first-parent log', () => {
  it('tryShowFileBytes returns a binary file\'s exact bytes (NULs, invalid UTF-8), undefined where it is not', async () => {
    // Every byte value, twice, and a lone 0xff: a text round trip would mangle these.
    const bytes = new Uint8Array([...Array.from({ length: 512 }, (_, i) => i % 256), 0xff, 0x00, 0xc3]);
    const repo = tempRepo({ 'models/m/v1/weights.bin': bytes });
    const git = await createGit(repo.dir);
    const first = (await git.tryResolveCommit('HEAD'))!;
    expect(first).toMatch(/^[0-9a-f]{40}$/);
    repo.git(repo.dir, 'rm', '-q', 'models/m/v1/weights.bin');
    repo.git(repo.dir, 'commit', '-q', '-m', 'remove');
    expect(await git.tryShowFileBytes(first, 'models/m/v1/weights.bin')).toEqual(bytes);
    expect(await git.tryShowFileBytes('HEAD', 'models/m/v1/weights.bin')).toBeUndefined();
    expect(await git.tryShowFileBytes('no-such-ref', 'models/m/v1/weights.bin')).toBeUndefined();
    expect(await git.tryResolveCommit('main~1')).toBe(first);
    expect(await git.tryResolveCommit('no-such-ref')).toBeUndefined();
    expect(await git.tryResolveCommit('--all')).toBeUndefined();
  });

  it('logAdditions names who added which files in one log; firstParentLog dates a merged change by its merge', async () => {
    const repo = tempRepo({ 'README.md': 'x\n' });
    const run = (args: string[], iso: string) => execFileSync('git', args, { cwd: repo.dir, env: at(iso) });
    const write = (path: string, text: string) => {
      mkdirSync(join(repo.dir, path, '..'), { recursive: true });
      writeFileSync(join(repo.dir, path), text);
    };
    write('models/m/v1/metadata.json', '{}');
    write('models/m/v2/metadata.json', '{}');
    run(['add', '-A'], '2026-01-01T00:00:00Z');
    run(['commit', '-q', '-m', 'two versions'], '2026-01-01T00:00:00Z');
    // A promotion written on a branch on 2 Jan, merged into main on 5 Jan.
    run(['checkout', '-q', '-b', 'deploy'], '2026-01-02T00:00:00Z');
    write('models/m/deployments/production.yaml', 'model: m\nversion: 2\nreason: x\n');
    run(['add', '-A'], '2026-01-02T00:00:00Z');
    run(['commit', '-q', '-m', 'promote v2'], '2026-01-02T00:00:00Z');
    run(['checkout', '-q', 'main'], '2026-01-03T00:00:00Z');
    write('other.txt', 'y\n');
    run(['add', '-A'], '2026-01-03T00:00:00Z');
    run(['commit', '-q', '-m', 'unrelated'], '2026-01-03T00:00:00Z');
    run(['merge', '-q', '--no-ff', '-m', 'Merge deploy', 'deploy'], '2026-01-05T00:00:00Z');

    const git = await createGit(repo.dir);
    const added = await git.logAdditions(':(glob)models/m/v*/metadata.json');
    expect(added).toHaveLength(1);
    expect(added[0].paths.sort()).toEqual(['models/m/v1/metadata.json', 'models/m/v2/metadata.json']);
    expect(added[0].commit).toMatchObject({ author: 'PipePilot Test', committedAt: '2026-01-01T00:00:00+00:00', subject: 'two versions' });

    const log = await git.firstParentLog('models/m/deployments/production.yaml');
    expect(log.map((c) => [c.subject, c.committedAt])).toEqual([['Merge deploy', '2026-01-05T00:00:00+00:00']]);
    expect(log[0].parents).toHaveLength(2);
    expect(await git.logAdditions(':(glob)nothing/*')).toEqual([]);
  });
});
