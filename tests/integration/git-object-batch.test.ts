import { spawn, spawnSync } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { objectBatch } from '../../src/git/object-batch.js';
import { createGit } from '../../src/git/simple-git-client.js';
import { assertLibBuilt } from '../helpers/built-lib.js';
import { projectRoot } from '../helpers/temp-project.js';
import { tempRepo } from '../helpers/temp-repo.js';

/** Bytes that span many pipe chunks and hold newlines and the batch's own header shape. */
function awkwardBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = i % 97 === 0 ? 10 : x >>> 24;
  }
  out.set(new TextEncoder().encode('0123456789012345678901234567890123456789 blob 5\nmissing\n'), 100);
  return out;
}

describe('git: reads through one cat-file --batch process', () => {
  it('answers many reads at once in order: blobs of any size byte for byte, missing names, commits made meanwhile', async () => {
    const big = awkwardBytes(1_500_000);
    const repo = tempRepo({ 'models/m/v1/weights.bin': big, 'a.txt': 'alpha\n', 'empty.txt': '' });
    const git = await createGit(repo.dir);
    const first = (await git.status()).head!;
    const reads = await Promise.all([
      git.tryShowFileBytes('HEAD', 'models/m/v1/weights.bin'),
      git.tryShowFile('HEAD', 'a.txt'),
      git.tryShowFile('HEAD', 'no/such/file'),
      git.tryShowFile('no-such-ref', 'a.txt'),
      git.tryShowFile('HEAD', 'empty.txt'),
      git.tryResolveCommit('HEAD'),
      git.tryResolveCommit('-x'),
      git.tryShowFileBytes(first, 'models/m/v1/weights.bin'),
    ]);
    expect(Buffer.from(reads[0] as Uint8Array).equals(Buffer.from(big))).toBe(true);
    expect((reads[0] as Uint8Array).byteOffset).toBe(0);
    expect(reads.slice(1, 7)).toEqual(['alpha\n', undefined, undefined, '', first, undefined]);
    expect(Buffer.from(reads[7] as Uint8Array).equals(Buffer.from(big))).toBe(true);

    // The same process sees a commit made after it started: refs are read afresh.
    writeFileSync(join(repo.dir, 'a.txt'), 'beta\n');
    const second = await git.commitFiles(['a.txt'], 'change a');
    expect(second).not.toBe(first);
    expect(second).toBe(repo.git(repo.dir, 'rev-parse', 'HEAD').trim());
    expect(await git.tryShowFile('HEAD', 'a.txt')).toBe('beta\n');
    expect(await git.tryShowFile(first, 'a.txt')).toBe('alpha\n');
    expect(await git.tryResolveCommit('HEAD~1')).toBe(first);
    git.close();
    // Closed, then asked again: a new process answers.
    expect(await git.tryShowFile('HEAD', 'a.txt')).toBe('beta\n');
    git.close();
  });

  it('a directory is not a file: the read falls back to git itself, which says what it says', async () => {
    const repo = tempRepo({ 'models/m/v1/metadata.json': '{}\n' });
    const git = await createGit(repo.dir);
    // `git show HEAD:models` lists the tree; the batch answers "tree", which the client hands to git show.
    expect(await git.tryShowFile('HEAD', 'models')).toBe(repo.git(repo.dir, 'show', 'HEAD:models'));
    git.close();
  });

  it('refuses a name it cannot ask (a newline would be two requests), and an unborn HEAD is no commit', async () => {
    const repo = tempRepo({ 'a.txt': 'x' });
    const batch = objectBatch(repo.dir);
    await expect(batch.read('HEAD\nHEAD')).rejects.toThrow(/newline/);
    expect(await batch.read('HEAD:a.txt')).toMatchObject({ found: true, type: 'blob' });
    batch.close();
    const empty = objectBatch(repo.clone('fresh-empty'));
    repo.git(repo.dir, 'checkout', '-q', '--orphan', 'unborn');
    const unborn = objectBatch(repo.dir);
    expect(await unborn.read('HEAD')).toEqual({ found: false, why: 'missing' });
    unborn.close();
    empty.close();
  });

  it('a read in flight keeps Node running; an idle batch process does not', () => {
    assertLibBuilt();
    const repo = tempRepo({ 'a.txt': 'held\n' });
    const script = `
      import { objectBatch } from ${JSON.stringify(join(projectRoot, 'lib', 'git', 'object-batch.js'))};
      // Idle for ten minutes before it ends itself: only unreferencing lets this process end sooner.
      const batch = objectBatch(process.argv[1], { idleMs: 600_000 });
      batch.read('HEAD:a.txt').then((a) => process.stdout.write(a.content.toString()));
    `;
    const res = spawnSync(process.execPath, ['--input-type=module', '-e', script, repo.dir], { encoding: 'utf8', timeout: 60_000 });
    // The answer arrived (the pending read held the loop) and the process then ended by itself, well before the kill.
    expect(res.signal).toBeNull();
    expect(res.stderr).toBe('');
    expect(res.stdout).toBe('held\n');
    expect(res.status).toBe(0);
  });

  it('an old index.lock is cleared while only our reader runs in the work tree, and kept while another git does', async () => {
    const repo = tempRepo({ 'a.txt': 'x' });
    const git = await createGit(repo.dir);
    const lock = join(repo.dir, '.git', 'index.lock');
    const old = new Date(Date.now() - 60_000);
    // The batch reader is running in the work tree (a read keeps it alive for 2 s).
    expect(await git.tryShowFile('HEAD', 'a.txt')).toBe('x');
    writeFileSync(lock, '');
    utimesSync(lock, old, old);
    expect(await git.tryClearStaleLock(30_000)).toBe(true);
    expect(existsSync(lock)).toBe(false);

    // Another git in the work tree (waiting on its stdin) may own the lock: it stays.
    const other = spawn('git', ['hash-object', '--stdin'], { cwd: repo.dir, stdio: ['pipe', 'ignore', 'ignore'] });
    try {
      await new Promise<void>((resolve, reject) => other.once('spawn', resolve).once('error', reject));
      writeFileSync(lock, '');
      utimesSync(lock, old, old);
      expect(await git.tryClearStaleLock(30_000)).toBe(false);
      expect(existsSync(lock)).toBe(true);
    } finally {
      other.stdin.end();
      await new Promise((resolve) => other.once('exit', resolve));
    }
    expect(await git.tryClearStaleLock(30_000)).toBe(true);
    git.close();
  });

  it('lists committed files as git ls-tree -r does: nested trees in tree order, a file, a missing path, a bad ref, no commit yet', async () => {
    const repo = tempRepo({
      'models/m/v1/metadata.json': '{}',
      'models/m/v1/model/weights.bin': new Uint8Array([1, 2, 3]),
      'models/m/v10/metadata.json': '{}',
      'models/m/v2/metadata.json': '{}',
      'models/m-b/v1/metadata.json': '{}',
      'models/m.a': 'x',
      'models/odd name é.txt': 'x',
      'pipelines/p.yaml': 'x',
    });
    const git = await createGit(repo.dir);
    const lsTree = (ref: string, spec: string) => repo.git(repo.dir, 'ls-tree', '-r', '-z', '--name-only', ref, '--', spec).split('\0').filter((p) => p !== '');
    for (const spec of ['models/', 'models', 'models/m/', 'pipelines', 'models/m/v1/metadata.json']) {
      expect(await git.committedFiles(spec), spec).toEqual(lsTree('HEAD', spec));
    }
    expect((await git.committedFiles('models/')).length).toBe(7);
    const first = (await git.status()).head!;
    writeFileSync(join(repo.dir, 'pipelines/q.yaml'), 'y');
    await git.commitFiles(['pipelines/q.yaml'], 'add q');
    expect(await git.committedFiles('pipelines', { ref: first })).toEqual(['pipelines/p.yaml']);
    expect(await git.committedFiles('pipelines')).toEqual(['pipelines/p.yaml', 'pipelines/q.yaml']);
    expect(await git.committedFiles('no/such/dir/')).toEqual([]);
    await expect(git.committedFiles('models/', { ref: 'no-such-ref' })).rejects.toThrow(/ls-tree/);
    repo.git(repo.dir, 'checkout', '-q', '--orphan', 'unborn');
    expect(await git.committedFiles('models/')).toEqual([]);
    git.close();
  });

  it('reads the repository it was opened in, whatever GIT_DIR or GIT_INDEX_FILE say around it (as simple-git does)', async () => {
    const mine = tempRepo({ 'a.txt': 'mine\n' });
    const other = tempRepo({ 'a.txt': 'other\n' });
    vi.stubEnv('GIT_DIR', join(other.dir, '.git'));
    vi.stubEnv('GIT_INDEX_FILE', join(other.dir, '.git', 'index'));
    try {
      const git = await createGit(mine.dir);
      expect(await git.tryShowFile('HEAD', 'a.txt')).toBe('mine\n');
      expect(await git.committedFiles('a.txt')).toEqual(['a.txt']);
      git.close();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
