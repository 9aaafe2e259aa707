import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataError } from '../errors.js';
import { parquetColumns } from '../data/parquet-columns.js';
import { readTable } from '../data/read-table.js';
import { DEFAULT_MISSING_VALUES } from '../spec/defaults.js';
import { formatFromPath } from '../spec/data-format.js';
import type { DataFormat } from '../spec/types.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';

export interface ConvertOptions {
  format?: DataFormat;
  missingValues?: string[];
}

/**
 * `pipepilot data convert IN OUT.parquet`: reads IN as a run would (same reader, same type
 * inference, same missing-value markers) and writes it as Parquet, numeric columns as DOUBLE
 * and categorical ones as STRING, so the pipeline reads the same table from either file.
 */
export async function dataConvertCommand(io: CliIo, input: string, output: string, opts: ConvertOptions): Promise<number> {
  try {
    const format = opts.format ?? formatFromPath(input);
    if (format === undefined) {
      throw new DataError(`${input}: cannot tell the format from the extension`, {
        file: input, rule: 'format', hint: 'Pass --format csv|json|jsonl|parquet.',
      });
    }
    if (formatFromPath(output) !== 'parquet') {
      throw new DataError(`${output}: the output must be a .parquet file`, { file: output, rule: 'format', hint: 'Name the output OUT.parquet.' });
    }
    const bytes = await readInput(resolve(io.cwd, input), input);
    const table = await readTable(bytes, { file: input, format, missingValues: opts.missingValues ?? DEFAULT_MISSING_VALUES });
    // parquetWriteFile buffers and writes in chunks, so the file is never built whole in a second buffer.
    const { parquetWriteFile } = await import('hyparquet-writer');
    parquetWriteFile({ filename: resolve(io.cwd, output), columnData: parquetColumns(table) });
    const kinds = [...table.columns.values()];
    const numeric = kinds.filter((c) => c.kind === 'numeric').length;
    io.stdout(`${output}: ${table.rowCount} rows, ${numeric} numeric and ${kinds.length - numeric} categorical column(s)\n`);
    return EXIT.ok;
  } catch (err) {
    return reportError(io, err);
  }
}

async function readInput(path: string, shown: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    throw new DataError(`${shown}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
      file: shown, rule: 'read', hint: 'Check the path; it is relative to the current directory.', cause: err,
    });
  }
}
