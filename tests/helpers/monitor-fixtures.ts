import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer as createHttpServer } from 'node:http';
import { expect, onTestFinished } from 'vitest';
import { runCli } from './cli.js';
import { bcData, manifestYaml, smallPipeline } from './registry-fixtures.js';
import { bcRecords, commitAndPush, type RunningServer } from './serve-fixtures.js';
import { templateRepo, type TempRepo } from './temp-repo.js';

// Small numbers so the test sends a few hundred requests; the latency limit is wide because this
// machine's timings are noise (the boundaries are unit-tested in tests/unit/monitor/decide.test.ts).
const DEPLOY = deployPolicy();

/** The pipeline's deploy policy line: small evidence limits, the webhook in TEST_ALERT_HOOK, optionally the GitHub issue and auto_merge. */
export function deployPolicy(opts: { githubIssue?: boolean; autoMerge?: boolean } = {}): string {
  const alerts = `{webhook_env: TEST_ALERT_HOOK${opts.githubIssue ? ', github_issue: true' : ''}}`;
  return `deploy: {environments: [production], rollout: {steps: [10, 50, 100], min_requests: 30, min_labels: 30, max_error_rate_increase: 0.05, max_p99_latency_ratio: 1000, max_metric_drop: {drop: 0.25, confidence: 0.9}}, alerts: ${alerts}${opts.autoMerge ? ', auto_merge: true' : ''}}`;
}

/** bc v1 and v2 registered under a pipeline with a rollout policy; production serves v1 with canary v2 at 10 %. */
export function canaryRepo(): Promise<TempRepo> {
  return templateRepo('canary', { 'p.yaml': smallPipeline() + DEPLOY + '\n', 'data/bc.csv': bcData }, async (repo) => {
    for (const seed of [1, 2]) {
      writeFileSync(join(repo.dir, 'p.yaml'), smallPipeline({ seed }) + DEPLOY + '\n');
      const res = await runCli(['register', 'p.yaml', '-q'], repo.dir);
      expect(res.code, res.stderr).toBe(0);
    }
    commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', 1), 'deploy bc v1');
    commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', 1, { canary: { version: 2, weight: 10 } }), 'canary bc v2 at 10%');
  });
}

/** Sends `n` single-record requests (bounded: 8 at a time), then labels each; `wrongFor` picks versions whose labels are flipped. */
export async function loadAndLabel(server: RunningServer, repo: TempRepo, n: number, wrongFor: (version: number) => boolean = () => false): Promise<void> {
  const csv = readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8');
  const records = bcRecords(csv, 569);
  const [header, ...lines] = csv.trim().split('\n');
  const at = header.trim().split(',').indexOf('diagnosis');
  const truth = lines.map((l) => l.split(',')[at].trim());
  const labels: { request_id: string; label: string }[] = [];
  for (let start = 0; start < n; start += 8) {
    await Promise.all(Array.from({ length: Math.min(8, n - start) }, async (_, k) => {
      const i = start + k;
      // Fixed ids: the canary split is a hash of the id, so these 400 send 63 to a 10 % canary every
      // run (time-based ids sent as few as 25, below min_requests, and the test flaked).
      const id = `load-${i}`;
      const res = await server.post('/models/bc/predict', records[i % records.length], { 'x-request-id': id });
      expect(res.status).toBe(200);
      const right = truth[i % records.length];
      labels.push({ request_id: id, label: wrongFor(res.json.version as number) ? (right === 'benign' ? 'malignant' : 'benign') : right });
    }));
  }
  const fb = await server.post('/models/bc/feedback', { records: labels });
  expect(fb.json).toMatchObject({ received: n, matched: n });
}

/** A loopback receiver for the monitor's webhook: every JSON body it was sent; closed when the test ends. */
export async function webhookReceiver(): Promise<{ url: string; bodies: Record<string, unknown>[] }> {
  const bodies: Record<string, unknown>[] = [];
  const server = createHttpServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(text) as Record<string, unknown>);
      res.end('ok');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  onTestFinished(() => new Promise<void>((done) => server.close(() => done())));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, bodies };
}
