import type { LayersModel } from '@tensorflow/tfjs-layers';
import { GBDT_FORMAT } from './gbdt/tree-format.js';
import { parseGbdtModel } from './gbdt/tree-parse.js';
import { TreeEnsemble } from './gbdt/tree-predict.js';
import { predictBatch } from './predict.js';
import { loadTfjsModel } from './tfjs-format.js';

/**
 * A loaded model as the scoring path sees it, whatever its kind: rows×cols model inputs in,
 * the task's outputs out (binary P(class 1), multiclass rows×k probabilities, regression values).
 */
export interface Scorer {
  readonly kind: 'tfjs' | 'gbdt';
  /** Model input columns it takes. */
  readonly inputs: number;
  predict(x: Float32Array, rows: number, cols: number): Float32Array;
  /** Frees backend memory (tfjs tensors); a no-op for trees. */
  dispose(): void;
  /** Trees only: the ensemble, for explanations. */
  readonly trees?: TreeEnsemble;
}

/**
 * Loads a saved model from its `model.json` and `weights.bin`: a tree ensemble when model.json
 * says format "pipepilot-gbdt/v1" (weights.bin is then empty), else a tfjs LayersModel.
 */
export async function loadScorer(modelJson: Record<string, unknown>, weightsBin: Uint8Array, opts: { file?: string } = {}): Promise<Scorer> {
  const file = opts.file ?? 'model.json';
  if ((modelJson as { format?: unknown } | null)?.format === GBDT_FORMAT) return treeScorer(new TreeEnsemble(parseGbdtModel(modelJson, file)));
  return tfjsScorer(await loadTfjsModel({ modelJson, weightsBin }, { file }));
}

function tfjsScorer(model: LayersModel): Scorer {
  return {
    kind: 'tfjs',
    inputs: model.inputs[0]?.shape.at(-1) ?? 0,
    predict: (x, rows, cols) => predictBatch(model, x, rows, cols),
    dispose: () => model.dispose(),
  };
}

export function treeScorer(trees: TreeEnsemble): Scorer {
  return {
    kind: 'gbdt',
    inputs: trees.inputs,
    predict: (x, rows, cols) => trees.predict(x, rows, cols),
    dispose: () => undefined,
    trees,
  };
}
