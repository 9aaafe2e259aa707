import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LoadedVersion } from './loaded-version.js';
import type { Rng } from '../rng.js';
import type { Fleet } from './fleet.js';
import type { ModelSlot } from './model-slot.js';
import { CsvBody, recordsFromCsv } from './csv-body.js';
import { RequestError } from './request-error.js';
import { notReady } from './score-request.js';
import { recordsFromBody, recordsFromMlflow } from './request-records.js';
import { predictResponse, scoreRequest, type ScoredRequest } from './score-request.js';
import type { ServeMetrics } from './serve-metrics.js';

/** 1 MiB for a few records, 32 MiB for batches (~100k rows of a dozen features). */
export const SINGLE_BODY_LIMIT_BYTES = 1024 * 1024;
export const BATCH_BODY_LIMIT_BYTES = 32 * 1024 * 1024;

export interface PredictRouteDeps {
  fleet: Fleet;
  rng: Rng;
  metrics: ServeMetrics;
  /** Records which model and version answered a request, for the request metrics. */
  answered(request: FastifyRequest, scored: ScoredRequest): void;
  /** Records which version a request was routed to, before it scores (live outcomes count its failures too). */
  routed?(request: FastifyRequest, loaded: LoadedVersion, role: 'main' | 'canary'): void;
  /** Body size limits (`--max-body-bytes`, `--max-batch-body-bytes`); default 1 MiB and 32 MiB. */
  limits?: { singleBytes?: number; batchBytes?: number };
}

/** Longer x-request-id headers are refused: the live window keeps the last N ids in memory. */
export const MAX_REQUEST_ID_LENGTH = 128;

/** `POST /models/:name/predict[/batch]`, `/predict[/batch]` (one model deployed) and MLflow's `/invocations`. */
export function registerPredictRoutes(app: FastifyInstance, deps: PredictRouteDeps): void {
  const score = (request: FastifyRequest, slot: ModelSlot, records: unknown[], explain = wantsExplanation(request)) => {
    const requestId = requestIdHeader(request);
    const scored = scoreRequest(slot, records, {
      requestId, answerId: requestId ?? randomUUID(), rng: deps.rng, metrics: deps.metrics, explain,
      ...(deps.routed ? { routed: (loaded: LoadedVersion, role: 'main' | 'canary') => deps.routed!(request, loaded, role) } : {}),
    });
    deps.answered(request, scored);
    return scored;
  };
  const named = (request: FastifyRequest) => findSlot(deps.fleet, (request.params as { name: string }).name);
  const limits = { single: deps.limits?.singleBytes ?? SINGLE_BODY_LIMIT_BYTES, batch: deps.limits?.batchBytes ?? BATCH_BODY_LIMIT_BYTES };
  for (const [suffix, bodyLimit] of [['predict', limits.single], ['predict/batch', limits.batch]] as const) {
    app.post(`/models/:name/${suffix}`, { bodyLimit }, async (request) => predictResponse(score(request, named(request), recordsFromBody(jsonOnly(request.body)))));
    app.post(`/${suffix}`, { bodyLimit }, async (request) => predictResponse(score(request, onlySlot(deps.fleet, undefined), recordsFromBody(jsonOnly(request.body)))));
  }
  app.post('/invocations', { bodyLimit: limits.batch }, async (request) => {
    const model = (request.query as { model?: unknown }).model;
    const slot = onlySlot(deps.fleet, typeof model === 'string' ? model : undefined);
    const records = request.body instanceof CsvBody ? recordsFromCsv(request.body, loadedPreprocessor(slot)) : recordsFromMlflow(request.body);
    const scored = score(request, slot, records, wantsExplanation(request) || sageMakerExplain(request));
    const p = scored.predictions;
    const k = p.classes.length;
    // MLflow clients read `predictions` (one label or value per row); probabilities and explanations ride alongside.
    return {
      predictions: p.predictions,
      ...(p.probabilities ? { probabilities: p.predictions.map((_, i) => Object.fromEntries(p.classes.map((c, j) => [c, p.probabilities![i * k + j]]))) } : {}),
      ...(p.explanations ? { explanations: p.explanations } : {}),
      model: scored.model,
      version: scored.version,
      request_id: scored.requestId,
    };
  });
}

