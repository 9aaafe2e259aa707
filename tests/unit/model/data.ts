import { Rng } from '../../../src/rng.js';
import type { Task } from '../../../src/spec/types.js';

/** Seeded synthetic rows with a learnable signal for each task (not a mock: real numbers to fit). */
export function syntheticData(task: Task, rows: number, cols: number, seed = 7): {
  x: Float32Array; y: Float64Array; rows: number; cols: number; classCount: number;
} {
  const rng = new Rng(seed);
  const x = new Float32Array(rows * cols);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const a = x[r * cols];
    const b = cols > 1 ? x[r * cols + 1] : 0;
    const signal = a - 0.5 * b + 0.3 * a * b + 0.3 * rng.normal();
    if (task === 'binary_classification') y[r] = signal > 0 ? 1 : 0;
    else if (task === 'multiclass_classification') y[r] = signal < -0.5 ? 0 : signal < 0.5 ? 1 : 2;
    else y[r] = 1000 + 250 * signal;
  }
  const classCount = task === 'binary_classification' ? 2 : task === 'multiclass_classification' ? 3 : 1;
  return { x, y, rows, cols, classCount };
}
