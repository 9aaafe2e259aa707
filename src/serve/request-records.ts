import { RequestError } from './request-error.js';

/** The records of a predict request: `{"records": [...]}`, a single record object, or (batch) a bare array. */
export function recordsFromBody(body: unknown): unknown[] {
  if (Array.isArray(body)) return nonEmpty(body, 'records');
  if (!isObject(body)) throw new RequestError(400, `the body must be a JSON object (one record, or {"records": [...]}), got ${describe(body)}`, { field: 'records' });
  if ('records' in body) {
    const records = body.records;
    if (!Array.isArray(records)) throw new RequestError(400, `records must be an array of record objects, got ${describe(records)}`, { field: 'records' });
    return nonEmpty(records, 'records');
  }
  return [body];
}

/**
 * The records of an MLflow scoring request (`POST /invocations`), in any of its JSON forms:
 * `dataframe_split` {columns, data}, `dataframe_records` [{...}], `instances` [{...}], or
 * `inputs` as records or as {column: [values]}. Exactly one of them must be present.
 */
export function recordsFromMlflow(body: unknown): unknown[] {
  if (!isObject(body)) throw new RequestError(400, `the body must be a JSON object with one of ${MLFLOW_KEYS.join(', ')}, got ${describe(body)}`);
  const present = MLFLOW_KEYS.filter((k) => k in body);
  if (present.length !== 1) {
    throw new RequestError(400, present.length === 0 ? `expected one of ${MLFLOW_KEYS.join(', ')}` : `expected exactly one of ${present.join(', ')}`, {
      field: present[1] ?? 'dataframe_split', hint: 'See MLflow\'s scoring protocol, e.g. {"dataframe_split": {"columns": ["a"], "data": [[1]]}}.',
    });
  }
  const key = present[0];
  const value = body[key];
  if (key === 'dataframe_split') return fromSplit(value);
  if (key === 'inputs' && isObject(value)) return fromColumns(value, 'inputs');
  if (!Array.isArray(value)) throw new RequestError(400, `${key} must be an array of record objects, got ${describe(value)}`, { field: key });
  return nonEmpty(value, key);
}

const MLFLOW_KEYS = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'] as const;

function fromSplit(split: unknown): unknown[] {
  if (!isObject(split)) throw new RequestError(400, `dataframe_split must be an object {columns, data}, got ${describe(split)}`, { field: 'dataframe_split' });
  const { columns, data } = split;
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) {
    throw new RequestError(400, 'dataframe_split.columns must be an array of column names', { field: 'dataframe_split.columns' });
  }
  if (columns.includes('__proto__')) throw new RequestError(400, 'dataframe_split.columns may not name __proto__', { field: '__proto__' });
  if (!Array.isArray(data)) throw new RequestError(400, `dataframe_split.data must be an array of rows, got ${describe(data)}`, { field: 'dataframe_split.data' });
  return nonEmpty(data, 'dataframe_split.data').map((row, i) => {
    if (!Array.isArray(row) || row.length !== columns.length) {
      throw new RequestError(400, `dataframe_split.data[${i}] must be an array of ${columns.length} values (one per column)`, { field: `dataframe_split.data[${i}]` });
    }
    return Object.fromEntries(columns.map((c, j) => [c, row[j]]));
  });
}

function fromColumns(columns: Record<string, unknown>, field: string): unknown[] {
  const names = Object.keys(columns);
  const lengths = new Set(names.map((n) => (Array.isArray(columns[n]) ? (columns[n] as unknown[]).length : -1)));
  if (names.length === 0 || lengths.has(-1) || lengths.size !== 1) {
    throw new RequestError(400, `${field} as an object must map every column to an array of values, all of one length`, { field });
  }
  const rows = [...lengths][0];
  if (rows === 0) throw new RequestError(400, `${field} holds no rows`, { field });
  return Array.from({ length: rows }, (_, i) => Object.fromEntries(names.map((n) => [n, (columns[n] as unknown[])[i]])));
}

function nonEmpty(records: unknown[], field: string): unknown[] {
  if (records.length === 0) throw new RequestError(400, `${field} is empty; send at least one record`, { field });
  return records;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : typeof v;
}