/** `?explain=true` (or `1`) asks for TreeSHAP contributions per row; anything else but `false`/`0` is a 400. */
function wantsExplanation(request: FastifyRequest): boolean {
  const v = (request.query as { explain?: unknown } | undefined)?.explain;
  if (v === undefined || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1' || v === '') return true;
  throw new RequestError(400, `explain must be true or false, got ${JSON.stringify(v)}`, { field: 'explain' });
}

/**
 * SageMaker's InvokeEndpoint passes no query string: its `CustomAttributes` arrive as the
 * X-Amzn-SageMaker-Custom-Attributes header, here `key=value` pairs split by `;` or `,`, of which
 * `explain=true|1|false|0` is read (other keys are the caller's own and ignored).
 */
function sageMakerExplain(request: FastifyRequest): boolean {
  const header = request.headers['x-amzn-sagemaker-custom-attributes'];
  if (typeof header !== 'string') return false;
  for (const pair of header.split(/[;,]/)) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim().toLowerCase() !== 'explain') continue;
    const v = pair.slice(eq + 1).trim().toLowerCase();
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    throw new RequestError(400, `X-Amzn-SageMaker-Custom-Attributes: explain must be true or false, got ${JSON.stringify(v)}`, { field: 'explain' });
  }
  return false;
}

/** The caller's x-request-id (an empty one counts as none); one longer than MAX_REQUEST_ID_LENGTH is a 400. */
function requestIdHeader(request: FastifyRequest): string | undefined {
  const header = request.headers['x-request-id'];
  if (typeof header !== 'string' || header === '') return undefined;
  if (header.length > MAX_REQUEST_ID_LENGTH) {
    throw new RequestError(400, `x-request-id is ${header.length} characters; at most ${MAX_REQUEST_ID_LENGTH} are kept`, { field: 'x-request-id', hint: 'Send a shorter id (a UUID is 36 characters), or none and use the generated request_id of the answer.' });
  }
  return header;
}

/** CSV is accepted on `/invocations` only (SageMaker's contract); the predict routes take JSON. */
function jsonOnly(body: unknown): unknown {
  if (body instanceof CsvBody) throw new RequestError(415, 'text/csv is accepted on POST /invocations only; send application/json here', { field: 'content-type' });
  return body;
}

/** The preprocessor of the version serving a slot (a headerless CSV's columns are its features). */
function loadedPreprocessor(slot: ModelSlot) {
  const serving = slot.serving;
  if (!serving) throw notReady(slot);
  return serving.main.scoring.preprocessor;
}

export function findSlot(fleet: Fleet, name: string): ModelSlot {
  const slot = fleet.slots.get(name);
  if (slot) return slot;
  const deployed = [...fleet.slots.keys()];
  throw new RequestError(404, `unknown model '${name}'; deployed: ${deployed.length ? deployed.join(', ') : 'none'}`, { field: 'name', hint: 'GET /models lists the deployed models.' });
}

/** The model a route without a name means: `?model=` when given, else the one deployed model. */
function onlySlot(fleet: Fleet, model: string | undefined): ModelSlot {
  if (model !== undefined) return findSlot(fleet, model);
  if (fleet.slots.size === 1) return [...fleet.slots.values()][0];
  const deployed = [...fleet.slots.keys()];
  throw new RequestError(fleet.slots.size === 0 ? 503 : 400, fleet.slots.size === 0 ? 'no model is deployed yet' : `${deployed.length} models are deployed (${deployed.join(', ')}); name one`, {
    field: 'model', hint: 'Use POST /models/<name>/predict, or ?model=<name> on /invocations.',
  });
}
