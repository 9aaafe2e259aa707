import { Gauge, type Registry } from 'prom-client';
import type { LiveSnapshot } from '../monitor/live-window.js';

type LiveLabels = 'model' | 'version' | 'role';

/**
 * The live-outcome series, labelled `model`, `version` and `role` (stable | canary). All are
 * gauges set from each served version's live window when /metrics is scraped (like the drift
 * gauges): counts since the version was loaded, or over its sliding window, so a version that
 * stops being served drops out at the next scrape instead of leaving a stale series.
 */
export interface LiveMetrics {
  requests: Gauge<LiveLabels | 'outcome'>;
  latency: Gauge<LiveLabels | 'quantile'>;
  labelledRows: Gauge<LiveLabels>;
  metric: Gauge<LiveLabels | 'metric'>;
  metricSum: Gauge<LiveLabels | 'part'>;
  labels: Gauge<LiveLabels | 'outcome'>;
  predictionShare: Gauge<LiveLabels | 'class'>;
  predictionPsi: Gauge<LiveLabels>;
}

export function createLiveMetrics(registry: Registry): LiveMetrics {
  const registers = [registry];
  const base = ['model', 'version', 'role'] as const;
  return {
    requests: new Gauge({ name: 'pipepilot_live_requests', help: 'Requests routed to a version since it was loaded, by outcome (ok, client_error, server_error)', labelNames: [...base, 'outcome'], registers }),
    latency: new Gauge({ name: 'pipepilot_live_latency_seconds', help: 'Latency quantiles (0.5, 0.9, 0.99) of the version\'s last requests, in seconds', labelNames: [...base, 'quantile'], registers }),
    labelledRows: new Gauge({ name: 'pipepilot_live_labelled_rows', help: 'Labelled rows in the version\'s live window', labelNames: base, registers }),
    metric: new Gauge({ name: 'pipepilot_live_metric', help: 'The live headline metric over the labelled window (accuracy, or mae for regression)', labelNames: [...base, 'metric'], registers }),
    metricSum: new Gauge({ name: 'pipepilot_live_metric_sum', help: 'Sums behind the live metric, addable across replicas: correct (classification), abs_error and abs_error_sq (regression)', labelNames: [...base, 'part'], registers }),
    labels: new Gauge({ name: 'pipepilot_live_labels', help: 'Labels sent back since the version was loaded, by outcome (matched, unknown, duplicate, invalid)', labelNames: [...base, 'outcome'], registers }),
    predictionShare: new Gauge({ name: 'pipepilot_live_prediction_share', help: 'Share of the window\'s predictions per class', labelNames: [...base, 'class'], registers }),
    predictionPsi: new Gauge({ name: 'pipepilot_live_prediction_psi', help: 'PSI of the window\'s predicted classes against the test set\'s', labelNames: base, registers }),
  };
}

/** Sets every live series of one served version from its snapshot. */
export function setLiveSeries(m: LiveMetrics, labels: Record<LiveLabels, string>, s: LiveSnapshot): void {
  m.requests.set({ ...labels, outcome: 'ok' }, s.requests.total - s.requests.client_errors - s.requests.server_errors);
  m.requests.set({ ...labels, outcome: 'client_error' }, s.requests.client_errors);
  m.requests.set({ ...labels, outcome: 'server_error' }, s.requests.server_errors);
  for (const [q, v] of [['0.5', s.latency_seconds.p50], ['0.9', s.latency_seconds.p90], ['0.99', s.latency_seconds.p99]] as const) {
    if (v !== null) m.latency.set({ ...labels, quantile: q }, v);
  }
  m.labelledRows.set(labels, s.metric.n);
  if (s.metric.value !== null) m.metric.set({ ...labels, metric: s.metric.name }, s.metric.value);
  if (s.metric.name === 'accuracy') m.metricSum.set({ ...labels, part: 'correct' }, s.metric.correct);
  else {
    m.metricSum.set({ ...labels, part: 'abs_error' }, s.metric.sum);
    m.metricSum.set({ ...labels, part: 'abs_error_sq' }, s.metric.sum_sq);
  }
  for (const [outcome, n] of Object.entries(s.labels)) if (outcome !== 'received') m.labels.set({ ...labels, outcome }, n);
  const p = s.predictions;
  if (p.kind === 'classes' && p.rows > 0) {
    for (const [c, n] of Object.entries(p.counts)) m.predictionShare.set({ ...labels, class: c }, n / p.rows);
    if (p.psi !== null) m.predictionPsi.set(labels, p.psi);
  }
}

export function resetLiveSeries(m: LiveMetrics): void {
  for (const g of Object.values(m)) (g as Gauge).reset();
}
