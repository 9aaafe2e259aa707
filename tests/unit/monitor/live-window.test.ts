import { describe, expect, it } from 'vitest';
import { LiveWindow } from '../../../src/monitor/live-window.js';

const binary = (over: Partial<ConstructorParameters<typeof LiveWindow>[0]> = {}) =>
  new LiveWindow({ task: 'binary_classification', classes: ['no', 'yes'], pendingRows: 4, windowRows: 3, ...over });

describe('live window: predictions waiting for labels', () => {
  it('matches a label to its request and row, and scores accuracy over the labelled window', () => {
    const w = binary();
    w.recordPredictions('a', ['yes']);
    w.recordPredictions('b', ['no', 'yes']);
    expect(w.recordLabel('a', 0, 'yes')).toBe('matched');
    expect(w.recordLabel('b', 1, 'no')).toBe('matched');
    expect(w.recordLabel('b', 0, 'no')).toBe('matched');
    expect(w.snapshot().metric).toEqual({ name: 'accuracy', n: 3, correct: 2, value: 2 / 3 });
  });

  it('counts unknown, expired, duplicate and unreadable labels instead of throwing', () => {
    const w = binary();
    w.recordPredictions('old', ['yes']);
    for (const id of ['p', 'q', 'r']) w.recordPredictions(id, ['no']);
    expect(w.recordLabel('old', 0, 'yes')).toBe('matched'); // 4 rows held: 'old' is still the oldest of 4
    w.recordPredictions('s', ['no']); // the fifth row overwrites 'old'
    expect(w.remembers('old')).toBe(false);
    expect(w.recordLabel('old', 0, 'yes')).toBe('unknown');
    expect(w.recordLabel('never', 0, 'yes')).toBe('unknown');
    expect(w.recordLabel('p', 1, 'yes')).toBe('unknown'); // a single-row request has no row 1
    expect(w.recordLabel('p', 0, 'maybe')).toBe('invalid');
    expect(w.recordLabel('p', 0, { no: 1 })).toBe('invalid');
    expect(w.recordLabel('p', 0, 'no')).toBe('matched');
    expect(w.recordLabel('p', 0, 'no')).toBe('duplicate');
    w.recordMalformedLabel();
    expect(w.snapshot().labels).toEqual({ received: 9, matched: 2, unknown: 3, duplicate: 1, invalid: 3 });
  });

  it('a row of a batch expires on its own when the ring wraps through the batch', () => {
    const w = binary();
    w.recordPredictions('batch', ['no', 'no', 'yes']);
    w.recordPredictions('x', ['no', 'no']); // overwrites batch row 0 only
    expect(w.recordLabel('batch', 0, 'no')).toBe('unknown');
    expect(w.recordLabel('batch', 2, 'yes')).toBe('matched');
  });

  it('a repeated request id answers for its newest rows', () => {
    const w = binary({ pendingRows: 10 });
    w.recordPredictions('same', ['no']);
    w.recordPredictions('same', ['yes']);
    w.recordLabel('same', 0, 'yes');
    expect(w.snapshot().metric).toMatchObject({ n: 1, correct: 1 });
  });

  it('the labelled window keeps only the last windowRows outcomes', () => {
    const w = binary({ pendingRows: 10 });
    ['a', 'b', 'c', 'd'].forEach((id) => w.recordPredictions(id, ['yes']));
    w.recordLabel('a', 0, 'no'); // wrong, then pushed out by three right ones
    for (const id of ['b', 'c', 'd']) w.recordLabel(id, 0, 'yes');
    expect(w.snapshot().metric).toMatchObject({ n: 3, correct: 3, value: 1 });
  });

  it('regression: mean absolute error with the sums a monitor adds across replicas; labels must be finite numbers', () => {
    const w = new LiveWindow({ task: 'regression', classes: [], pendingRows: 5, windowRows: 5 });
    w.recordPredictions('r', [10, 20]);
    expect(w.recordLabel('r', 0, 13)).toBe('matched');
    expect(w.recordLabel('r', 1, 19)).toBe('matched');
    expect(w.recordLabel('r', 1, 19)).toBe('duplicate');
    w.recordPredictions('s', [1]);
    expect(w.recordLabel('s', 0, '1')).toBe('invalid');
    expect(w.snapshot().metric).toEqual({ name: 'mae', n: 2, sum: 4, sum_sq: 10, value: 2 });
    expect(w.snapshot().predictions).toMatchObject({ kind: 'values', rows: 3, mean: 31 / 3, p50: 10 });
  });
});

describe('live window: requests, latency and the prediction distribution', () => {
  it('splits 4xx from 5xx and reads latency quantiles over the window', () => {
    const w = binary({ windowRows: 100 });
    for (let i = 1; i <= 100; i++) w.recordRequest(i <= 97 ? 200 : i === 98 ? 400 : 503, i / 1000);
    w.recordRequest(499, 0.5);
    const s = w.snapshot();
    expect(s.requests).toEqual({ total: 101, client_errors: 2, server_errors: 2 });
    expect(s.latency_seconds.count).toBe(100);
    expect(s.latency_seconds.p50).toBeCloseTo(0.0515, 6);
    expect(s.latency_seconds.p99).toBeCloseTo(0.5 * 0.01 + 0.1 * 0.99 , 3);
  });

  it('compares predicted class shares with the test set\'s', () => {
    const w = binary({ windowRows: 100, referenceShares: { no: 0.5, yes: 0.5 } });
    w.recordPredictions('a', ['no', 'no', 'no', 'yes']);
    const p = w.snapshot().predictions;
    expect(p).toMatchObject({ kind: 'classes', rows: 4, counts: { no: 3, yes: 1 }, reference: { no: 0.5, yes: 0.5 } });
    expect(p.kind === 'classes' && p.psi).toBeCloseTo((0.75 - 0.5) * Math.log(0.75 / 0.5) + (0.25 - 0.5) * Math.log(0.25 / 0.5), 9);
    expect(binary().snapshot().predictions).toMatchObject({ rows: 0, psi: null, reference: null });
  });

  it('refuses sizes that are not whole numbers (pendingRows) or positive integers (windowRows)', () => {
    expect(() => binary({ pendingRows: -1 })).toThrow(/pendingRows must be a whole number/);
    expect(() => binary({ pendingRows: 2.5 })).toThrow(/pendingRows/);
    expect(() => binary({ windowRows: 1.5 })).toThrow(/windowRows/);
    expect(() => binary({ windowRows: 0 })).toThrow(/windowRows/);
  });

  it('pendingRows 0 turns label feedback off: nothing remembered, labels counted unknown, no live metric; requests and predicted classes still kept', () => {
    const w = binary({ pendingRows: 0, windowRows: 10 });
    w.recordPredictions('a', ['no', 'yes']);
    w.recordRequest(200, 0.01);
    expect(w.remembers('a')).toBe(false);
    expect(w.recordLabel('a', 0, 'no')).toBe('unknown');
    const s = w.snapshot();
    expect(s.labels).toMatchObject({ received: 1, matched: 0, unknown: 1 });
    expect(s.metric).toMatchObject({ n: 0, value: null });
    expect(s.predictions).toMatchObject({ rows: 2, counts: { no: 1, yes: 1 } });
    expect(s.requests.total).toBe(1);
  });
});
