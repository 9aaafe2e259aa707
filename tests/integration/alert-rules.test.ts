import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { alertRules, rulesYaml } from '../../src/monitor/alert-rules.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/temp-repo.js';
import { loadSpec } from '../../src/spec/load-spec.js';

const PIPELINE = `apiVersion: pipepilot/v1
name: m
data: {source: d.csv, target: y}
model: {task: binary_classification, type: linear}
deploy: {drift: {psi_max: 0.25}, rollout: {min_requests: 100, max_error_rate_increase: 0.02, max_p99_latency_ratio: 2}}
`;

// Synthetic series, one sample a minute: each condition is false, then true for 30 minutes, then false again.
const SERIES = `
      - series: 'pipepilot_feature_psi{model="m",version="1",feature="age"}'
        values: '0.1x9 0.5x30 0.1x30'
      - series: 'pipepilot_live_requests{model="m",version="2",role="canary",outcome="ok"}'
        values: '1000x70'
      - series: 'pipepilot_live_requests{model="m",version="2",role="canary",outcome="server_error"}'
        values: '0x9 50x30 0x30'
      - series: 'pipepilot_live_requests{model="m",version="1",role="stable",outcome="ok"}'
        values: '1000x70'
      - series: 'pipepilot_live_latency_seconds{model="m",version="2",role="canary",quantile="0.99"}'
        values: '0.01x9 0.05x30 0.01x30'
      - series: 'pipepilot_live_latency_seconds{model="m",version="1",role="stable",quantile="0.99"}'
        values: '0.01x70'
      - series: 'pipepilot_model_load_failures_total{model="m",version="3"}'
        values: '0x9 1x60'
      - series: 'pipepilot_model_version{model="m",role="main"}'
        values: '1x9 _x30 1x30'
`;

function alertAt(minute: number, alert: string, exp: { labels: Record<string, string>; annotations: Record<string, string> }[]): string {
  const body = exp.map((e) => `          - exp_labels: ${JSON.stringify(e.labels)}\n            exp_annotations: ${JSON.stringify(e.annotations)}`).join('\n');
  return `      - eval_time: ${minute}m\n        alertname: ${alert}\n        exp_alerts:${exp.length ? `\n${body}` : ' []'}\n`;
}

describe('pipepilot rules: Prometheus alerting rules that promtool accepts, and that fire and clear', () => {
  it('each alert fires while its condition lasts and clears after (promtool test rules)', () => {
    const spec = loadSpec(PIPELINE, { file: 'p.yaml', root: '/repo' }).spec;
    const text = rulesYaml(alertRules([spec], 'production'), { env: 'production' });
    const dir = mkdtempSync(join(tmpdir(), 'pp-rules-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'rules.yml'), text);
    expect(execFileSync('promtool', ['check', 'rules', join(dir, 'rules.yml')], { encoding: 'utf8' })).toMatch(/SUCCESS: 5 rules found/);

    const base = { model: 'm', env: 'production' };
    const tests = [
      alertAt(20, 'PipePilotFeatureDrift', []), // true since minute 10, pending for 15m
      alertAt(30, 'PipePilotFeatureDrift', [{ labels: { ...base, severity: 'warning', version: '1', feature: 'age' }, annotations: { summary: 'm v1: live age drifted (PSI 0.5 > 0.25)', runbook_url: 'docs/monitoring.md#drift-alert-or-drift-rollback' } }]),
      alertAt(60, 'PipePilotFeatureDrift', []),
      alertAt(20, 'PipePilotCanaryErrorRate', [{ labels: { ...base, severity: 'critical' }, annotations: { summary: "m: the canary's 5xx rate is above stable's by more than 0.02", runbook_url: 'docs/monitoring.md#canary-rolled-back-5xx-error-rate' } }]),
      alertAt(60, 'PipePilotCanaryErrorRate', []),
      alertAt(30, 'PipePilotCanaryLatency', [{ labels: { ...base, severity: 'warning' }, annotations: { summary: "m: the canary's p99 latency is over 2× stable's", runbook_url: 'docs/monitoring.md#canary-rolled-back-p99-latency' } }]),
      alertAt(60, 'PipePilotCanaryLatency', []),
      alertAt(15, 'PipePilotModelLoadFailures', [{ labels: { ...base, severity: 'warning', version: '3' }, annotations: { summary: 'm v3 was refused at load (digest, files or warm-up); the previous version keeps serving', runbook_url: 'docs/monitoring.md#model-load-failures' } }]),
      alertAt(40, 'PipePilotModelLoadFailures', []),
      alertAt(30, 'PipePilotNoReadyVersion', [{ labels: { ...base, severity: 'critical', role: 'main' }, annotations: { summary: 'm: no replica serves a version', runbook_url: 'docs/monitoring.md#no-ready-version' } }]),
      alertAt(60, 'PipePilotNoReadyVersion', []),
    ].join('');
    writeFileSync(join(dir, 'test.yml'), `rule_files: [rules.yml]\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:${SERIES}    alert_rule_test:\n${tests}`);
    let out: string;
    try {
      out = execFileSync('promtool', ['test', 'rules', join(dir, 'test.yml')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      throw new Error(`promtool test rules failed:\n${(err as { stdout?: string }).stdout ?? ''}${(err as { stderr?: string }).stderr ?? ''}`);
    }
    expect(out).toMatch(/SUCCESS/);
  });

  it('--operator wraps the same groups in a PrometheusRule object', () => {
    const spec = loadSpec(PIPELINE, { file: 'p.yaml', root: '/repo' }).spec;
    const rules = alertRules([spec], 'staging');
    const doc = parse(rulesYaml(rules, { env: 'staging', operator: true })) as { kind: string; metadata: { name: string }; spec: unknown };
    expect(doc).toMatchObject({ kind: 'PrometheusRule', metadata: { name: 'pipepilot-staging' } });
    expect(doc.spec).toEqual(JSON.parse(JSON.stringify(rules)));
  });

  it('the command: --out writes a file promtool accepts; no pipelines or an invalid one is exit 2 naming it', async () => {
    const repo = tempRepo({ 'pipelines/m.yaml': PIPELINE });
    const ok = await runCli(['rules', '--out', 'rules.yml'], repo.dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(execFileSync('promtool', ['check', 'rules', join(repo.dir, 'rules.yml')], { encoding: 'utf8' })).toMatch(/SUCCESS: 5 rules found/);
    writeFileSync(join(repo.dir, 'pipelines/bad.yaml'), PIPELINE.replace('psi_max: 0.25', 'psi_max: -1'));
    const bad = await runCli(['rules'], repo.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/pipelines\/bad\.yaml:5:\d+: deploy\.drift\.psi_max/);
    expect(looksLikeStackTrace(bad.stderr)).toBe(false);
    const none = await runCli(['rules'], tempRepo({ 'README.md': 'x\n' }).dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no pipelines/);
  });
});
