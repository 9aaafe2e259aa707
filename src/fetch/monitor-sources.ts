import { UsageError } from '../errors.js';
import { evidenceFromLive } from '../monitor/live-evidence.js';
import type { ModelEvidence } from '../monitor/evidence.js';
import { evidenceFromPrometheus, evidenceQueries, type EvidenceQuery, type PromVector } from '../monitor/prometheus-evidence.js';
import { decisionHeadline } from '../monitor/evidence-table.js';
import type { MonitorAlert } from '../use-cases/monitor.js';

/**
 * The monitor's network edge, shared by `pipepilot monitor` and the action's `command: monitor`:
 * the evidence from each server's `/models/:name/live` or from a Prometheus HTTP API, and the
 * webhook alert. A source that does not answer is a UsageError naming it (its URL may come from a
 * secret, so callers mask it before anything is printed).
 */

/**
 * Why a fetch failed, in a word (ECONNREFUSED, ENOTFOUND, TimeoutError): the code sits on the
 * error's cause, or on the first of an AggregateError's errors (a host with several addresses).
 */
function networkCause(err: unknown): string {
  let e = err as { name?: string; code?: string; cause?: unknown; errors?: { code?: string }[] } | undefined;
  for (let depth = 0; e && depth < 4; depth++, e = e.cause as typeof e) {
    if (e.code) return e.code;
    if (e.errors?.[0]?.code) return e.errors[0].code;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return e.name;
    // undici refuses some ports before connecting ("bad port"): its cause has a message, no code.
    if (!e.cause && e !== err && (e as Error).message) return (e as Error).message;
  }
  return (err as Error).name;
}

/** `--server` / `--prometheus` (or the action's inputs) checked: an http or https URL. */
export function sourceUrl(text: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${name} ${text}: not a URL`, { hint: `e.g. ${name} http://127.0.0.1:${name.includes('prometheus') ? 9090 : 8080}` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${name} ${text}: expected an http or https URL`);
  return url;
}

/**
 * One model's evidence from every source: each server's, or Prometheus's (already summed).
 * `names` says how messages name the sources (the action names its masked inputs by position,
 * e.g. "servers #2"); default: their URLs.
 */
export function gatherEvidence(
  sources: { servers: URL[]; prometheus?: URL },
  timeoutMs: number,
  names: { servers?: string[]; prometheus?: string } = {},
): (model: string) => Promise<ModelEvidence[] | { disagree: string }> {
  return (model) => (sources.prometheus
    ? prometheusEvidence(sources.prometheus, model, timeoutMs, names.prometheus)
    : Promise.all(sources.servers.map((url, i) => liveEvidence(url, model, timeoutMs, names.servers?.[i]))));
}

/** One model's evidence from a Prometheus HTTP API (already summed over the replicas it scrapes); one that does not answer is bad input naming it. */
export async function prometheusEvidence(base: URL, model: string, timeoutMs: number, name?: string): Promise<ModelEvidence[] | { disagree: string }> {
  const at = `${base.origin}${base.pathname.replace(/\/$/, '')}`;
  const where = name ?? at;
  const queries = evidenceQueries(model);
  const answers = {} as Record<EvidenceQuery, PromVector>;
  for (const [name, query] of Object.entries(queries) as [EvidenceQuery, string][]) {
    let res: Response;
    try {
      res = await fetch(`${at}/api/v1/query?query=${encodeURIComponent(query)}`, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const cause = networkCause(err);
      throw new UsageError(`Prometheus ${where} did not answer (${cause}); nothing was written`, { hint: 'Check --prometheus: the base URL of its HTTP API, e.g. http://prometheus:9090.' });
    }
    const body = (await res.json().catch(() => undefined)) as { status?: string; data?: { result?: unknown }; error?: string } | undefined;
    if (res.status !== 200 || body?.status !== 'success' || !Array.isArray(body.data?.result)) {
      throw new UsageError(`Prometheus ${where} answered ${res.status} to ${query}: ${body?.error ?? 'not a query result'}; nothing was written`);
    }
    answers[name] = body.data.result as PromVector;
  }
  try {
    const evidence = evidenceFromPrometheus(model, answers);
    return 'disagree' in evidence ? evidence : [evidence];
  } catch (err) {
    throw new UsageError(`Prometheus ${where}: ${(err as Error).message}; nothing was written`, { hint: 'Prometheus must scrape every pipepilot serve replica\'s /metrics.' });
  }
}

/** A server's `/models/:name/live` as evidence; a server that does not answer, or answers nonsense, is bad input naming it. */
export async function liveEvidence(server: URL, model: string, timeoutMs: number, name?: string): Promise<ModelEvidence> {
  const at = `${server.origin}${server.pathname.replace(/\/$/, '')}`;
  const where = name ?? at;
  const url = `${at}/models/${encodeURIComponent(model)}/live`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const cause = networkCause(err);
    throw new UsageError(`server ${where} did not answer (${cause}); nothing was written`, { hint: 'Check the URL and that `pipepilot serve` runs there; every replica named must answer.' });
  }
  const text = await res.text();
  if (res.status !== 200) {
    throw new UsageError(`server ${where} answered ${res.status} for ${model}: ${text.slice(0, 200)}; nothing was written`, { hint: 'The server must serve the model (GET /models) and have loaded it (GET /readyz).' });
  }
  try {
    return evidenceFromLive(JSON.parse(text), model);
  } catch (err) {
    throw new UsageError(`server ${where}: /models/${model}/live is not a PipePilot live answer (${(err as Error).message}); nothing was written`);
  }
}

/** POSTs the alert to the webhook (Slack-compatible `text`, and the decision as data). A missing variable or a failed post is a warning. */
export async function sendWebhook(env: NodeJS.ProcessEnv, alert: MonitorAlert, warn: (m: string) => void): Promise<void> {
  const url = env[alert.webhookEnv];
  if (!url) {
    warn(`${alert.model}: deploy.alerts.webhook_env names ${alert.webhookEnv}, which is not set; no webhook sent`);
    return;
  }
  const d = alert.decision;
  const text = `PipePilot ${alert.model} (${alert.env}): ${decisionHeadline(d)}\n${d.alerts.join('\n')}`;
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, model: alert.model, env: alert.env, action: d.action, alerts: d.alerts, reasons: d.reasons, checks: d.checks }), signal: AbortSignal.timeout(10_000) });
    if (!res.ok) warn(`${alert.model}: the webhook in ${alert.webhookEnv} answered ${res.status}`);
  } catch (err) {
    // The URL is a secret: name the variable, never its value.
    warn(`${alert.model}: the webhook in ${alert.webhookEnv} did not answer (${(err as Error).name})`);
  }
}

