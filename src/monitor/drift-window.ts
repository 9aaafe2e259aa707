import type { FeatureStats } from '../data/reference-stats.js';
import type { Table } from '../data/table.js';
import { PSI_SIGNIFICANT, populationStabilityIndex } from '../report/feature-drift.js';
import { featureBins, type FeatureBins } from './feature-bins.js';

export const DEFAULT_WINDOW_ROWS = 10_000;
export const DEFAULT_BUCKET_ROWS = 1_000;
/** Below this many rows a PSI is mostly sampling noise (≈ bins / rows), so nothing is flagged. */
export const DEFAULT_MIN_ROWS = 100;
const TOP_MOVES = 3;

export interface DriftWindowOptions {
  /** The window: about the last this many rows (default 10,000). */
  windowRows?: number;
  /** Rows per bucket, the window's granularity (default 1,000). */
  bucketRows?: number;
  /** A feature is flagged when its PSI is above this (default 0.2, the pipeline's `deploy.drift.psi_max`). */
  psiMax?: number;
  /** Fewer rows than this is `insufficient_data` (default 100). */
  minRows?: number;
}

/** The bin whose share moved: its reference and live shares of all rows. */
export interface BinMove {
  bin: string;
  reference: number;
  live: number;
}

export interface FeatureWindowDrift {
  name: string;
  kind: 'numeric' | 'categorical';
  /** null when the window or the reference has no rows of this feature. */
  psi: number | null;
  rows: number;
  missing: number;
  flagged: boolean;
  /** The bins whose shares moved most, largest first. */
  top_moves: BinMove[];
}

export interface DriftSnapshot {
  rows: number;
  threshold: number;
  window_rows: number;
  min_rows: number;
  insufficient_data: boolean;
  /** Names of the flagged features, highest PSI first. */
  flagged: string[];
  /** Highest PSI first (null last), ties by name. */
  features: FeatureWindowDrift[];
}

interface Bucket {
  rows: number;
  /** Per feature, counts per bin plus missing. */
  counts: Uint32Array[];
}

/**
 * Live input counts on a served version's reference bins, over about the last `windowRows`
 * rows, and their PSI against the reference. Memory is counts only: a ring of buckets of
 * `bucketRows` rows each; when a bucket fills and another is needed past the window, the
 * oldest bucket is dropped whole, so once warm the window holds between (k − 1)·bucketRows + 1
 * and k·bucketRows rows, k = ⌊windowRows / bucketRows⌋ (9,001 to 10,000 by default). Running totals make `snapshot` cost features × bins.
 */
export class DriftWindow {
  private readonly bins: FeatureBins[];
  private readonly windowRows: number;
  private readonly bucketRows: number;
  private readonly maxBuckets: number;
  private readonly psiMax: number;
  private readonly minRows: number;
  private readonly buckets: Bucket[] = [];
  private readonly totals: Float64Array[];
  private rows = 0;

  constructor(reference: FeatureStats, options: DriftWindowOptions = {}) {
    this.windowRows = positiveInteger(options.windowRows ?? DEFAULT_WINDOW_ROWS, 'windowRows');
    this.bucketRows = positiveInteger(options.bucketRows ?? DEFAULT_BUCKET_ROWS, 'bucketRows');
    if (this.bucketRows > this.windowRows) throw new RangeError(`drift window: bucketRows (${this.bucketRows}) must not exceed windowRows (${this.windowRows})`);
    this.maxBuckets = Math.floor(this.windowRows / this.bucketRows);
    this.psiMax = options.psiMax ?? PSI_SIGNIFICANT;
    if (!Number.isFinite(this.psiMax) || this.psiMax <= 0) throw new RangeError(`drift window: psiMax must be a positive number, got ${this.psiMax}`);
    this.minRows = positiveInteger(options.minRows ?? DEFAULT_MIN_ROWS, 'minRows');
    if (!Array.isArray(reference?.features)) throw new Error('reference statistics: features must be an array');
    this.bins = reference.features.map(featureBins);
    this.totals = this.bins.map((b) => new Float64Array(b.labels.length + 1));
  }

