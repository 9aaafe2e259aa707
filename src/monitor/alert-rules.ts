import { stringify } from 'yaml';
import { rolloutDefaults } from '../spec/defaults.js';
import type { PipelineSpec } from '../spec/types.js';

/** Where each alert's runbook lives. */
const RUNBOOK = 'docs/monitoring.md#';
/** PSI above this reads as a significant shift when a pipeline sets no deploy.drift.psi_max (as the server does). */
const DEFAULT_PSI_MAX = 0.2;

interface Rule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/**
 * Prometheus alerting rules from the pipelines' deploy policies, one group per model: drift
 * above psi_max, canary 5xx rate above stable's by more than max_error_rate_increase (once the
 * canary has min_requests), canary p99 over max_p99_latency_ratio × stable's, model load
 * failures, and no ready version. The same limits `pipepilot monitor` decides with, so a page and
 * a rollback agree. Pure; the model names are registry names (no quoting needed in PromQL).
 */
export function alertRules(specs: readonly PipelineSpec[], env: string): { groups: { name: string; rules: Rule[] }[] } {
  return { groups: [...specs].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => ({ name: `pipepilot-${s.name}`, rules: modelRules(s, env) })) };
}

function modelRules(spec: PipelineSpec, env: string): Rule[] {
  const m = `model="${spec.name}"`;
  const r = spec.deploy.rollout ?? rolloutDefaults();
  const psiMax = spec.deploy.drift?.psi_max ?? DEFAULT_PSI_MAX;
  const labels = (severity: string) => ({ severity, model: spec.name, env });
  const notes = (summary: string, section: string) => ({ summary, runbook_url: `${RUNBOOK}${section}` });
  // `or … * 0`: a role with no server_error series yet has a 0 rate, not an empty vector that silences the subtraction.
  const all = (role: string) => `sum by (model) (pipepilot_live_requests{${m}, role="${role}"})`;
  const rate = (role: string) => `((sum by (model) (pipepilot_live_requests{${m}, role="${role}", outcome="server_error"}) or ${all(role)} * 0) / clamp_min(${all(role)}, 1))`;
  const p99 = (role: string) => `max by (model) (pipepilot_live_latency_seconds{${m}, role="${role}", quantile="0.99"})`;
  return [
    {
      alert: 'PipePilotFeatureDrift',
      expr: `max by (model, version, feature) (pipepilot_feature_psi{${m}}) > ${psiMax}`,
      for: '15m', labels: labels('warning'),
      annotations: notes(`${spec.name} v{{ $labels.version }}: live {{ $labels.feature }} drifted (PSI {{ $value }} > ${psiMax})`, 'drift-alert-or-drift-rollback'),
    },
    {
      alert: 'PipePilotCanaryErrorRate',
      expr: `(${rate('canary')} - ${rate('stable')} > ${r.max_error_rate_increase}) and on (model) sum by (model) (pipepilot_live_requests{${m}, role="canary"}) >= ${r.min_requests}`,
      for: '5m', labels: labels('critical'),
      annotations: notes(`${spec.name}: the canary's 5xx rate is above stable's by more than ${r.max_error_rate_increase}`, 'canary-rolled-back-5xx-error-rate'),
    },
    {
      alert: 'PipePilotCanaryLatency',
      expr: `${p99('canary')} / ${p99('stable')} > ${r.max_p99_latency_ratio}`,
      for: '10m', labels: labels('warning'),
      annotations: notes(`${spec.name}: the canary's p99 latency is over ${r.max_p99_latency_ratio}× stable's`, 'canary-rolled-back-p99-latency'),
    },
    {
      alert: 'PipePilotModelLoadFailures',
      expr: `increase(pipepilot_model_load_failures_total{${m}}[10m]) > 0`,
      for: '0m', labels: labels('warning'),
      annotations: notes(`${spec.name} v{{ $labels.version }} was refused at load (digest, files or warm-up); the previous version keeps serving`, 'model-load-failures'),
    },
    {
      alert: 'PipePilotNoReadyVersion',
      expr: `absent(pipepilot_model_version{${m}, role="main"})`,
      for: '5m', labels: labels('critical'),
      annotations: notes(`${spec.name}: no replica serves a version`, 'no-ready-version'),
    },
  ];
}

/** The rules file as YAML (`rule_files:`), or wrapped as a prometheus-operator `PrometheusRule` object. */
export function rulesYaml(rules: ReturnType<typeof alertRules>, opts: { operator?: boolean; env: string }): string {
  const doc = opts.operator
    ? { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: `pipepilot-${opts.env}`, labels: { app: 'pipepilot' } }, spec: rules }
    : rules;
  return stringify(doc, { lineWidth: 0 });
}
