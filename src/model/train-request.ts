import { PipePilotError } from '../errors.js';
import type { ModelParams } from '../spec/types.js';
import type { TrainRequest } from './types.js';

/**
 * Checks a training request before any work: shapes agree, every value is finite, labels are
 * in range, and the params the training loop divides by are usable. Messages name the row and
 * column (0-based, in the preprocessed matrix) so a preprocessing bug is easy to find.
 */
export function validateTrainRequest(req: TrainRequest): void {
  const { rows, cols, x, y } = req;
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(cols) || cols < 1) {
    throw new PipePilotError(`training needs at least 1 row and 1 column, got rows=${rows}, cols=${cols}`, {
      hint: 'check that the training split and the feature list are not empty',
    });
  }
  if (x.length !== rows * cols) {
    throw new PipePilotError(`training matrix has ${x.length} values but rows×cols = ${rows}×${cols} = ${rows * cols}`, {
      hint: 'x must be rows×cols row-major',
    });
  }
  if (y.length !== rows) {
    throw new PipePilotError(`training target has ${y.length} values for ${rows} rows`, { hint: 'y needs one value per row' });
  }
  // v·0 is 0 for finite v and NaN for NaN/±Infinity: one cheap pass, then find the culprit.
  let probe = 0;
  for (let i = 0; i < x.length; i++) probe += x[i] * 0;
  // Trees route missing values themselves (NaN allowed); every model refuses ±Infinity.
  if (Number.isNaN(probe)) reportNonFinite(x, cols, req.type === 'gbdt');
  validateTargets(req);
  validateParams(req);
}

function reportNonFinite(x: Float32Array, cols: number, allowNaN: boolean): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) && !(allowNaN && Number.isNaN(x[i]))) {
      throw new PipePilotError(
        `training matrix value at row ${Math.floor(i / cols)}, column ${i % cols} is ${x[i]}`,
        { hint: 'preprocessing must impute missing values and keep features finite before training' },
      );
    }
  }
}

function validateTargets(req: TrainRequest): void {
  const { task, classCount, y } = req;
  const expected = task === 'binary_classification' ? '2' : task === 'regression' ? '1' : 'at least 2';
  const ok = task === 'binary_classification' ? classCount === 2 : task === 'regression' ? classCount === 1 : Number.isInteger(classCount) && classCount >= 2;
  if (!ok) {
    throw new PipePilotError(`classCount ${classCount} does not fit task ${task} (expected ${expected})`, {
      hint: 'binary classification has 2 classes, multiclass k ≥ 2, regression 1',
    });
  }
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    const valid = task === 'regression' ? Number.isFinite(v) : Number.isInteger(v) && v >= 0 && v < classCount;
    if (!valid) {
      const want = task === 'regression' ? 'a finite number' : `a class index in [0, ${classCount})`;
      throw new PipePilotError(`training target at row ${i} is ${v}, expected ${want}`, {
        hint: 'encode labels as class indices (binary: 0/1) and drop rows with a missing target',
      });
    }
  }
}

function validateParams(req: TrainRequest): void {
  const p = req.params;
  const problems: string[] = [];
  if (req.type === 'mlp') {
    if (!p.hidden_units.every((u) => Number.isInteger(u) && u >= 1)) problems.push(`hidden_units must be positive integers, got [${p.hidden_units.join(', ')}]`);
    if (!(p.dropout >= 0 && p.dropout < 1)) problems.push(`dropout must be in [0, 1), got ${p.dropout}`);
    if (!(p.learning_rate > 0)) problems.push(`learning_rate must be > 0, got ${p.learning_rate}`);
    if (!(Number.isInteger(p.epochs) && p.epochs >= 1)) problems.push(`epochs must be an integer ≥ 1, got ${p.epochs}`);
    if (!(Number.isInteger(p.batch_size) && p.batch_size >= 1)) problems.push(`batch_size must be an integer ≥ 1, got ${p.batch_size}`);
  }
  if (p.l2 !== undefined && !(p.l2 >= 0)) problems.push(`l2 must be ≥ 0, got ${p.l2}`);
  if (req.type === 'gbdt') problems.push(...gbdtParamProblems(p));
  if (problems.length > 0) {
    throw new PipePilotError(`invalid model.params: ${problems.join('; ')}`, { hint: 'fix model.params in the pipeline' });
  }
}

function gbdtParamProblems(p: ModelParams): string[] {
  const problems: string[] = [];
  const int = (v: number | undefined, min: number) => v === undefined || (Number.isInteger(v) && v >= min);
  if (!(p.learning_rate > 0)) problems.push(`learning_rate must be > 0, got ${p.learning_rate}`);
  if (!int(p.max_iter, 1)) problems.push(`max_iter must be an integer ≥ 1, got ${p.max_iter}`);
  if (!int(p.max_leaf_nodes, 2)) problems.push(`max_leaf_nodes must be an integer ≥ 2, got ${p.max_leaf_nodes}`);
  if (!int(p.max_depth, 1)) problems.push(`max_depth must be an integer ≥ 1, got ${p.max_depth}`);
  if (!int(p.min_samples_leaf, 1)) problems.push(`min_samples_leaf must be an integer ≥ 1, got ${p.min_samples_leaf}`);
  if (p.max_bins !== undefined && !(Number.isInteger(p.max_bins) && p.max_bins >= 2 && p.max_bins <= 255)) problems.push(`max_bins must be an integer in [2, 255], got ${p.max_bins}`);
  for (const key of ['subsample', 'colsample'] as const) {
    const v = p[key];
    if (v !== undefined && !(v > 0 && v <= 1)) problems.push(`${key} must be in (0, 1], got ${v}`);
  }
  if (p.min_hessian !== undefined && !(p.min_hessian >= 0)) problems.push(`min_hessian must be ≥ 0, got ${p.min_hessian}`);
  return problems;
}