  /** Counts the rows of an aligned table (the model's feature columns, missing as NaN / null, before imputation). */
  observe(table: Table): void {
    let start = 0;
    while (start < table.rowCount) {
      const bucket = this.bucketWithRoom();
      const end = Math.min(table.rowCount, start + this.bucketRows - bucket.rows);
      this.bins.forEach((b, f) => {
        const column = table.columns.get(b.name);
        if (!column) return;
        const added = new Uint32Array(b.labels.length + 1);
        b.count(column, start, end, added);
        for (let i = 0; i < added.length; i++) {
          bucket.counts[f][i] += added[i];
          this.totals[f][i] += added[i];
        }
      });
      bucket.rows += end - start;
      this.rows += end - start;
      start = end;
    }
  }

  snapshot(): DriftSnapshot {
    const insufficient = this.rows < this.minRows;
    const features = this.bins.map((b, f) => featureDrift(b, this.totals[f], insufficient ? Infinity : this.psiMax));
    features.sort((a, b) => (b.psi ?? -1) - (a.psi ?? -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return {
      rows: this.rows, threshold: this.psiMax, window_rows: this.windowRows, min_rows: this.minRows,
      insufficient_data: insufficient, flagged: features.filter((d) => d.flagged).map((d) => d.name), features,
    };
  }

  /** The current bucket, or a new one when it is full (dropping the oldest past the window). */
  private bucketWithRoom(): Bucket {
    const last = this.buckets.at(-1);
    if (last && last.rows < this.bucketRows) return last;
    if (this.buckets.length === this.maxBuckets) this.evictOldest();
    const bucket = { rows: 0, counts: this.bins.map((b) => new Uint32Array(b.labels.length + 1)) };
    this.buckets.push(bucket);
    return bucket;
  }

  private evictOldest(): void {
    const old = this.buckets.shift()!;
    old.counts.forEach((counts, f) => counts.forEach((n, i) => (this.totals[f][i] -= n)));
    this.rows -= old.rows;
  }
}

/**
 * PSI of one feature's live counts against its reference, on shares of all rows: present bins
 * scaled by the share present, plus a missing bin when either side has missing values (so a
 * column that starts arriving empty reads as drift), as the PR comment's drift table does.
 */
function featureDrift(b: FeatureBins, counts: Float64Array, psiMax: number): FeatureWindowDrift {
  const rows = counts.reduce((s, n) => s + n, 0);
  const missing = counts[b.labels.length];
  const base = { name: b.name, kind: b.kind, rows, missing };
  if (rows === 0 || b.referenceCount === 0) return { ...base, psi: null, flagged: false, top_moves: [] };
  const hasMissing = b.referenceMissing > 0 || missing > 0;
  const present = b.referenceCount / (b.referenceCount + b.referenceMissing);
  const expected = hasMissing ? [...b.reference.map((x) => x * present), 1 - present] : [...b.reference];
  const live = Array.from(counts.subarray(0, hasMissing ? counts.length : b.labels.length), (n) => n / rows);
  const psi = populationStabilityIndex(expected, live);
  const names = hasMissing ? [...b.labels, 'missing'] : b.labels;
  const moves = names.map((bin, i) => ({ bin, reference: expected[i], live: live[i] }))
    .filter((m) => m.live !== m.reference)
    .sort((x, y) => Math.abs(y.live - y.reference) - Math.abs(x.live - x.reference))
    .slice(0, TOP_MOVES);
  return { ...base, psi, flagged: psi > psiMax, top_moves: moves };
}

function positiveInteger(v: number, name: string): number {
  if (!Number.isInteger(v) || v <= 0) throw new RangeError(`drift window: ${name} must be a positive integer, got ${v}`);
  return v;
}
