import type { DataFormat } from './types.js';

// A Map, not an object literal: `x.constructor` must not find Object.prototype.constructor.
const BY_EXTENSION = new Map<string, DataFormat>([
  ['csv', 'csv'],
  ['json', 'json'],
  ['jsonl', 'jsonl'],
  ['ndjson', 'jsonl'],
  ['parquet', 'parquet'],
  ['pq', 'parquet'],
]);

/** The data format a file name implies (`.csv`, `.json`, `.jsonl`/`.ndjson`, `.parquet`/`.pq`), or undefined. */
export function formatFromPath(path: string): DataFormat | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(path);
  return match ? BY_EXTENSION.get(match[1].toLowerCase()) : undefined;
}
