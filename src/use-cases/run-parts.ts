import { createHash } from 'node:crypto';
import type { Table } from '../data/table.js';
import type { Preprocessor } from '../features/preprocessor.js';
import type { TableEngine } from '../data/table-engine.js';
import { type ResampleHelpers, budgetedBootstrapSamples } from '../evaluate/bootstrap.js';
import type { MetricsDoc } from '../evaluate/metrics-doc.js';
import type { Clock, DataSource, Files, Logger, ProgressSink } from '../ports.js';
import type { EvaluateSpec, LoadedPipeline } from '../spec/types.js';
import type { RunArtifacts } from './run-bundle.js';
import type { BaselineSource } from './score-baseline.js';

// Steps a run shares whether it reads the table (run-pipeline.ts) or streams it (run-streamed.ts).

export interface RunDeps {
  files: Files;
  /** Where the data set comes from (a URL, S3, DVC, or the repository); default: repository files only. */
  data?: DataSource;
  log: Logger;
  clock: Clock;
  progress?: ProgressSink;
  /** What reads the data file into columns (the shell's DuckDB engine); default: the JS readers. The Table is the same either way. */
  engine?: TableEngine;
  /** Threads training may use (gbdt histograms; default 1). The model is the same bits whatever the count. */
  threads?: number;
  /** Threads that share the bootstrap's resamples (the shell's worker pool); absent: the calling thread alone. The intervals are the same bits either way. */
  bootstrapHelpers?: ResampleHelpers;
}

export interface RunRequest {
  /** Pipeline path relative to the repository root. */
  pipelinePath: string;
  /** The tfjs backend already initialised by the shell, and why it was chosen. */
  backend: { name: string; reason: string };
  /** Package version of PipePilot (part of the content key and lineage). */
  codeVersion: string;
  /**
   * The production model that `vs: production` gates compare with (the registry reads it from
   * the production manifest at the base of the change). Absent: those gates report 'no baseline'.
   * Loaded only after the candidate is evaluated, and disposed after scoring.
   */
  baseline?: BaselineSource;
  /** Params over model.params (pipepilot tune's winner): trained, keyed and reported as if written in the YAML. */
  params?: Record<string, unknown>;
}

export interface RunResult {
  pipeline: LoadedPipeline;
  metrics: MetricsDoc;
  report: string;
  artifacts: RunArtifacts;
  gatesPassed: boolean;
}

/** The model-row columns of each categorical feature's one-hot block (its categories, then the unknown bucket); none for ordinal rows. */
export function oneHotBlocks(pre: Preprocessor): number[][] {
  if (pre.encode === 'ordinal') return [];
  let offset = pre.numeric.length;
  return pre.categorical.map((f) => {
    const block = Array.from({ length: f.categories.length + 1 }, (_, i) => offset + i);
    offset += block.length;
    return block;
  });
}

/**
 * The run's content key: same pipeline, data, code and backend give the same key, so a later
 * step (the registry, the action's release job) can recognise a run it has already done.
 */
export function runContentKey(parts: {
  pipeline: LoadedPipeline;
  fingerprint: string;
  codeVersion: string;
  backend: string;
}): string {
  const h = createHash('sha256');
  // The normalized spec (defaults applied), so comments and key order do not change the key.
  h.update(JSON.stringify(parts.pipeline.spec, sortedKeys));
  h.update('\0' + parts.fingerprint + '\0' + parts.codeVersion + '\0' + parts.backend);
  return `sha256:${h.digest('hex')}`;
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
}


export function sliceValues(table: Table, column: string): (string | null)[] {
  const col = table.columns.get(column);
  if (!col) return new Array<string | null>(table.rowCount).fill(null);
  return col.kind === 'categorical' ? col.values : Array.from(col.values, (v) => (Number.isNaN(v) ? null : String(v)));
}


export function stageTimer(clock: Clock) {
  const start = clock.now();
  let last = start;
  const durations: Record<string, number> = {};
  return {
    lap(stage: string) {
      const now = clock.now();
      durations[stage] = Math.round(now - last);
      last = now;
    },
    done(): Record<string, number> {
      return { ...durations, total: Math.round(clock.now() - start) };
    },
  };
}

/** The run's bootstrap with its resample count cut to the budget for `rows` test rows; a cut is said in the log. */
export function budgetedBootstrap(requested: EvaluateSpec['bootstrap'], rows: number, log: Logger): EvaluateSpec['bootstrap'] {
  const samples = budgetedBootstrapSamples(requested.samples, rows);
  if (samples < requested.samples) log.info(`bootstrap: ${samples} resamples instead of ${requested.samples} (${rows} test rows)`);
  return { ...requested, samples };
}
