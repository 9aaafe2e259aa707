import { UsageError } from '../errors.js';
import type { FileCommit, Git } from '../git/git.js';
import type { Files } from '../ports.js';
import { DEPLOYMENTS_DIR, METADATA_FILE, MODELS_DIR, assertEnvName, assertModelName, manifestPath, modelDir, versionDir, versionsInPaths } from '../registry/layout.js';
import { parseManifest } from '../registry/manifest.js';
import { parseMetadata } from '../registry/metadata.js';
import { buildHistory, manifestChange, type CommitInfo, type EnvironmentTimeline, type HistoryInput, type ModelHistory } from '../registry/model-history.js';
import { committedVersions } from './registry-state.js';
import { unknownModel } from './verify-registry.js';

export interface HistoryRequest {
  model: string;
  /** Only this environment's timeline (its manifest must have existed at some point). */
  env?: string;
  /** Epoch milliseconds: show the registry as it was then (see parseInstant). */
  atMs?: number;
}

/**
 * A model's versions (headline metrics, gates, who registered each and when) and, per
 * environment, every change of its manifest on the branch's first-parent line, so "what ran in
 * production at 12:00 on 1 November?" is the newest change committed by then.
 *
 * The git cost does not grow with the number of versions: one `ls-tree`, one `git log` for all
 * versions' registrations, one log per environment and one `git show` per manifest change;
 * metadata is read from the work tree.
 */
export async function readModelHistory(deps: { git: Git; files: Files }, req: HistoryRequest): Promise<ModelHistory> {
  const model = assertModelName(req.model);
  if (req.env !== undefined) assertEnvName(req.env);
  if ((await deps.files.list(modelDir(model))).length === 0) {
    throw unknownModel(model, (await deps.files.list(MODELS_DIR)).filter((e) => e.isDirectory).map((e) => e.name));
  }
  const [versions, registrations, envs] = await Promise.all([
    committedVersions(deps.git, model),
    registrationsByVersion(deps.git, model),
    environmentNames(deps, model),
  ]);
  if (req.env !== undefined && !envs.includes(req.env)) {
    throw new UsageError(`${model} has never been deployed to '${req.env}': no ${manifestPath(model, req.env)} in this branch's history`, {
      hint: envs.length > 0 ? `Environments with a manifest: ${envs.join(', ')}.` : 'No environment has a manifest yet: promote a version first.',
    });
  }
  const [records, timelines] = await Promise.all([
    readVersions(deps.files, model, versions),
    Promise.all((req.env !== undefined ? [req.env] : envs).map((env) => readTimeline(deps.git, model, env))),
  ]);
  const input: HistoryInput = {
    model,
    atMs: req.atMs,
    versions: records.map((r) => ({ ...r, registered: registrations.get(r.version) })),
    timelines,
  };
  return buildHistory(input);
}

/** Who added each version's metadata.json, from one `git log`; the oldest addition wins (a revert of a revert re-adds it). */
async function registrationsByVersion(git: Git, model: string): Promise<Map<number, CommitInfo>> {
  const additions = await git.logAdditions(`:(glob)${modelDir(model)}/v*/${METADATA_FILE}`);
  const out = new Map<number, CommitInfo>();
  for (const { commit, paths } of additions) {
    for (const v of versionsInPaths(model, paths)) out.set(v, commitInfo(commit));
  }
  return out;
}

/** Environments whose manifest exists now or ever did, sorted. */
async function environmentNames(deps: { git: Git; files: Files }, model: string): Promise<string[]> {
  const dir = `${modelDir(model)}/${DEPLOYMENTS_DIR}`;
  const [added, present] = await Promise.all([
    deps.git.logAdditions(`:(glob)${dir}/*.yaml`),
    deps.files.list(dir),
  ]);
  const names = new Set(present.filter((e) => !e.isDirectory && e.name.endsWith('.yaml')).map((e) => e.name.slice(0, -5)));
  for (const { paths } of added) for (const p of paths) names.add(p.slice(dir.length + 1, -5));
  return [...names].filter((n) => /^[a-z0-9][a-z0-9_-]{0,63}$/.test(n)).sort();
}

async function readVersions(files: Files, model: string, versions: number[]): Promise<HistoryInput['versions']> {
  const out: HistoryInput['versions'] = [];
  // Batches read concurrently: a thousand small files, without a thousand open at once.
  for (let i = 0; i < versions.length; i += 64) {
    const batch = versions.slice(i, i + 64);
    out.push(...(await Promise.all(batch.map(async (version) => {
      const file = `${versionDir(model, version)}/${METADATA_FILE}`;
      try {
        return { version, metadata: parseMetadata(await files.readText(file), file) };
      } catch (err) {
        return { version, problem: (err as Error).message };
      }
    }))));
  }
  return out;
}

async function readTimeline(git: Git, model: string, env: string): Promise<EnvironmentTimeline> {
  const path = manifestPath(model, env);
  const commits = await git.firstParentLog(path);
  const changes = await Promise.all(commits.map(async (c) => {
    const text = await git.tryShowFile(c.commit, path);
    if (text === undefined) return manifestChange({ ...commitInfo(c), subject: c.subject }, undefined);
    try {
      return manifestChange({ ...commitInfo(c), subject: c.subject }, parseManifest(text, `${path} at ${c.commit.slice(0, 12)}`));
    } catch (err) {
      return manifestChange({ ...commitInfo(c), subject: c.subject }, { problem: (err as Error).message });
    }
  }));
  return { env, changes };
}

function commitInfo(c: FileCommit): CommitInfo {
  return { commit: c.commit, author: c.author, email: c.email, committed_at: c.committedAt };
}
