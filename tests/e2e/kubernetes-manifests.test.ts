import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Service } from 'kubernetes-models/v1/Service';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { serveSettings, type ServeOptions } from '../../src/cli/serve-command.js';
import { createServer } from '../../src/serve/server.js';
import { runCli } from '../helpers/cli.js';
import { projectRoot } from '../helpers/temp-project.js';

/** Each kind we ship, validated against the Kubernetes (and Prometheus Operator) JSON schemas bundled in npm packages: no network. */
const MODELS: Record<string, { validate(): void; new (data: never): { validate(): void } }> = {
  'apps/v1/Deployment': Deployment as never,
  'v1/Service': Service as never,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget as never,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler as never,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor as never,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule as never,
};

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
}

function render(overlay: string): K8sObject[] {
  const text = execFileSync('kubectl', ['kustomize', join(projectRoot, 'deploy', 'kubernetes', 'overlays', overlay)], { encoding: 'utf8' });
  return parseAllDocuments(text).map((d) => d.toJS() as K8sObject);
}

/** `--name=value` container args as the options object commander would hand `serveCommand`. */
function argsToOptions(args: string[]): ServeOptions {
  return Object.fromEntries(args.map((a) => {
    const [, name, value] = /^--([a-z-]+)(?:=(.*))?$/.exec(a)!;
    return [name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), value ?? true];
  })) as ServeOptions;
}

