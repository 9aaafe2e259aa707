import { existsSync, realpathSync, statSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { RegistryError, UsageError } from '../errors.js';
import type { Files } from '../ports.js';

/** Files rooted at the repository: every path is relative to `root` and must stay inside it. */
export function nodeFiles(root: string): Files {
  const abs = (p: string) => resolve(root, p);
  return {
    root,
    readBytes: async (p) => plainBytes(await readFileNamed(abs(p), p)),
    readText: async (p) => (await readFileNamed(abs(p), p)).toString('utf8'),
    realpath: (p) => {
      try {
        return realpathSync(abs(p));
      } catch {
        return undefined;
      }
    },
    list: async (p) => {
      const entries = await readdir(abs(p), { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return [];
        throw err;
      });
      return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory() })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    writeNewDirectory: (dir, files) => writeNewDirectory(abs(dir), dir, files),
    remove: (p) => rm(abs(p), { recursive: true, force: true }),
  };
}

/**
 * The file's bytes as a plain Uint8Array over the Buffer's own memory when the Buffer has its
 * ArrayBuffer to itself (as readFile's do), else a copy: copying a 22 MB data file took
 * 130-170 ms of every run (issue 10). Either way `.buffer` holds exactly these bytes.
 */
function plainBytes(buffer: Buffer): Uint8Array {
  return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
    ? new Uint8Array(buffer.buffer, 0, buffer.byteLength)
    : new Uint8Array(buffer);
}

let stagingCounter = 0;

/**
 * The registry's atomic write: every file written and fsynced in `.tmp-<name>-<pid>-<n>` beside
 * the target, the staging directory fsynced, renamed to the target, and the parent fsynced, so
 * after a crash (even of the machine) the target is either absent or complete.
 */
async function writeNewDirectory(target: string, shown: string, files: Map<string, Uint8Array>): Promise<void> {
  if (existsSync(target)) throw new RegistryError(`${shown}: already exists`, { file: shown, hint: 'A version directory is written once; this one was left by something else. Remove it if it is not committed.' });
  const parent = dirname(target);
  const staging = join(parent, `.tmp-${basename(target)}-${process.pid}-${++stagingCounter}`);
  await mkdir(staging, { recursive: true });
  try {
    for (const [name, bytes] of files) {
      const path = join(staging, name);
      await mkdir(dirname(path), { recursive: true });
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await fsyncDir(staging);
    await rename(staging, target);
    await fsyncDir(parent);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}

/** A rename is durable only once the directory holding it is synced. */
async function fsyncDir(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readFileNamed(path: string, shown: string): Promise<Buffer> {
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`${shown}: is a directory, expected a file`);
    return await readFile(path);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${shown}: no such file`, { hint: 'Paths in a pipeline (data.source) are relative to the repository root; paths on the command line to the current directory.' });
    if (code === 'EACCES') throw new UsageError(`${shown}: permission denied`);
    throw new UsageError(`${shown}: cannot read (${code ?? String(err)})`, { cause: err });
  }
}

/** The repository root: the nearest ancestor of `start` holding `.git`, else `start` itself. */
export function findRepoRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
}

/** A path given on the command line (relative to cwd), made relative to the repository root. */
export function toRepoPath(root: string, given: string, cwd: string): string {
  const absolute = isAbsolute(given) ? given : resolve(cwd, given);
  const rel = relative(root, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new UsageError(`${given}: outside the repository at ${root}`, { hint: 'Run pipepilot from inside the repository that holds the pipeline.' });
  }
  return rel.split(sep).join('/');
}

/**
 * Writes a set of files as a directory, replacing any previous one whole: the files go to a
 * sibling temp dir first, so a crash never leaves a half-new, half-old bundle at `dir`.
 */
export async function writeDirectory(dir: string, files: Map<string, Uint8Array>): Promise<void> {
  const target = resolve(dir);
  const staging = `${target}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  for (const [name, bytes] of files) {
    const path = join(staging, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) await rename(target, old);
  await mkdir(dirname(target), { recursive: true });
  await rename(staging, target);
  await rm(old, { recursive: true, force: true });
}
