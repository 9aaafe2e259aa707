import { quantile } from '../data/sorted-values.js';
import { populationStabilityIndex } from '../report/feature-drift.js';

export const DEFAULT_PENDING_ROWS = 10_000;
export const DEFAULT_OUTCOME_WINDOW = 10_000;

export type LiveTask = 'binary_classification' | 'multiclass_classification' | 'regression';

export interface LiveWindowOptions {
  task: LiveTask;
  /** Class labels, in the model's order (classification). */
  classes: readonly string[];
  /**
   * The last this many scored rows wait for their label; older ones have expired (default
   * 10,000). 0 turns the feedback ring off: nothing is remembered per request, every label is
   * counted unknown, and there is no live metric (requests, latency and predicted classes are kept).
   */
  pendingRows?: number;
  /** Labelled rows, predictions and latencies are judged over about the last this many (default 10,000). */
  windowRows?: number;
  /** The test set's predicted class shares (classification), the distribution live predictions are compared with. */
  referenceShares?: Readonly<Record<string, number>>;
}

/** What became of one label sent back. */
export type LabelOutcome = 'matched' | 'unknown' | 'duplicate' | 'invalid';

/** Counts a monitor can add across replicas (sums), plus what is only read (quantiles, shares). */
export interface LiveSnapshot {
  /** Requests routed to this version, by outcome, since it was loaded. */
  requests: { total: number; client_errors: number; server_errors: number };
  latency_seconds: { count: number; p50: number | null; p90: number | null; p99: number | null };
  labels: { received: number; matched: number; unknown: number; duplicate: number; invalid: number };
  /** The task's live headline metric over the labelled window: accuracy (n, correct) or mae (n, sum, sum of squares of the absolute errors). */
  metric: LiveMetric;
  predictions: PredictionDistribution;
}

export type LiveMetric =
  | { name: 'accuracy'; n: number; correct: number; value: number | null }
  | { name: 'mae'; n: number; sum: number; sum_sq: number; value: number | null };

export type PredictionDistribution =
  | { kind: 'classes'; rows: number; counts: Record<string, number>; reference: Record<string, number> | null; psi: number | null }
  | { kind: 'values'; rows: number; mean: number | null; p10: number | null; p50: number | null; p90: number | null };

/**
 * One served version's live outcomes: which predictions it made (a ring of the last
 * `pendingRows` rows, each findable by its request id until it is overwritten), the labels sent
 * back for them, and over a sliding window of about `windowRows`: labelled outcomes, predicted
 * classes or values, and request latencies. Memory is fixed by the options whatever the traffic.
 * Pure bookkeeping: ids and times come in.
 */
export class LiveWindow {
  private readonly task: LiveTask;
  private readonly classIndex: Map<string, number>;
  private readonly classes: readonly string[];
  private readonly referenceShares?: Readonly<Record<string, number>>;
  private readonly pendingRows: number;
  // Pending predictions: ring slots by sequence number; ids map to their first row and row count.
  private readonly pendingValue: Float64Array;
  private readonly pendingLabelled: Uint8Array;
  private readonly ids = new Map<string, { first: number; count: number }>();
  private seq = 0;
  private readonly outcomes: NumberRing;
  private readonly predicted: NumberRing;
  private readonly latencies: NumberRing;
  private readonly requests = { total: 0, client_errors: 0, server_errors: 0 };
  private readonly labels = { received: 0, matched: 0, unknown: 0, duplicate: 0, invalid: 0 };

  constructor(options: LiveWindowOptions) {
    this.task = options.task;
    this.classes = options.classes;
    this.classIndex = new Map(options.classes.map((c, i) => [c, i]));
    if (options.referenceShares) this.referenceShares = options.referenceShares;
    this.pendingRows = wholeNumber(options.pendingRows ?? DEFAULT_PENDING_ROWS, 'pendingRows');
    const windowRows = positiveInteger(options.windowRows ?? DEFAULT_OUTCOME_WINDOW, 'windowRows');
    this.pendingValue = new Float64Array(this.pendingRows);
    this.pendingLabelled = new Uint8Array(this.pendingRows);
    this.outcomes = new NumberRing(windowRows);
    this.predicted = new NumberRing(windowRows);
    this.latencies = new NumberRing(windowRows);
  }

  /**
   * Remembers the rows one request scored: class labels (classification) or values
   * (regression), row i of the request found later as (requestId, i). A repeated id replaces
   * the earlier request's rows.
   */
  recordPredictions(requestId: string, predictions: ArrayLike<string | number>): void {
    if (this.pendingRows === 0) {
      for (let i = 0; i < predictions.length; i++) this.predicted.push(this.valueOf(predictions[i]));
      return;
    }
    const count = Math.min(predictions.length, this.pendingRows);
    this.ids.delete(requestId);
    this.ids.set(requestId, { first: this.seq, count });
    for (let i = 0; i < predictions.length; i++) {
      const value = this.valueOf(predictions[i]);
      this.predicted.push(value);
      if (i >= count) continue;
      const slot = this.seq % this.pendingRows;
      this.pendingValue[slot] = value;
      this.pendingLabelled[slot] = 0;
      this.seq++;
    }
    this.forgetExpired();
  }

  /** A prediction as the rings keep it: the value (regression) or the class's index (-1 for an unknown class). */
  private valueOf(p: string | number): number {
    return this.task === 'regression' ? Number(p) : (this.classIndex.get(String(p)) ?? -1);
  }

