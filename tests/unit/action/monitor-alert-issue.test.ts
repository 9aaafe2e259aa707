import { describe, expect, it } from 'vitest';
import { alertIssueState, alertMarker } from '../../../src/action/monitor-alert-issue.js';
import { maskSecrets } from '../../../src/action/monitor.js';
import type { ActionIo } from '../../../src/action/action-io.js';
import { parseInputs } from '../../../src/action/inputs.js';
import type { Decision } from '../../../src/monitor/decide.js';

const base = { model: 'bc', reasons: ['r'], checks: [] };

describe('the alert issue follows the decision', () => {
  it('open while the decision carries alerts, whatever its action (drift alert, rollback, a hold that also drifts)', () => {
    for (const d of [
      { ...base, action: 'alert', alerts: ['stable v1 drifts'] },
      { ...base, action: 'rollback', role: 'canary', version: 2, alerts: ['canary v2 rolled back: 5xx'] },
      { ...base, action: 'hold', alerts: ['stable v1 drifts'] },
    ] as Decision[]) expect(alertIssueState(d)).toBe('open');
  });

  it('closed by a judged decision without alerts; kept as it is while the servers do not serve the manifest (nothing judged)', () => {
    expect(alertIssueState({ ...base, action: 'hold', alerts: [] })).toBe('close');
    expect(alertIssueState({ ...base, action: 'advance', version: 2, weight: 50, alerts: [] })).toBe('close');
    expect(alertIssueState({ ...base, action: 'hold', waiting: 'servers', alerts: [] })).toBe('keep');
    expect(alertIssueState({ ...base, action: 'hold', waiting: 'servers', alerts: ['x'] })).toBe('open');
  });

  it('one marker per model and environment', () => {
    expect(alertMarker('bc', 'production')).toBe('pipepilot-alert:bc/production');
    expect(alertMarker('bc', 'staging')).not.toBe(alertMarker('bc', 'production'));
  });
});

describe('secrets from the monitor inputs are masked before anything is printed', () => {
  it('the token, every server URL as given and in the forms messages use, the Prometheus URL and a password in a URL', () => {
    const masked: string[] = [];
    const io = { setSecret: (v: string) => masked.push(v) } as unknown as ActionIo;
    maskSecrets(io, parseInputs({ 'INPUT_GITHUB-TOKEN': 'ghs_abcdef', INPUT_SERVERS: 'http://10.0.0.5:8080/, https://u:p4ss@serve.internal/api/', INPUT_PROMETHEUS: 'http://prom:9090' }));
    expect(masked).toEqual(expect.arrayContaining(['ghs_abcdef', 'http://10.0.0.5:8080/', 'http://10.0.0.5:8080', '10.0.0.5:8080', 'https://u:p4ss@serve.internal/api/', 'https://serve.internal/api', 'p4ss', 'http://prom:9090']));
  });
});
