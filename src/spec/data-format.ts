import type { DataFormat } from './types.js';

const EXTENSIONS: Record<string, DataFormat> = {
  csv: 'csv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  parquet: 'parquet',
  pq: 'parquet',
};

/** The data format a file name implies, or undefined for an extension we do not read. */
export function formatFromPath(path: string): DataFormat | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : EXTENSIONS[ext];
}
