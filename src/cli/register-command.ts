import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../errors.js';
import { createGit } from '../git/simple-git-client.js';
import { selectBackend } from '../model/backend.js';
import type { Logger } from '../ports.js';
import { checkRunMatches, currentContentKey, loadRunBundle, type LoadedRun } from '../use-cases/load-run-bundle.js';
import { findRegistered, registerVersion } from '../use-cases/register-version.js';
import { runPipeline } from '../use-cases/run-pipeline.js';
import { baselineAtRef } from './baseline-ref.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';
import { processBootstrapWorkers } from './bootstrap-workers.js';
import { findRepoRoot, nodeFiles, toRepoPath } from './node-files.js';
import { nodeDataSource } from '../fetch/data-source.js';
import { dataEngineFor } from '../engine/data-engine.js';
import { progressReporter } from './progress.js';

export interface RegisterOptions {
  pipeline: string;
  version: string;
  fromRun?: string;
  push?: boolean;
  remote?: string;
  force?: boolean;
  reason?: string;
  backend?: string;
  quiet?: boolean;
  baselineRef?: string;
}

/** `pipepilot register`: run (or reuse a checked run), then commit `models/<name>/v<N>/`. */
export async function registerCommand(io: CliIo, opts: RegisterOptions): Promise<number> {
  const info = (s: string) => opts.quiet || io.stderr(s + '\n');
  const log: Logger = { info, warn: (s) => io.stderr(`warning: ${s}\n`) };
  const progress = progressReporter({ quiet: Boolean(opts.quiet), isTTY: io.isTTY, ci: Boolean(io.env.CI), write: io.stderr });
  try {
    if (Boolean(opts.force) !== (opts.reason !== undefined)) {
      throw new UsageError(opts.force ? '--force needs --reason "…"' : '--reason only goes with --force', { hint: 'Overriding failed gates takes both: --force --reason "why this is acceptable".' });
    }
    if (opts.fromRun && opts.baselineRef !== undefined) {
      throw new UsageError('--baseline-ref does not go with --from-run', { hint: 'A run\'s gates are evaluated when it runs: pass --baseline-ref to `pipepilot run`, then register its --out directory.' });
    }
    const root = findRepoRoot(io.cwd);
    const files = nodeFiles(root);
    const git = await createGit(root);
    const pipelinePath = toRepoPath(root, opts.pipeline, io.cwd);
    const backend = await selectBackend(asBackend(opts.backend ?? io.env.PIPEPILOT_BACKEND));
    const data = nodeDataSource({ files, env: io.env });
    const current = await currentContentKey(files, { pipelinePath, codeVersion: opts.version, backend: backend.name }, data);
    // Idempotent before it is expensive: a run that is already a version is not trained again.
    const existing = await findRegistered({ git, files }, current.model, current.key);
    if (existing !== undefined) return alreadyRegistered(io, current.model, existing);
    let run: LoadedRun;
    if (opts.fromRun) {
      run = await loadRunBundle(files, resolve(io.cwd, opts.fromRun));
      checkRunMatches(run, { key: current.key, pipelinePath, runDir: opts.fromRun, model: current.model });
    } else {
      info(`backend: ${backend.name} (${backend.reason})`);
      const baseline = await baselineAtRef({ root, files, pipelinePath, ref: opts.baselineRef, info, git, model: current.model });
      run = await runPipeline(
        { files, data, engine: dataEngineFor(io.env, info), log, clock: { now: () => performance.now() }, progress: progress.sink, threads: availableParallelism(), bootstrapHelpers: processBootstrapWorkers() },
        { pipelinePath, backend: { name: backend.name, reason: backend.reason }, codeVersion: opts.version, baseline },
      );
      progress.stop();
    }
    const result = await registerVersion(
      { git, files, log, clock: { now: () => Date.now() }, sleep: (ms) => sleep(ms) },
      {
        run,
        pipelinePath,
        force: opts.force ? { reason: opts.reason ?? '' } : undefined,
        push: opts.push ? { remote: opts.remote ?? 'origin' } : undefined,
      },
    );
    if (result.action === 'unchanged') return alreadyRegistered(io, result.model, result.version);
    if (result.action === 'refused') {
      for (const g of result.failed) io.stderr(`gate failed: ${g.message}\n`);
      io.stderr(`not registering ${result.model}: ${result.failed.length} gate result(s) failed\nhint: fix the model, or override with --force --reason "…" (recorded in the version)\n`);
      return EXIT.gatesFailed;
    }
    io.stdout(`registered ${result.model} v${result.version} (commit ${result.commit.slice(0, 12)}${result.pushed ? `, pushed to ${opts.remote ?? 'origin'}` : ''})\n`);
    return EXIT.ok;
  } catch (err) {
    progress.stop();
    return reportError(io, err);
  }
}

function alreadyRegistered(io: CliIo, model: string, version: number): number {
  io.stdout(`${model}: already registered as v${version} (same pipeline, data, code and backend); nothing to do\n`);
  return EXIT.ok;
}

function asBackend(name: string | undefined): 'tensorflow' | 'wasm' | 'cpu' | undefined {
  return name === 'tensorflow' || name === 'wasm' || name === 'cpu' ? name : undefined;
}
