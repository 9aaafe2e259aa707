import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import type { Preprocessor } from '../features/preprocessor.js';
import { RequestError } from './request-error.js';

/** A `text/csv` body, parsed into rows; which row is the header is decided once the model is known. */
export class CsvBody {
  constructor(
    readonly rows: string[][],
    /** From the content type's `header` parameter (RFC 4180): `present`, `absent`, or not said. */
    readonly header: 'present' | 'absent' | undefined,
  ) {}
}

/**
 * Accepts `text/csv` (only `/invocations` uses it; every other route refuses a CsvBody with a 415),
 * parsed by csv-parse: quoted fields, CRLF, a BOM. SageMaker sends CSV without a header row.
 */
export function useCsvBodies(app: FastifyInstance): void {
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (request, body, done) => {
    try {
      const param = /;\s*header\s*=\s*"?(present|absent)"?/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase() as 'present' | 'absent' | undefined;
      const rows = parse(body as string, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
      if (rows.length === 0) throw new RequestError(400, 'the CSV body is empty; send at least one row', { field: 'body' });
      done(null, new CsvBody(rows, param));
    } catch (err) {
      done(err instanceof RequestError ? err : new RequestError(400, `the body is not valid CSV: ${(err as Error).message}`, { field: 'body' }), undefined);
    }
  });
}

/**
 * The records of a CSV body for a model. The header row is the first row when the content type
 * says `header=present`, never when it says `header=absent`, and otherwise when every cell of the
 * first row names one of the model's features or its target (no real data row is made only of
 * column names; a header with other columns, such as an id, needs `header=present`).
 * Without a header the columns are the model's features in its schema's order: numeric features,
 * then categorical ones, as listed in metadata.json's `features` (a row of the wrong length is
 * refused with the expected column order in the message). Numeric cells become numbers (an empty cell or `NA` is missing), so a cell like
 * `soft` still gets the usual 400 naming its column.
 */
export function recordsFromCsv(body: CsvBody, preprocessor: Preprocessor): Record<string, unknown>[] {
  const order = csvColumns(preprocessor);
  const known = new Set([...order, preprocessor.target.name]);
  const first = body.rows[0];
  const hasHeader = body.header === 'present' || (body.header === undefined && first.every((cell) => known.has(cell.trim())));
  const names = hasHeader ? first.map((c) => c.trim()) : order;
  if (names.includes('__proto__')) throw new RequestError(400, 'the CSV header may not name __proto__', { field: '__proto__' });
  const rows = hasHeader ? body.rows.slice(1) : body.rows;
  if (rows.length === 0) throw new RequestError(400, 'the CSV body has a header row but no data rows', { field: 'body' });
  const numeric = new Set(preprocessor.numeric.map((f) => f.name));
  return rows.map((row, i) => {
    if (row.length !== names.length) {
      throw new RequestError(400, `CSV row ${i + 1 + (hasHeader ? 1 : 0)} has ${row.length} values, expected ${names.length}${hasHeader ? '' : ` (no header row: the columns are ${order.join(', ')})`}`, {
        field: `row ${i + 1 + (hasHeader ? 1 : 0)}`, hint: 'Send one value per column, or a header row naming the columns (text/csv;header=present).',
      });
    }
    return Object.fromEntries(names.map((name, j) => [name, numeric.has(name) ? numericCell(row[j]) : row[j]]));
  });
}

/** The columns of a headerless CSV row, in order. */
export function csvColumns(preprocessor: Preprocessor): string[] {
  return [...preprocessor.numeric.map((f) => f.name), ...preprocessor.categorical.map((f) => f.name)];
}

function numericCell(text: string): unknown {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  // Left as text when not a plain finite number: the scoring path's check names the column.
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) && Number.isFinite(n) ? n : t;
}
