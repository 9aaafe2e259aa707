import { sourcePathPart } from './source-url.js';
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

/**
 * The data format a file name implies (`.csv`, `.json`, `.jsonl`/`.ndjson`, `.parquet`/`.pq`), or
 * undefined. A DVC pointer `x.csv.dvc` implies the format of the file it tracks; a URL's query
 * and fragment are ignored.
 */
export function formatFromPath(path: string): DataFormat | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(sourcePathPart(path).replace(/\.dvc$/i, ''));
  return match ? BY_EXTENSION.get(match[1].toLowerCase()) : undefined;
}
