import { UsageError } from '../errors.js';
import { createGit } from '../git/simple-git-client.js';
import { evidenceFromLive } from '../monitor/live-evidence.js';
import type { ModelEvidence } from '../monitor/evidence.js';
import { evidenceFromPrometheus, evidenceQueries, type EvidenceQuery, type PromVector } from '../monitor/prometheus-evidence.js';
import { decisionHeadline, evidenceMarkdown } from '../monitor/evidence-table.js';
import { monitor, type MonitorAlert, type ModelOutcome } from '../use-cases/monitor.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';
import { findRepoRoot } from './node-files.js';

export interface MonitorOptions {
  env?: string;
  server?: string[];
  prometheus?: string;
  model?: string;
  dryRun?: boolean;
  json?: boolean;
  timeoutSeconds?: string;
}

/**
 * `pipepilot monitor`: one pass of the control loop over the servers named. Exit 0 when it acted
 * or held, 2 on bad input (a server that does not answer, a bad policy). The webhook URL comes
 * from the environment variable the pipeline names and is never printed.
 */
export async function monitorCommand(io: CliIo, opts: MonitorOptions): Promise<number> {
  try {
    const servers = (opts.server ?? []).map((s) => serverUrl(s, '--server'));
    const prometheus = opts.prometheus === undefined ? undefined : serverUrl(opts.prometheus, '--prometheus');
    if ((servers.length === 0) === (prometheus === undefined)) {
      throw new UsageError('name the evidence source: --server URL (one per replica) or --prometheus URL, not both', { hint: 'e.g. pipepilot monitor --server http://10.0.0.5:8080 --server http://10.0.0.6:8080' });
    }
    const seconds = (opts.timeoutSeconds ?? '10').trim();
    if (!/^[1-9][0-9]{0,2}$/.test(seconds)) throw new UsageError(`--timeout-seconds must be a whole number from 1 to 999, got '${opts.timeoutSeconds}'`);
    const timeoutMs = 1000 * Number(seconds);
    const git = await createGit(findRepoRoot(io.cwd));
    const log = { info: (s: string) => io.stderr(s + '\n'), warn: (s: string) => io.stderr(`warning: ${s}\n`) };
    const outcomes = await monitor(
      {
        git, log, notify: (alert) => sendWebhook(io, alert, log.warn),
        gather: (model) => (prometheus ? prometheusEvidence(prometheus, model, timeoutMs) : Promise.all(servers.map((url) => liveEvidence(url, model, timeoutMs)))),
      },
      { env: opts.env ?? 'production', ...(opts.model !== undefined ? { model: opts.model } : {}), dryRun: opts.dryRun === true },
    );
    if (opts.json) io.stdout(JSON.stringify({ dry_run: opts.dryRun === true, outcomes }, null, 2) + '\n');
    else for (const o of outcomes) io.stdout(describeOutcome(o, opts.dryRun === true) + '\n');
    return EXIT.ok;
  } catch (err) {
    return reportError(io, err);
  }
}

function serverUrl(text: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${flag} ${text}: not a URL`, { hint: `e.g. ${flag} http://127.0.0.1:${flag === '--server' ? 8080 : 9090}` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag} ${text}: expected an http or https URL`);
  return url;
}

/** One model's evidence from a Prometheus HTTP API (already summed over the replicas it scrapes); one that does not answer is bad input naming it. */
async function prometheusEvidence(base: URL, model: string, timeoutMs: number): Promise<ModelEvidence[] | { disagree: string }> {
  const where = `${base.origin}${base.pathname.replace(/\/$/, '')}`;
  const queries = evidenceQueries(model);
  const answers = {} as Record<EvidenceQuery, PromVector>;
  for (const [name, query] of Object.entries(queries) as [EvidenceQuery, string][]) {
    let res: Response;
    try {
      res = await fetch(`${where}/api/v1/query?query=${encodeURIComponent(query)}`, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
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
async function liveEvidence(server: URL, model: string, timeoutMs: number): Promise<ModelEvidence> {
  const where = `${server.origin}${server.pathname.replace(/\/$/, '')}`;
  const url = `${where}/models/${encodeURIComponent(model)}/live`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
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
async function sendWebhook(io: CliIo, alert: MonitorAlert, warn: (m: string) => void): Promise<void> {
  const url = io.env[alert.webhookEnv];
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

function describeOutcome(o: ModelOutcome, dryRun: boolean): string {
  const w = o.written;
  const wrote = dryRun ? 'dry run: nothing written'
    : !w ? 'nothing to write'
      : w.action === 'unchanged' ? `${w.branch ?? 'the branch'} already holds this decision; nothing new written`
        : w.action === 'refused' ? `refused: ${w.message ?? ''}`
          : `${w.action} branch ${w.branch} (commit ${w.commit?.slice(0, 12)})${w.branch ? `; next: git push -f origin ${w.branch}, then open a pull request` : ''}`;
  return `${evidenceMarkdown(o.decision, o.env)}\n\n${wrote}${o.alerted ? '; alert sent' : ''}\n`;
}
