import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { GitError, UsageError } from '../errors.js';
import type { Git } from './git.js';
import { parseRemoteUrl, redactUrl, type RemoteUrl } from './remote-url.js';
import { createGit } from './simple-git-client.js';

export interface RemoteCacheOptions {
  /** `--repo`: https, http, ssh (ssh:// or scp-like) or file:// URL. */
  url: string;
  /** The cache root; each remote gets its own repository below it. */
  cacheDir: string;
  /** The branch holding the manifests; default: the remote's default branch. */
  branch?: string;
  /**
   * Credentials come from here: `PIPEPILOT_GIT_TOKEN` (https), `PIPEPILOT_GIT_SSH_KEY_FILE` and
   * `PIPEPILOT_GIT_KNOWN_HOSTS` (ssh), or git's own `GIT_ASKPASS` / `GIT_SSH_COMMAND`.
   */
  env: NodeJS.ProcessEnv;
  /** A fetch that takes longer is killed (a hung remote must not hold the cache lock). Default 120 s. */
  fetchTimeoutMs?: number;
}

/** A local, fetch-only copy of one branch of a remote, shared safely by the processes on one machine. */
export interface RemoteCache {
  /** The local repository (a clone without a checkout); reads never touch the network. */
  git: Git;
  branch: string;
  /** The ref each fetch moves, e.g. `refs/remotes/origin/main`. */
  ref: string;
  /** The remote as it may be printed (no credentials). */
  label: string;
  /** Fetches the branch's newest commit (shallow), under the cache's lock. Throws a `GitError` with credentials removed. */
  fetch(): Promise<void>;
}

/**
 * Opens (creating when absent) the cache of `url` under `cacheDir`: a repository with no checkout,
 * holding only the manifests' branch, fetched shallow (`--depth 1`: the server reads every file
 * at one commit, so history is never needed). Blobs are fetched whole rather than lazily
 * (no `--filter=blob:none`) so that reading a version never needs the network: a remote that
 * goes away after a fetch cannot break a load halfway.
 *
 * Credentials never touch the disk: the token travels in the fetch's environment as
 * `http.<origin>.extraHeader` (`GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`, which unlike `-c` is not
 * visible in `ps`), the URL written nowhere (each fetch names it), so the cache's config holds
 * no secret. Processes sharing a cache dir (replicas on one node) take a lock file around
 * creating and fetching; reads need none, since git writes objects and refs atomically and the
 * cache is never garbage-collected while served (`gc.auto 0`).
 */
export async function openRemoteCache(opts: RemoteCacheOptions): Promise<RemoteCache> {
  const remote = parseRemoteUrl(opts.url);
  const env = fetchEnvironment(remote, opts);
  const dir = join(opts.cacheDir, remote.cacheName);
  const run = (args: string[], cwd: string) => runGit(args, { cwd, env, timeoutMs: opts.fetchTimeoutMs ?? 120_000, secrets: secretsOf(remote, opts.env) });
  try {
    await mkdir(opts.cacheDir, { recursive: true });
  } catch (err) {
    throw new UsageError(`--cache-dir ${opts.cacheDir}: cannot be created (${(err as NodeJS.ErrnoException).code ?? String(err)})`, { hint: 'Point --cache-dir at a writable directory (a volume when the root file system is read-only).' });
  }
  const locked = <T>(fn: () => Promise<T>) => withLock(`${dir}.lock`, fn);
  const branch = await locked(async () => {
    if (!existsSync(join(dir, '.git'))) await createCacheRepository(dir, run);
    return opts.branch ?? (await defaultBranch(remote, dir, run));
  });
  if (!/^[A-Za-z0-9._/-]+$/.test(branch) || branch.startsWith('-') || branch.includes('..')) throw new UsageError(`--branch ${branch}: not a branch name`);
  const ref = `refs/remotes/origin/${branch}`;
  return {
    git: await createGit(dir),
    branch,
    ref,
    label: `${redactUrl(remote.url)} (${branch})`,
    fetch: () => locked(async () => {
      await run(['fetch', '-q', '--depth=1', '--no-tags', '--no-write-fetch-head', '--no-auto-gc', '--', remote.url, `+refs/heads/${branch}:${ref}`], dir);
    }),
  };
}

async function createCacheRepository(dir: string, run: (args: string[], cwd: string) => Promise<string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  await run(['init', '-q', dir], dir);
  // No automatic gc: it would repack (and may prune) while another process reads a version.
  await run(['config', 'gc.auto', '0'], dir);
  await run(['config', 'maintenance.auto', 'false'], dir);
}

/**
 * The remote's default branch (`git ls-remote --symref URL HEAD`), remembered in the cache's
 * config so that a restart while the remote is down still knows what it was following.
 */