  /** Whether rows of this request id are still waiting in the ring (a label for it would match). */
  remembers(requestId: string): boolean {
    const entry = this.ids.get(requestId);
    return entry !== undefined && entry.first + entry.count > this.seq - this.pendingRows;
  }

  /** Counts a request this version answered (or failed): its status code and latency in seconds. */
  recordRequest(status: number, seconds: number): void {
    this.requests.total++;
    if (status >= 500) this.requests.server_errors++;
    else if (status >= 400) this.requests.client_errors++;
    if (Number.isFinite(seconds) && seconds >= 0) this.latencies.push(seconds);
  }

  /**
   * The ground truth of row `index` of request `requestId`. A label for an id that is unknown or
   * has expired from the ring, one sent twice, or one the task cannot read (a class the model
   * does not know, a non-finite number) is counted, never thrown.
   */
  recordLabel(requestId: string, index: number, label: unknown): LabelOutcome {
    this.labels.received++;
    const entry = this.ids.get(requestId);
    if (!entry || !Number.isInteger(index) || index < 0 || index >= entry.count || entry.first + index < this.seq - this.pendingRows) return this.count('unknown');
    const truth = this.truthOf(label);
    if (truth === undefined) return this.count('invalid');
    const slot = (entry.first + index) % this.pendingRows;
    if (this.pendingLabelled[slot]) return this.count('duplicate');
    this.pendingLabelled[slot] = 1;
    const predicted = this.pendingValue[slot];
    this.outcomes.push(this.task === 'regression' ? Math.abs(predicted - truth) : predicted === truth ? 1 : 0);
    return this.count('matched');
  }

  /** Counts a label the server could not even read (no request id, wrong shape) as received and invalid. */
  recordMalformedLabel(): void {
    this.labels.received++;
    this.labels.invalid++;
  }

  snapshot(): LiveSnapshot {
    const lat = this.latencies.sorted();
    const q = (p: number) => (lat.length ? quantile(lat, p) : null);
    return {
      requests: { ...this.requests },
      latency_seconds: { count: lat.length, p50: q(0.5), p90: q(0.9), p99: q(0.99) },
      labels: { ...this.labels },
      metric: this.metric(),
      predictions: this.distribution(),
    };
  }

  private metric(): LiveMetric {
    const values = this.outcomes.values();
    const n = values.length;
    let sum = 0;
    let sumSq = 0;
    for (const v of values) {
      sum += v;
      sumSq += v * v;
    }
    if (this.task === 'regression') return { name: 'mae', n, sum, sum_sq: sumSq, value: n ? sum / n : null };
    return { name: 'accuracy', n, correct: sum, value: n ? sum / n : null };
  }

  private distribution(): PredictionDistribution {
    const values = this.predicted.values();
    if (this.task === 'regression') {
      const sorted = Float64Array.from(values).sort();
      const q = (p: number) => (sorted.length ? quantile(sorted, p) : null);
      const mean = sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : null;
      return { kind: 'values', rows: sorted.length, mean, p10: q(0.1), p50: q(0.5), p90: q(0.9) };
    }
    const counts = new Array<number>(this.classes.length).fill(0);
    for (const v of values) if (v >= 0) counts[v]++;
    const rows = values.length;
    const ref = this.referenceShares;
    const psi = ref && rows > 0 ? populationStabilityIndex(this.classes.map((c) => ref[c] ?? 0), counts.map((n) => n / rows)) : null;
    return { kind: 'classes', rows, counts: Object.fromEntries(this.classes.map((c, i) => [c, counts[i]])), reference: ref ? { ...ref } : null, psi };
  }

  private truthOf(label: unknown): number | undefined {
    if (this.task === 'regression') return typeof label === 'number' && Number.isFinite(label) ? label : undefined;
    if (typeof label !== 'string' && typeof label !== 'number' && typeof label !== 'boolean') return undefined;
    return this.classIndex.get(String(label));
  }

  private count(outcome: LabelOutcome): LabelOutcome {
    this.labels[outcome]++;
    return outcome;
  }

  /** Drops ids whose rows the ring has overwritten; ids sit in the Map in the order they were recorded. */
  private forgetExpired(): void {
    const oldest = this.seq - this.pendingRows;
    for (const [id, entry] of this.ids) {
      if (entry.first + entry.count > oldest) break;
      this.ids.delete(id);
    }
  }
}

/** The last `capacity` numbers pushed. */
class NumberRing {
  private readonly data: Float64Array;
  private next = 0;
  private size = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(capacity);
  }
  push(v: number): void {
    this.data[this.next] = v;
    this.next = (this.next + 1) % this.data.length;
    if (this.size < this.data.length) this.size++;
  }
  values(): Float64Array {
    return this.size < this.data.length ? this.data.subarray(0, this.size) : this.data;
  }
  sorted(): Float64Array {
    return Float64Array.from(this.values()).sort();
  }
}

function wholeNumber(v: number, name: string): number {
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`live window: ${name} must be a whole number, got ${v}`);
  return v;
}

function positiveInteger(v: number, name: string): number {
  if (!Number.isInteger(v) || v <= 0) throw new RangeError(`live window: ${name} must be a positive integer, got ${v}`);
  return v;
}
