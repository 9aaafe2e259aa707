import type { Preprocessor } from '../features/preprocessor.js';
import type { MetricsDoc } from '../evaluate/metrics-doc.js';

/** The model files of a run: what `register` will copy into `models/<name>/v<N>/`. */
export interface RunArtifacts {
  modelJson: Record<string, unknown>;
  weightsBin: Uint8Array;
  preprocessor: Preprocessor;
  referenceStats: unknown;
}

/**
 * The run bundle as relative paths and bytes: `metrics.json`, `report.md`, and `model/`.
 * Pure, so the shell writes it (atomically) and a test can inspect it without a disk.
 */
export function runBundleFiles(bundle: { metrics: MetricsDoc; report: string; artifacts: RunArtifacts }): Map<string, Uint8Array> {
  const enc = new TextEncoder();
  const json = (v: unknown) => enc.encode(JSON.stringify(v, null, 2) + '\n');
  return new Map<string, Uint8Array>([
    ['metrics.json', json(bundle.metrics)],
    ['report.md', enc.encode(bundle.report)],
    ['model/model.json', json(bundle.artifacts.modelJson)],
    ['model/weights.bin', bundle.artifacts.weightsBin],
    ['model/preprocessor.json', json(bundle.artifacts.preprocessor)],
    ['model/reference-stats.json', json(bundle.artifacts.referenceStats)],
  ]);
}