async function defaultBranch(remote: RemoteUrl, dir: string, run: (args: string[], cwd: string) => Promise<string>): Promise<string> {
  try {
    const out = await run(['ls-remote', '--symref', '--', remote.url, 'HEAD'], dir);
    const match = /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(out);
    if (!match) throw new UsageError(`${redactUrl(remote.url)} has no default branch (an empty repository?)`, { hint: 'Pass --branch NAME.' });
    await run(['config', 'pipepilot.branch', match[1]], dir);
    return match[1];
  } catch (err) {
    const remembered = (await run(['config', '--get', 'pipepilot.branch'], dir).catch(() => '')).trim();
    if (remembered !== '') return remembered;
    throw err;
  }
}

/** The fetch's environment: the caller's, never prompting, plus the credentials as per-command config. */
function fetchEnvironment(remote: RemoteUrl, opts: RemoteCacheOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...opts.env, GIT_TERMINAL_PROMPT: '0' };
  const config: [string, string][] = [];
  const token = opts.env.PIPEPILOT_GIT_TOKEN;
  const basic = token ? `x-access-token:${token}` : remote.userinfo;
  if (basic && (remote.transport === 'https' || remote.transport === 'http')) {
    // Scoped to the remote's origin, so a redirect elsewhere never carries the header.
    config.push([`http.${new URL(remote.url).origin}/.extraHeader`, `Authorization: Basic ${Buffer.from(basic).toString('base64')}`]);
  }
  const keyFile = opts.env.PIPEPILOT_GIT_SSH_KEY_FILE;
  if (keyFile && remote.transport === 'ssh') {
    const knownHosts = opts.env.PIPEPILOT_GIT_KNOWN_HOSTS ?? join(opts.cacheDir, 'known_hosts');
    const checking = opts.env.PIPEPILOT_GIT_KNOWN_HOSTS ? 'yes' : 'accept-new';
    env.GIT_SSH_COMMAND = `ssh -i ${shellQuote(keyFile)} -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=${checking} -o UserKnownHostsFile=${shellQuote(knownHosts)}`;
  }
  const base = Number(env.GIT_CONFIG_COUNT ?? 0) || 0;
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${base + i}`] = key;
    env[`GIT_CONFIG_VALUE_${base + i}`] = value;
  });
  if (config.length > 0) env.GIT_CONFIG_COUNT = String(base + config.length);
  return env;
}

function secretsOf(remote: RemoteUrl, env: NodeJS.ProcessEnv): string[] {
  return [env.PIPEPILOT_GIT_TOKEN, remote.userinfo, ...(remote.userinfo ? remote.userinfo.split(':') : [])].filter((s): s is string => typeof s === 'string' && s.length >= 4);
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs git directly rather than through simple-git: simple-git 4 strips ambient `GIT_*`
 * variables (`GIT_SSH_COMMAND`, `GIT_ASKPASS`, `GIT_CONFIG_*`) and guards `-c`, which is
 * exactly how the fetch receives its credentials. Only this file's fetch-side commands run here.
 */
function runGit(args: string[], o: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; secrets: string[] }): Promise<string> {
  return new Promise((done, fail) => {
    execFile('git', args, { cwd: o.cwd, env: o.env, timeout: o.timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (!err) return done(stdout);
      const scrub = (s: string) => o.secrets.reduce((t, secret) => t.split(secret).join('***'), redactUrl(s));
      const timedOut = (err as { killed?: boolean }).killed === true;
      fail(new GitError({
        command: scrub(args.filter((a) => a !== '--').join(' ')),
        stderr: scrub(timedOut ? `timed out after ${o.timeoutMs} ms` : stderr.trim() || err.message),
        reason: 'other',
        hint: 'Check the URL and the credentials (PIPEPILOT_GIT_TOKEN for https, PIPEPILOT_GIT_SSH_KEY_FILE or GIT_SSH_COMMAND for ssh); the server keeps serving what it has.',
      }));
    });
  });
}

/**
 * Holds `lockPath` (proper-lockfile: an atomic mkdir, its mtime refreshed while held, so a lock
 * left by a killed process goes stale after 20 s and is taken over) while `fn` runs.
 *
 * A lock whose refresh came too late (a machine so loaded that 20 s passed between updates) is
 * "compromised": proper-lockfile's default then throws from a timer, an uncaught exception that
 * killed the server. Here it is ignored: `fn` goes on, since what the lock guards — a fetch
 * into the cache clone — is safe to repeat, and git's own ref locks refuse a concurrent update
 * (the poll then fails once and is retried).
 */
export async function withLock<T>(lockPath: string, fn: () => Promise<T>, timing = { stale: 20_000, update: 5_000 }): Promise<T> {
  const release = await lockfile.lock(lockPath, {
    realpath: false,
    stale: timing.stale,
    update: timing.update,
    onCompromised: () => undefined,
    retries: { retries: 120, factor: 1.2, minTimeout: 50, maxTimeout: 1_000 },
  });
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}
