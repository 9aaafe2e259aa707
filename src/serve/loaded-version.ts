import type { Column, Table } from '../data/table.js';
import type { FeatureStats } from '../data/reference-stats.js';
import { DriftWindow, type DriftWindowOptions } from '../monitor/drift-window.js';
import { LiveWindow } from '../monitor/live-window.js';
import { loadScoringModel, scoreTable, type ScoringModel } from '../use-cases/predict.js';
import type { RegisteredModel } from '../use-cases/registered-model.js';

/** A version in memory, verified and warmed up, ready to answer. */
export interface LoadedVersion {
  model: string;
  version: number;
  scoring: ScoringModel;
  /** Milliseconds from the server's clock when it finished loading. */
  loadedAtMs: number;
  /** The training features' reference statistics from metadata.json (for drift), when present. */
  referenceStats?: FeatureStats;
  /** Live inputs on the reference bins, this version's own (a newly loaded version starts empty); absent without reference statistics. */
  drift?: DriftWindow;
  /** Why there is no drift window (no or malformed reference statistics); the version serves regardless. */
  driftProblem?: string;
  /** Its own live outcomes (predictions waiting for labels, labelled window, errors, latency); starts empty at load. */
  live: LiveWindow;
}

/** Sizes of a version's live window (`serve --pending-rows`, `--live-window`). */
export interface LiveOptions {
  pendingRows?: number;
  windowRows?: number;
}

/**
 * Loads a registered version through the one scoring path: every file digest-checked by
 * `registered.read`, then one prediction on a row of the preprocessor's fill values, so the
 * first real request does not pay for tfjs's lazy kernel set-up and a model that cannot
 * score is refused before it is swapped in.
 */
export async function loadVersion(registered: RegisteredModel, now: () => number, driftOptions: DriftWindowOptions = {}, liveOptions: LiveOptions = {}): Promise<LoadedVersion> {
  const scoring = await loadScoringModel((name) => registered.read(name), registered.dir);
  try {
    scoreTable(scoring, warmUpRow(scoring), `${registered.dir} (warm-up)`);
  } catch (err) {
    scoring.model.dispose();
    throw err;
  }
  const stats = registered.metadata.reference_stats as FeatureStats | null | undefined;
  return {
    model: registered.model,
    version: registered.version,
    scoring,
    loadedAtMs: now(),
    ...(stats && Array.isArray(stats.features) ? { referenceStats: stats } : {}),
    ...driftWindow(stats, driftOptions),
    live: new LiveWindow({
      task: registered.metadata.task,
      classes: registered.metadata.features.classes,
      ...liveOptions,
      ...(registered.metadata.prediction_shares ? { referenceShares: registered.metadata.prediction_shares } : {}),
    }),
  };
}

/** Drift is monitoring, not serving: statistics it cannot use leave the version servable, with the reason kept for the drift route. */
function driftWindow(stats: FeatureStats | null | undefined, options: DriftWindowOptions): Pick<LoadedVersion, 'drift' | 'driftProblem'> {
  if (!stats || !Array.isArray(stats.features)) return { driftProblem: 'metadata.json has no reference_stats' };
  try {
    return { drift: new DriftWindow(stats, options) };
  } catch (err) {
    return { driftProblem: `metadata.json reference_stats unusable: ${(err as Error).message}` };
  }
}

/** One row: each numeric feature at its fill value, each categorical one at its fill (or missing). */
function warmUpRow(scoring: ScoringModel): Table {
  const columns = new Map<string, Column>();
  for (const f of scoring.preprocessor.numeric) columns.set(f.name, { kind: 'numeric', values: Float64Array.of(f.fill) });
  for (const f of scoring.preprocessor.categorical) columns.set(f.name, { kind: 'categorical', values: [f.fill] });
  return { rowCount: 1, columns };
}
