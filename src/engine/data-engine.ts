import { UsageError } from '../errors.js';
import { jsTableEngine, type TableEngine } from '../data/table-engine.js';
import { duckDbTableEngine } from './duckdb-engine.js';

/**
 * The CLI's data engine (issue 10): DuckDB when `@duckdb/node-bindings` is installed (an optional
 * dependency), else the JS readers, which read the same Table. `PIPEPILOT_DATA_ENGINE=js`
 * forces the JS readers (to compare, or where the native library misbehaves).
 */
export function dataEngineFor(env: NodeJS.ProcessEnv, info: (message: string) => void): TableEngine {
  const choice = env.PIPEPILOT_DATA_ENGINE;
  if (choice === 'js') return jsTableEngine;
  if (choice !== undefined && choice !== '' && choice !== 'duckdb') {
    throw new UsageError(`PIPEPILOT_DATA_ENGINE must be 'duckdb' or 'js', got '${choice}'`, { hint: 'Unset it to use DuckDB when installed, or set it to js.' });
  }
  return duckDbTableEngine({ onFallback: (reason) => info(`data: ${reason}`) });
}
