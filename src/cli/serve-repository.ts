import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Git } from '../git/git.js';
import { openRemoteCache } from '../git/remote-cache.js';
import { defaultCacheDir, isRemoteUrl, redactUrl } from '../git/remote-url.js';
import { createGit } from '../git/simple-git-client.js';
import type { Logger } from '../ports.js';
import { gitDeploymentSource, type LoadDeployment } from '../serve/deployment-source.js';
import { loadSpec } from '../spec/load-spec.js';

export interface ServeRepository {
  load: LoadDeployment;
  /** What is followed, for the start-up line: `origin/main in /repo`, or the remote URL (credentials removed) and its cache. */
  describe: string;
  /** Each model's `deploy.drift.psi_max`, filled from the pipelines as soon as they can be read. */
  psiMax: Map<string, number>;
}

export interface ServeRepositoryOptions {
  repo?: string;
  cacheDir?: string;
  branch?: string;
  env: string;
}

/**
 * Where `pipepilot serve` reads its deployments: a local clone (`--repo PATH`, default the
 * current directory), or a remote URL (`--repo https://…|ssh://…|git@…|file://…`) followed
 * through a fetch-only cache under `--cache-dir`.
 */
export async function openServeRepository(opts: ServeRepositoryOptions, ctx: { cwd: string; env: NodeJS.ProcessEnv; log: Logger }): Promise<ServeRepository> {
  const psiMax = new Map<string, number>();
  if (opts.repo !== undefined && isRemoteUrl(opts.repo)) {
    const cacheDir = resolve(ctx.cwd, opts.cacheDir ?? ctx.env.PIPEPILOT_CACHE_DIR ?? defaultCacheDir(ctx.env, process.platform, homedir()));
    const cache = await openRemoteCache({ url: opts.repo, cacheDir, env: ctx.env, ...(opts.branch ? { branch: opts.branch } : {}) });
    const source = await gitDeploymentSource(cache.git, { env: opts.env, follow: { ref: cache.ref, fetch: cache.fetch, label: cache.label } });
    let read = false;
    const load: LoadDeployment = async () => {
      const snapshot = await source.load();
      if (!read) {
        read = true;
        await committedDriftThresholds(cache.git, snapshot.revision, psiMax, ctx.log);
      }
      return snapshot;
    };
    return { load, describe: `${cache.label}, cached in ${cache.git.root}`, psiMax };
  }
  if (opts.cacheDir !== undefined || opts.branch !== undefined) throw new UsageError(`${opts.cacheDir !== undefined ? '--cache-dir' : '--branch'} applies to --repo URL only`, { hint: 'A local clone serves its own branch: pass the URL of the remote to follow it through a cache.' });
  const dir = resolve(ctx.cwd, opts.repo ?? '.');
  if (!isDirectory(dir)) throw new UsageError(`--repo ${redactUrl(opts.repo ?? '.')}: no such directory (${dir})`, { hint: 'Pass the path of a clone holding models/, or the URL of its remote (https://, ssh://, file://).' });
  const git = await createGit(dir);
  const source = await gitDeploymentSource(git, { env: opts.env });
  workTreeDriftThresholds(git.root, psiMax, ctx.log);
  return { load: source.load, describe: `${source.follows} in ${git.root}`, psiMax };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Each model's `deploy.drift.psi_max`, from the pipelines in the work tree's `pipelines/` at
 * start-up (keyed by the pipeline's name, which is the model's). A pipeline that does not load is
 * skipped with a warning: its model is still served, with the default threshold (0.2).
 */
function workTreeDriftThresholds(root: string, into: Map<string, number>, log: Logger): void {
  let names: string[] = [];
  try {
    names = readdirSync(join(root, 'pipelines')).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const file = `pipelines/${name}`;
    addThreshold(() => readFileSync(join(root, file), 'utf8'), file, root, into, log);
  }
}

/** The same, read from git at the first revision served (a `--repo URL` cache has no work tree). */
async function committedDriftThresholds(git: Git, revision: string, into: Map<string, number>, log: Logger): Promise<void> {
  const files = (await git.committedFiles('pipelines', { ref: revision })).filter((f) => /^pipelines\/[^/]+\.ya?ml$/.test(f)).sort();
  for (const file of files) {
    const text = await git.tryShowFile(revision, file);
    if (text !== undefined) addThreshold(() => text, file, git.root, into, log);
  }
}

function addThreshold(read: () => string, file: string, root: string, into: Map<string, number>, log: Logger): void {
  try {
    const { spec } = loadSpec(read(), { file, root });
    if (spec.deploy.drift) into.set(spec.name, spec.deploy.drift.psi_max);
  } catch (err) {
    log.warn(`${file}: not read for its drift threshold (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
}
