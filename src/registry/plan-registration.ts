import type { Preprocessor } from '../features/preprocessor.js';
import type { MetricsDoc } from '../evaluate/metrics-doc.js';
import { digestOf } from './digest.js';
import { headlineMetricNames } from './headline-metrics.js';
import { ARTIFACT_FILES, METADATA_FILE, versionDir, type ArtifactFile } from './layout.js';
import { buildMetadata, type Lineage, type RegistryMetadata } from './metadata.js';

export interface RegistrationInput {
  model: string;
  version: number;
  createdAt: string;
  metrics: MetricsDoc;
  artifacts: { modelJson: Record<string, unknown>; weightsBin: Uint8Array; preprocessor: Preprocessor; referenceStats: unknown };
  lineage: Lineage;
  override: { reason: string } | null;
  /** The model card (src/report/card.ts), built by the caller: report renders, the registry stores. */
  card: string;
}

export interface RegistrationPlan {
  /** The version directory, e.g. `models/churn/v4`. */
  dir: string;
  /** File name in `dir` → exact bytes; metadata.json holds the digests of the others. */
  files: Map<string, Uint8Array>;
  metadata: RegistryMetadata;
  message: string;
}

/** What registering one version writes and the commit message naming it. Pure and deterministic. */
export function planRegistration(input: RegistrationInput): RegistrationPlan {
  const enc = new TextEncoder();
  const json = (v: unknown) => enc.encode(JSON.stringify(v, null, 2) + '\n');
  const artifacts: Record<ArtifactFile, Uint8Array> = {
    'model.json': json(input.artifacts.modelJson),
    'weights.bin': input.artifacts.weightsBin,
    'preprocessor.json': json(input.artifacts.preprocessor),
    'card.md': enc.encode(input.card),
  };
  const digests = Object.fromEntries(ARTIFACT_FILES.map((f) => [f, digestOf(artifacts[f])])) as Record<ArtifactFile, string>;
  const metadata = buildMetadata({
    model: input.model,
    version: input.version,
    createdAt: input.createdAt,
    metrics: input.metrics,
    referenceStats: input.artifacts.referenceStats,
    lineage: input.lineage,
    override: input.override,
    digests,
  });
  const files = new Map<string, Uint8Array>(ARTIFACT_FILES.map((f) => [f, artifacts[f]]));
  files.set(METADATA_FILE, json(metadata));
  return { dir: versionDir(input.model, input.version), files, metadata, message: commitMessage(metadata) };
}

/**
 * `register churn v4: roc_auc 0.9712 [0.95, 0.99], accuracy …` then the content key and lineage,
 * and git trailers a later `history` can read without opening files.
 */
export function commitMessage(meta: RegistryMetadata): string {
  const headline = headlineMetricNames(meta).map((k) => {
    const iv = meta.intervals[k];
    return `${k} ${fmt(meta.metrics[k])}${iv ? ` [${fmt(iv.low)}, ${fmt(iv.high)}]` : ''}`;
  });
  const body = [
    `pipeline ${meta.lineage.pipeline.path} (blob ${meta.lineage.pipeline.blob_sha.slice(0, 12)}), data ${meta.lineage.data.fingerprint.slice(0, 19)}…`,
    `gates: ${meta.gates_passed ? 'passed' : 'FAILED'} (${meta.gates.filter((g) => g.status === 'failed').length} failed of ${meta.gates.length})`,
    ...(meta.override ? [`gates overridden with --force: ${meta.override.reason.replace(/\s+/g, ' ').trim()}`] : []),
  ];
  const trailers = [`PipePilot-Model: ${meta.model}`, `PipePilot-Version: ${meta.version}`, `PipePilot-Content-Key: ${meta.content_key}`];
  return [`register ${meta.model} v${meta.version}: ${headline.join(', ') || 'no metrics'}`, '', ...body, '', ...trailers].join('\n');
}

function fmt(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(4);
}
