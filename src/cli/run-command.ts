import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { selectBackend } from '../model/backend.js';
import { runBundleFiles } from '../use-cases/run-bundle.js';
import { runPipeline } from '../use-cases/run-pipeline.js';
import { num } from '../report/run-report.js';
import { gateCountText } from '../evaluate/gate-result.js';
import { baselineAtRef } from './baseline-ref.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';
import { processBootstrapWorkers } from './bootstrap-workers.js';
import { findRepoRoot, nodeFiles, toRepoPath, writeDirectory } from './node-files.js';
import { nodeDataSource } from '../fetch/data-source.js';
import { dataEngineFor } from '../engine/data-engine.js';
import { progressReporter } from './progress.js';

export interface RunOptions {
  pipeline: string;
  version: string;
  out?: string;
  json?: boolean;
  backend?: string;
  quiet?: boolean;
  baselineRef?: string;
}

export async function runCommand(io: CliIo, opts: RunOptions): Promise<number> {
  const quiet = Boolean(opts.quiet || opts.json);
  const info = (s: string) => quiet || io.stderr(s + '\n');
  const progress = progressReporter({ quiet, isTTY: io.isTTY, ci: Boolean(io.env.CI), write: io.stderr });
  try {
    const root = findRepoRoot(io.cwd);
    const pipelinePath = toRepoPath(root, opts.pipeline, io.cwd);
    const { name, reason, initMs } = await selectBackend(asBackend(opts.backend ?? io.env.PIPEPILOT_BACKEND));
    const backend = { name, reason };
    info(`backend: ${name} (${reason}; ready in ${Math.round(initMs)} ms)`);
    const files = nodeFiles(root);
    const baseline = await baselineAtRef({ root, files, pipelinePath, ref: opts.baselineRef, info });
    const result = await runPipeline(
      {
        files,
        data: nodeDataSource({ files, env: io.env, warn: (s) => io.stderr(`warning: ${s}\n`) }),
        engine: dataEngineFor(io.env, info),
        log: { info, warn: (s) => io.stderr(`warning: ${s}\n`) },
        clock: { now: () => performance.now() },
        progress: progress.sink,
        threads: availableParallelism(),
        bootstrapHelpers: processBootstrapWorkers(),
      },
      { pipelinePath, backend, codeVersion: opts.version, baseline },
    );
    progress.stop();
    // Command-line paths are relative to the current directory (as in any shell); the default
    // bundle goes under the repository root's .pipepilot/, wherever the command runs from.
    const outDir = opts.out !== undefined ? resolve(io.cwd, opts.out) : resolve(root, '.pipepilot', 'runs', result.pipeline.spec.name);
    await writeDirectory(outDir, runBundleFiles(result));
    if (opts.json) io.stdout(JSON.stringify(result.metrics, null, 2) + '\n');
    else io.stdout(summary(result.metrics, outDir));
    for (const g of result.metrics.gates.filter((g) => g.status === 'failed')) io.stderr(`gate failed: ${g.message}\n`);
    return result.gatesPassed ? EXIT.ok : EXIT.gatesFailed;
  } catch (err) {
    progress.stop();
    return reportError(io, err);
  }
}

function asBackend(name: string | undefined): 'tensorflow' | 'wasm' | 'cpu' | undefined {
  return name === 'tensorflow' || name === 'wasm' || name === 'cpu' ? name : undefined;
}

type Metrics = Awaited<ReturnType<typeof runPipeline>>['metrics'];

function summary(m: Metrics, outDir: string): string {
  const d = m.data;
  const headline = Object.keys(m.intervals).length > 0 ? Object.keys(m.intervals) : Object.keys(m.metrics).slice(0, 4);
  const lines = [
    `${m.pipeline.name}: ${m.task.replace(/_/g, ' ')}, ${m.model.type} model`,
    `data: ${d.rows.read} rows read, ${d.rows.dropped_missing_target} dropped (missing target), ` +
      `${d.rows.train} train / ${d.rows.test} test, ${d.features.numeric.length + d.features.categorical.length} features`,
    `fit: ${(m.durations_ms.fit / 1000).toFixed(2)} s` +
      (m.training.epochs_run ? `, ${m.training.epochs_run} epochs` : '') +
      (m.training.best_epoch ? ` (best ${m.training.best_epoch})` : '') +
      (m.training.iterations ? `, ${m.training.iterations} solver iterations` : ''),
    ...headline.map((k) => {
      const iv = m.intervals[k];
      return `  ${k.padEnd(18)} ${num(m.metrics[k])}${iv ? `  [${num(iv.low)}, ${num(iv.high)}]` : ''}`;
    }),
    `gates: ${gateCountText(m.gates)}`,
    `wrote ${outDir}/{metrics.json, report.md, model/}`,
  ];
  return lines.join('\n') + '\n';
}
