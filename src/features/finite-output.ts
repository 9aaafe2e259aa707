import { PipePilotError } from '../errors.js';
import type { Table } from '../data/table.js';
import type { Preprocessor } from './preprocessor.js';
import { asOrigin, outputNotFinite, sourceRow, type RowOrigin } from './row-origin.js';

/**
 * Below this many standard deviations (or scale units) from training, an input is one a model
 * should answer for: a non-finite output for such a row means the weights are broken, not the row.
 */
const IN_RANGE = 1e6;

/**
 * Every model output must be a finite number before it becomes an answer: a probability of NaN,
 * or a regression value of ±Infinity, is a silent wrong answer. Probabilities that saturate at
 * exactly 0 or 1 are finite and kept (a far-out input may well be certain). A non-finite output
 * is a DataError naming the row and its most extreme scaled input column, or, when every input
 * is in range, an error saying the model's weights are at fault.
 */
export function checkFiniteOutputs(
  pre: Preprocessor,
  table: Table,
  transformed: { x: Float32Array; rows: number; cols: number },
  output: Float32Array,
  from: RowOrigin | string,
): void {
  const { x, rows, cols } = transformed;
  if (rows === 0) return;
  const k = output.length / rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < k; c++) {
      const value = output[r * k + c];
      if (Number.isFinite(value)) continue;
      const origin = asOrigin(from);
      let worst = -1;
      for (let j = 0; j < pre.numeric.length; j++) {
        if (worst < 0 || Math.abs(x[r * cols + j]) > Math.abs(x[r * cols + worst])) worst = j;
      }
      if (worst < 0 || !(Math.abs(x[r * cols + worst]) > IN_RANGE)) {
        throw new PipePilotError(
          `${origin.file}: ${origin.noun ?? 'data row'} ${sourceRow(origin, r)}: the model's output is ${value} although every input is in range`,
          { hint: 'The model\'s weights are not finite (training diverged?): retrain, e.g. with a lower model.params.learning_rate.' },
        );
      }
      const f = pre.numeric[worst];
      const raw = table.columns.get(f.name);
      const v = raw?.kind === 'numeric' && !Number.isNaN(raw.values[r]) ? raw.values[r] : f.fill;
      throw outputNotFinite(origin, r, f.name, v, x[r * cols + worst], value);
    }
  }
}
