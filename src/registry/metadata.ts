import { Ajv, type ValidateFunction } from 'ajv';
import schema from '../../schemas/metadata.schema.json' with { type: 'json' };
import { RegistryError } from '../errors.js';
import type { MetricsDoc } from '../evaluate/metrics-doc.js';
import type { PreprocessSpec } from '../spec/types.js';
import type { ArtifactFile } from './layout.js';

/** Where a version came from, gathered by the use case from git and the run. */
export interface Lineage {
  pipeline: { path: string; blob_sha: string };
  commit: { sha: string | null; dirty: boolean };
}

/** `models/<name>/v<N>/metadata.json`; its contract is `schemas/metadata.schema.json`. */
export interface RegistryMetadata {
  schema_version: 1;
  model: string;
  version: number;
  created_at: string;
  content_key: string;
  task: MetricsDoc['task'];
  description?: string;
  lineage: Lineage & {
    data: { source: string; format: string; fingerprint: string; rows: MetricsDoc['data']['rows'] };
    pipepilot_version: string;
    backend: MetricsDoc['backend'];
  };
  model_spec: MetricsDoc['model'];
  metrics: MetricsDoc['metrics'];
  intervals: MetricsDoc['intervals'];
  confidence: number;
  bootstrap_samples: number;
  slices: MetricsDoc['slices'];
  gates: MetricsDoc['gates'];
  gates_passed: boolean;
  override: { reason: string } | null;
  baseline_version: number | null;
  /** Absent from versions registered before the preprocess block was recorded. */
  preprocess?: PreprocessSpec;
  /** Share of test rows predicted as each class (classification); the live monitor's reference. Absent from older versions. */
  prediction_shares?: Record<string, number>;
  features: {
    target: string;
    classes: string[];
    numeric: string[];
    categorical: string[];
    excluded: { column: string; reason: string }[];
    input_columns: number;
  };
  reference_stats: unknown;
  files: Record<ArtifactFile, string>;
}

export interface MetadataInput {
  model: string;
  version: number;
  createdAt: string;
  metrics: MetricsDoc;
  referenceStats: unknown;
  lineage: Lineage;
  override: { reason: string } | null;
  digests: Record<ArtifactFile, string>;
}

/** The metadata document of a version, from the run's metrics document and the lineage. Pure. */
export function buildMetadata(input: MetadataInput): RegistryMetadata {
  const m = input.metrics;
  return {
    schema_version: 1,
    model: input.model,
    version: input.version,
    created_at: input.createdAt,
    content_key: m.content_key,
    task: m.task,
    ...(m.pipeline.description ? { description: m.pipeline.description } : {}),
    lineage: {
      ...input.lineage,
      data: { source: m.data.source, format: m.data.format, fingerprint: m.data.fingerprint, rows: m.data.rows },
      pipepilot_version: m.versions.pipepilot,
      backend: m.backend,
    },
    model_spec: m.model,
    metrics: m.metrics,
    intervals: m.intervals,
    confidence: m.confidence,
    bootstrap_samples: m.bootstrap_samples,
    slices: m.slices,
    gates: m.gates,
    gates_passed: m.gates_passed,
    override: input.override,
    // The production version the run was compared with (the `vs: production` gates' baseline), if any.
    baseline_version: m.baseline?.version ?? null,
    ...(m.preprocess ? { preprocess: m.preprocess } : {}),
    ...(m.confusion ? { prediction_shares: predictionShares(m.confusion) } : {}),
    features: { target: m.data.target, classes: m.data.classes, ...m.data.features, input_columns: m.data.input_columns },
    reference_stats: input.referenceStats,
    files: input.digests,
  };
}

/** The share of test rows predicted as each class: the confusion matrix's column sums (rows are true classes). */
function predictionShares(confusion: { labels: string[]; matrix: number[][] }): Record<string, number> {
  const total = confusion.matrix.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  return Object.fromEntries(confusion.labels.map((label, j) => [label, total > 0 ? confusion.matrix.reduce((s, row) => s + (row[j] ?? 0), 0) / total : 0]));
}

let compiled: ValidateFunction | undefined;

/** Parses and validates a metadata.json; a RegistryError names the file and the first problems. */
export function parseMetadata(text: string, file: string): RegistryMetadata {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new RegistryError(`${file}: not valid JSON (${(err as Error).message})`, { file, cause: err });
  }
  compiled ??= new Ajv({ strict: true, allErrors: true, allowUnionTypes: true }).compile(schema);
  if (!compiled(doc)) {
    const problems = (compiled.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new RegistryError(`${file}: not a valid metadata document: ${problems.join('; ')}`, {
      file,
      hint: 'metadata.json is written by `pipepilot register` and never edited; restore it from git.',
    });
  }
  return doc as RegistryMetadata;
}