describe('deploy/kubernetes: every overlay renders, validates, and agrees with the server', () => {
  for (const env of ['staging', 'production']) {
    it(`${env}: the committed PrometheusRule is what \`pipepilot rules --env ${env} --operator\` writes from the pipelines today`, async () => {
      const generated = await runCli(['rules', '--env', env, '--operator'], projectRoot);
      expect(generated.code, generated.stderr).toBe(0);
      const committed = readFileSync(join(projectRoot, 'deploy', 'kubernetes', 'overlays', env, 'prometheus-rule.yaml'), 'utf8');
      // The file is the command's output behind two comment lines saying how to regenerate it.
      expect(committed.split('\n').filter((l) => !l.startsWith('#')).join('\n')).toBe(generated.stdout);
      const rules = render(env).find((o) => o.kind === 'PrometheusRule') as unknown as { spec: { groups: { rules: { alert: string }[] }[] } };
      expect(rules.spec.groups.flatMap((g) => g.rules.map((r) => r.alert))).toContain('PipePilotCanaryErrorRate');
    });
  }
  for (const [overlay, env] of [['staging', 'staging'], ['production', 'production']] as const) {
    it(`${overlay}: valid objects whose probes, port, args and env match \`pipepilot serve\``, async () => {
      const objects = render(overlay);
      expect(objects.map((o) => o.kind).sort()).toEqual(['Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'PrometheusRule', 'Service', 'ServiceMonitor']);
      for (const object of objects) {
        const Model = MODELS[`${object.apiVersion}/${object.kind}`];
        expect(Model, `${object.apiVersion} ${object.kind}`).toBeDefined();
        expect(() => new Model(object as never).validate(), `${overlay}: ${object.kind} ${object.metadata.name}`).not.toThrow();
        expect(object.metadata.labels?.['pipepilot.dev/environment']).toBe(env);
      }
      const byKind = (kind: string) => objects.find((o) => o.kind === kind)! as unknown as Record<string, never>;
      const deployment = byKind('Deployment') as unknown as { metadata: { name: string }; spec: { replicas: number; template: { spec: PodSpec } } };
      const pod = deployment.spec.template.spec;
      const [container] = pod.containers;

      // Every arg is a real `serve` flag (from the CLI's own --help), and their values pass its checks.
      const help = (await runCli(['serve', '--help'], projectRoot)).stdout;
      for (const arg of container.args) expect(help, arg).toContain(arg.split('=')[0] + ' ');
      const opts = argsToOptions(container.args);
      const settings = serveSettings(opts);
      expect(opts.env).toBe(env);
      expect(opts.host).toBe('0.0.0.0');
      expect(container.ports).toEqual([{ name: 'http', containerPort: settings.port, protocol: 'TCP' }]);

      // The probes name routes the server has, on the port it listens on.
      expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
      const app = createServer({ loadDeployment: async () => ({ revision: 'r', models: [], open: () => Promise.reject(new Error('none')) }), clock: { now: () => 0 }, log: { info: () => {}, warn: () => {} }, metrics: new Registry() });
      await app.refresh();
      // (Nothing is deployed here, so /readyz is a 503 — but a route: not the 404 of a wrong path.)
      for (const path of ['/readyz', '/healthz', '/metrics']) expect((await app.inject({ method: 'GET', url: path })).statusCode, path).not.toBe(404);
      expect((await app.inject({ method: 'GET', url: '/no-such-probe' })).statusCode).toBe(404);
      await app.close();

      // Shutdown: the grace period covers the preStop pause plus the drain.
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(settings.drainSeconds + container.lifecycle.preStop.sleep.seconds);
      // Non-root, read-only root file system, the git cache and /tmp on emptyDirs.
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
      const emptyDirs = new Set(pod.volumes.filter((v) => v.emptyDir).map((v) => v.name));
      const mounted = (path: string) => container.volumeMounts.find((m) => m.mountPath === path && emptyDirs.has(m.name));
      expect(mounted(opts.cacheDir!), 'the --cache-dir volume').toBeDefined();
      expect(mounted('/tmp')).toBeDefined();
      // The git token comes from a Secret, never from the manifest.
      expect(container.env.find((e) => e.name === 'PIPEPILOT_GIT_TOKEN')?.valueFrom?.secretKeyRef?.key).toBe('token');
      expect(container.env.every((e) => e.name !== 'PIPEPILOT_GIT_TOKEN' || e.value === undefined)).toBe(true);

      // The Service and the ServiceMonitor reach the container's named port; the HPA and PDB its pods.
      const service = byKind('Service') as unknown as { metadata: { labels: Record<string, string> }; spec: { ports: { targetPort: string }[]; selector: Record<string, string> } };
      expect(service.spec.ports[0].targetPort).toBe('http');
      const podLabels = (deployment.spec.template as unknown as { metadata: { labels: Record<string, string> } }).metadata.labels;
      for (const [k, v] of Object.entries(service.spec.selector)) expect(podLabels[k]).toBe(v);
      const monitor = byKind('ServiceMonitor') as unknown as { spec: { endpoints: { port: string; path: string }[]; selector: { matchLabels: Record<string, string> } } };
      expect(monitor.spec.endpoints[0]).toMatchObject({ port: 'http', path: '/metrics' });
      for (const [k, v] of Object.entries(monitor.spec.selector.matchLabels)) expect(service.metadata.labels[k]).toBe(v);
      const hpa = byKind('HorizontalPodAutoscaler') as unknown as { spec: { scaleTargetRef: { name: string }; minReplicas: number } };
      expect(hpa.spec.scaleTargetRef.name).toBe(deployment.metadata.name);
      const pdb = byKind('PodDisruptionBudget') as unknown as { spec: { minAvailable: number } };
      expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas); // a drain can always evict one pod
    });
  }
});

interface PodSpec {
  terminationGracePeriodSeconds: number;
  securityContext: { runAsNonRoot: boolean };
  volumes: { name: string; emptyDir?: object }[];
  containers: {
    args: string[];
    ports: object[];
    env: { name: string; value?: string; valueFrom?: { secretKeyRef?: { key: string } } }[];
    readinessProbe: { httpGet: object };
    livenessProbe: { httpGet: object };
    lifecycle: { preStop: { sleep: { seconds: number } } };
    securityContext: object;
    volumeMounts: { name: string; mountPath: string }[];
  }[];
}
