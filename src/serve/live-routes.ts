import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LabelOutcome } from '../monitor/live-window.js';
import type { Fleet } from './fleet.js';
import type { LiveMetrics } from './live-metrics.js';
import { resetLiveSeries, setLiveSeries } from './live-metrics.js';
import type { LoadedVersion } from './loaded-version.js';
import type { ModelSlot } from './model-slot.js';
import { MAX_REQUEST_ID_LENGTH, findSlot } from './predict-routes.js';
import { RequestError } from './request-error.js';
import { notReady } from './score-request.js';

/** A feedback body holds at most this many labels (8 MiB of JSON is far more than that needs). */
export const MAX_FEEDBACK_RECORDS = 100_000;
const FEEDBACK_BODY_LIMIT_BYTES = 8 * 1024 * 1024;
/** At most this many per-record problems are listed in a feedback answer (all are counted). */
const LISTED_PROBLEMS = 20;

/** Live roles: the manifest's main version is `stable`. */
export type LiveRole = 'stable' | 'canary';

/**
 * Counts each predict request against the version it was routed to: `routed` is called by the
 * predict routes before scoring, `onResponse` when the answer (or the failure) is sent, with its
 * status and latency. Requests refused before routing (malformed JSON, unknown model) belong to no
 * version and are only in `pipepilot_requests_total`.
 */
export function liveRecorder(): {
  routed(request: FastifyRequest, loaded: LoadedVersion): void;
  onResponse(request: FastifyRequest, reply: FastifyReply): void;
} {
  const routes = new WeakMap<FastifyRequest, LoadedVersion>();
  return {
    routed: (request, loaded) => routes.set(request, loaded),
    onResponse(request, reply) {
      routes.get(request)?.live.recordRequest(reply.statusCode, reply.elapsedTime / 1000);
    },
  };
}

/** `GET /models/:name/live` and `POST /models/:name/feedback`. */
export function registerLiveRoutes(app: FastifyInstance, deps: { fleet: Fleet }): void {
  app.get('/models/:name/live', async (request) => {
    const slot = findSlot(deps.fleet, (request.params as { name: string }).name);
    if (!slot.serving) throw notReady(slot);
    return {
      model: slot.model,
      revision: slot.revision ?? null,
      canary_weight: slot.serving.canary?.weightPercent ?? 0,
      versions: servedVersions(slot).map(({ loaded, role }) => ({ version: loaded.version, role, loaded_at: new Date(loaded.loadedAtMs).toISOString(), ...loaded.live.snapshot(), drift: liveDrift(loaded) })),
    };
  });

  app.post('/models/:name/feedback', { bodyLimit: FEEDBACK_BODY_LIMIT_BYTES }, async (request) => {
    const slot = findSlot(deps.fleet, (request.params as { name: string }).name);
    if (!slot.serving) throw notReady(slot);
    const records = feedbackRecords(request.body);
    const counts: Record<LabelOutcome, number> = { matched: 0, unknown: 0, duplicate: 0, invalid: 0 };
    const problems: { record: number; error: string }[] = [];
    const versions = servedVersions(slot).map((v) => v.loaded);
    records.forEach((record, i) => {
      const parsed = feedbackRecord(record);
      let outcome: LabelOutcome;
      if (typeof parsed === 'string') {
        outcome = 'invalid';
        versions[0].live.recordMalformedLabel();
        problems.push({ record: i, error: parsed });
      } else {
        // The version that answered the request holds its rows; an id neither holds is counted as unknown by the stable version.
        const owner = versions.find((v) => v.live.remembers(parsed.requestId)) ?? versions[0];
        outcome = owner.live.recordLabel(parsed.requestId, parsed.index, parsed.label);
        if (outcome !== 'matched') problems.push({ record: i, error: problemOf(outcome, parsed.requestId) });
      }
      counts[outcome]++;
    });
    return { model: slot.model, received: records.length, ...counts, ...(problems.length ? { problems: problems.slice(0, LISTED_PROBLEMS) } : {}) };
  });
}

/** Sets the live gauges from every served version's window, called when /metrics is scraped. */
export function updateLiveGauges(fleet: Fleet, metrics: LiveMetrics): void {
  resetLiveSeries(metrics);
  for (const slot of fleet.slots.values()) {
    for (const { loaded, role } of servedVersions(slot)) {
      setLiveSeries(metrics, { model: loaded.model, version: String(loaded.version), role }, loaded.live.snapshot());
    }
  }
}

/** Each feature's live PSI, highest first, once the drift window holds enough rows (else none): what the monitor judges drift on. */
function liveDrift(loaded: LoadedVersion): { feature: string; psi: number }[] {
  const s = loaded.drift?.snapshot();
  if (!s || s.insufficient_data) return [];
  return s.features.flatMap((f) => (f.psi === null ? [] : [{ feature: f.name, psi: f.psi }]));
}

function servedVersions(slot: ModelSlot): { loaded: LoadedVersion; role: LiveRole }[] {
  const s = slot.serving;
  if (!s) return [];
  return [{ loaded: s.main, role: 'stable' }, ...(s.canary ? [{ loaded: s.canary.version, role: 'canary' as const }] : [])];
}

/** The body's labels: one `{request_id, label, index?}` or `{records: [...]}`. A body of neither shape is a 400. */
function feedbackRecords(body: unknown): unknown[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new RequestError(400, 'a feedback body is {"request_id": "…", "label": …} or {"records": [{"request_id": "…", "label": …}, …]}', { field: 'body' });
  }
  const records = (body as { records?: unknown }).records;
  if (records === undefined) return [body];
  if (!Array.isArray(records) || records.length === 0) throw new RequestError(400, 'records must be a non-empty array of {request_id, label}', { field: 'records' });
  if (records.length > MAX_FEEDBACK_RECORDS) throw new RequestError(413, `${records.length} records in one body; at most ${MAX_FEEDBACK_RECORDS}`, { field: 'records', hint: 'Send the labels in several bodies.' });
  return records;
}

/** One label, or what is wrong with it (counted as invalid; the rest of the batch still counts). */
function feedbackRecord(record: unknown): { requestId: string; index: number; label: unknown } | string {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return 'not an object';
  const r = record as Record<string, unknown>;
  const unknownKey = Object.keys(r).find((k) => k !== 'request_id' && k !== 'label' && k !== 'index');
  if (unknownKey !== undefined) return `unknown key '${unknownKey}' (expected request_id, label, index)`;
  if (typeof r.request_id !== 'string' || r.request_id === '' || r.request_id.length > MAX_REQUEST_ID_LENGTH) return `request_id must be a non-empty string of at most ${MAX_REQUEST_ID_LENGTH} characters`;
  if (!('label' in r) || r.label === null) return 'label is missing';
  const index = r.index ?? 0;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) return 'index must be a non-negative integer (the row of a batch request)';
  return { requestId: r.request_id, index, label: r.label };
}

function problemOf(outcome: Exclude<LabelOutcome, 'matched'>, requestId: string): string {
  if (outcome === 'unknown') return `request_id '${requestId}' is unknown or has expired (only the last predictions are kept)`;
  if (outcome === 'duplicate') return `request_id '${requestId}' already has a label`;
  return `the label is not a class of the model (or not a finite number, for regression)`;
}
