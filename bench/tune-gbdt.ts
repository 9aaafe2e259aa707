/**
 * `npm run bench -- tune-gbdt` (also run at the end of `npm run bench -- tune`): a gbdt study,
 * PipePilot's TPE over its own trees against Optuna's TPE (3.x, defaults) over scikit-learn's
 * HistGradientBoostingClassifier, on the same rows (breast-cancer: the validation split of the
 * training rows, preprocessed once and handed to both), the same space (learning_rate,
 * max_leaf_nodes, min_samples_leaf, l2 / l2_regularization, max_bins), the same trial count,
 * 100 iterations and no early stopping on both sides, over several seeds, in one run. Prints the
 * median best validation log loss and trials/s of each. One thread on each side (our one worker;
 * OMP_NUM_THREADS=1 for scikit-learn), no pruning on either side.
 */
import { ourStudies, printComparison, runAnchor } from './_tune-study.js';

const TRIALS = 30;
const ITERATIONS = 100;
const SEEDS = [1, 2, 3, 4, 5];
const SPACE = { learning_rate: [0.01, 0.3], max_leaf_nodes: [4, 64], min_samples_leaf: [2, 50], l2: [0, 5], max_bins: [16, 255] };

function pipelineText(seed: number): string {
  return `apiVersion: pipepilot/v1
name: bench
data: {source: pipelines/data/breast-cancer.csv, target: diagnosis, positive_class: malignant}
model:
  task: binary_classification
  type: gbdt
  params: {max_iter: ${ITERATIONS}}
  seed: 42
tune:
  metric: log_loss
  sampler: tpe
  pruner: none
  parallelism: 1
  seed: ${seed}
  trials: ${TRIALS}
  space:
    learning_rate: {loguniform: [${SPACE.learning_rate.join(', ')}]}
    max_leaf_nodes: {int: [${SPACE.max_leaf_nodes.join(', ')}], log: true}
    min_samples_leaf: {int: [${SPACE.min_samples_leaf.join(', ')}]}
    l2: {uniform: [${SPACE.l2.join(', ')}]}
    max_bins: {int: [${SPACE.max_bins.join(', ')}]}
`;
}

export default async function bench(): Promise<void> {
  const { ours, setup } = await ourStudies(pipelineText, SEEDS, TRIALS);
  const anchor = runAnchor('tune-gbdt-anchor.py', setup, { ...SPACE, trials: TRIALS, iterations: ITERATIONS, seeds: SEEDS, model_seed: 42 }, { OMP_NUM_THREADS: '1' });
  printComparison({
    title: `gbdt study: breast-cancer, validation split 0.2 of the training rows; TPE, ${TRIALS} trials, seeds ${SEEDS.join(', ')}; ${ITERATIONS} iterations, no early stopping`,
    model: 'HistGradientBoostingClassifier', seeds: SEEDS, ours, anchor,
  });
}
