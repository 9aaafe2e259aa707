import { tableFromRecords } from '../data/read-table.js';
import { alignTable } from '../features/preprocessor.js';
import type { Rng } from '../rng.js';
import { predictionRecords, scoreTable, type Predictions } from '../use-cases/predict.js';
import { routesToCanary } from './canary-split.js';
import type { LoadedVersion } from './loaded-version.js';
import type { ModelSlot } from './model-slot.js';
import { RequestError } from './request-error.js';
import type { ServeMetrics } from './serve-metrics.js';

/** Strings read as missing, as `pipepilot predict` reads them; JSON null is always missing. */
export const MISSING_VALUES = ['', 'NA', 'N/A', 'null', 'NULL', 'NaN', 'nan'];

export interface ScoredRequest {
  model: string;
  version: number;
  role: 'main' | 'canary';
  predictions: Predictions;
  /** The id the answer carries (the caller's x-request-id, else generated), to send labels back with. */
  requestId: string;
}

export interface ScoreContext {
  /** The caller's x-request-id, which pins the canary split; undefined draws from `rng`. */
  requestId?: string;
  /** The id the answer carries and the live window remembers the rows by. */
  answerId: string;
  rng: Rng;
  metrics: ServeMetrics;
  /** Told which version the request was routed to, before scoring (so a failure is counted against it). */
  routed?(loaded: LoadedVersion, role: 'main' | 'canary'): void;
  /** gbdt: add TreeSHAP contributions per row (`?explain=true`); another model type is a 400. */
  explain?: boolean;
}

/**
 * Scores raw records with the version this request is routed to (the canary for its share),
 * through the saved preprocessor: `tableFromRecords` types them as a JSON file is typed, and
 * `scoreTable` is the one scoring path. A bad record or column is a DataError naming it.
 * Rows that scored are counted in the version's drift window.
 */
export function scoreRequest(slot: ModelSlot, records: unknown[], ctx: ScoreContext): ScoredRequest {
  const table = tableFromRecords(records, { file: 'request', missingValues: MISSING_VALUES });
  const lease = slot.acquire((weight) => routesToCanary(weight, ctx.requestId, ctx.rng));
  if (!lease) throw notReady(slot);
  ctx.routed?.(lease.loaded, lease.role);
  try {
    // Aligned, not yet imputed: the drift window must see missing values as missing.
    const origin = { file: 'request', noun: 'record' } as const;
    const aligned = alignTable(lease.loaded.scoring.preprocessor, table, origin);
    if (ctx.explain && !lease.loaded.scoring.model.trees) {
      throw new RequestError(400, `${slot.model} v${lease.loaded.version} is a ${lease.loaded.scoring.model.kind} model; explanations are computed for gbdt models only`, { field: 'explain', hint: 'Leave out ?explain=true.' });
    }
    const predictions = scoreTable(lease.loaded.scoring, aligned, origin, { explain: ctx.explain === true });
    lease.loaded.drift?.observe(aligned);
    countPredictions(ctx.metrics, slot.model, lease.loaded.version, predictions);
    lease.loaded.live.recordPredictions(ctx.answerId, predictions.predictions);
    return { model: slot.model, version: lease.loaded.version, role: lease.role, predictions, requestId: ctx.answerId };
  } finally {
    lease.release();
  }
}

/** The JSON answer of the predict routes. */
export function predictResponse(s: ScoredRequest): Record<string, unknown> {
  return { model: s.model, version: s.version, ...(s.role === 'canary' ? { canary: true } : {}), request_id: s.requestId, predictions: predictionRecords(s.predictions) };
}

export function notReady(slot: ModelSlot): RequestError {
  return new RequestError(503, `${slot.model} is deployed but not loaded yet${slot.problem ? ` (${slot.problem})` : ''}`, { hint: 'Retry shortly; GET /readyz says why.' });
}

function countPredictions(metrics: ServeMetrics, model: string, version: number, p: Predictions): void {
  const counts = new Map<string, number>();
  for (const label of p.predictions) {
    const key = p.task === 'regression' ? 'value' : String(label);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [label, n] of counts) metrics.predictions.inc({ model, version: String(version), class: label }, n);
}
