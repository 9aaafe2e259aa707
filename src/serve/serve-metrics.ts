import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The server's Prometheus series, registered on the registry the shell hands in (not prom-client's global one, so two servers in one process do not clash). */
export interface ServeMetrics {
  registry: Registry;
  requests: Counter<'model' | 'version' | 'route' | 'status'>;
  latency: Histogram<'model' | 'version' | 'route' | 'status'>;
  predictions: Counter<'model' | 'version' | 'class'>;
  loadFailures: Counter<'model' | 'version'>;
  deployedVersion: Gauge<'model' | 'role'>;
  canaryWeight: Gauge<'model'>;
  featurePsi: Gauge<'model' | 'version' | 'feature'>;
  driftFlagged: Gauge<'model' | 'version'>;
  /** 1 while the last read of the deployments (git fetch + manifests) succeeded, else 0. */
  sourceUp: Gauge;
  /** Unix time of the last successful read of the deployments. */
  sourceLastRead: Gauge;
}

export function createServeMetrics(registry: Registry): ServeMetrics {
  const registers = [registry];
  const labels = ['model', 'version', 'route', 'status'] as const;
  return {
    registry,
    requests: new Counter({ name: 'pipepilot_requests_total', help: 'HTTP requests, by model, version that answered, route and status code', labelNames: labels, registers }),
    latency: new Histogram({
      name: 'pipepilot_request_duration_seconds',
      help: 'Request latency in seconds, by model, version, route and status code',
      labelNames: labels,
      // Tabular scoring takes well under a millisecond a row; the buckets cover one row to big batches.
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    predictions: new Counter({ name: 'pipepilot_predictions_total', help: 'Rows scored, by model, version and predicted class (regression: class "value")', labelNames: ['model', 'version', 'class'], registers }),
    loadFailures: new Counter({ name: 'pipepilot_model_load_failures_total', help: 'Versions refused at load (digest mismatch, bad files, failed warm-up, bad manifest)', labelNames: ['model', 'version'], registers }),
    deployedVersion: new Gauge({ name: 'pipepilot_model_version', help: 'The version being served, by model and role (main or canary)', labelNames: ['model', 'role'], registers }),
    canaryWeight: new Gauge({ name: 'pipepilot_canary_weight_percent', help: 'Percent of requests routed to the canary (0 without one)', labelNames: ['model'], registers }),
    // Set from the drift windows when /metrics is scraped (see drift-route.ts), not on every request.
    featurePsi: new Gauge({ name: 'pipepilot_feature_psi', help: 'PSI of live inputs against the version\'s training reference, by model, version and feature (once the window holds enough rows)', labelNames: ['model', 'version', 'feature'], registers }),
    driftFlagged: new Gauge({ name: 'pipepilot_drift_flagged_features', help: 'Features whose live PSI is above the threshold, by model and version', labelNames: ['model', 'version'], registers }),
    sourceUp: new Gauge({ name: 'pipepilot_deployments_source_up', help: '1 when the last read of the deployments from git (fetch, manifests) succeeded, 0 when it failed (the server keeps serving what it had)', registers }),
    sourceLastRead: new Gauge({ name: 'pipepilot_deployments_last_read_timestamp_seconds', help: 'Unix time of the last successful read of the deployments from git', registers }),
  };
}
