/**
 * `npm run bench -- tune`: PipePilot's TPE against Optuna's (3.x, defaults) with scikit-learn's
 * MLPClassifier, on the same rows (breast-cancer: the validation split of the training rows,
 * preprocessed once and handed to both), the same space, the same trial count, over several
 * seeds, in one run. The metric is log loss (ROC AUC saturates at 1 on this validation split).
 * Prints the median best validation log loss and trials/s of each. One worker
 * on our side (Optuna's optimize is sequential here), no pruning on either side. Then the gbdt
 * study of bench/tune-gbdt.ts (against HistGradientBoosting).
 */
import { ourStudies, printComparison, runAnchor } from './_tune-study.js';
import gbdtStudy from './tune-gbdt.js';

const TRIALS = 30;
const EPOCHS = 60;
const SEEDS = [1, 2, 3, 4, 5];
const SPACE = { learning_rate: [0.0001, 0.1], l2: [0.000001, 0.01], hidden_units: [[8], [32], [32, 16]] };

function pipelineText(seed: number): string {
  return `apiVersion: pipepilot/v1
name: bench
data: {source: pipelines/data/breast-cancer.csv, target: diagnosis, positive_class: malignant}
model:
  task: binary_classification
  type: mlp
  params: {hidden_units: [8], epochs: ${EPOCHS}, batch_size: 32}
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
    l2: {loguniform: [${SPACE.l2.join(', ')}]}
    hidden_units: {choice: [[8], [32], [32, 16]]}
`;
}

export default async function bench(): Promise<void> {
  const { ours, setup } = await ourStudies(pipelineText, SEEDS, TRIALS);
  const anchor = runAnchor('tune-anchor.py', setup, {
    learning_rate: SPACE.learning_rate, l2: SPACE.l2, hidden_units: SPACE.hidden_units, trials: TRIALS, epochs: EPOCHS, seeds: SEEDS, model_seed: 42,
  });
  printComparison({
    title: `breast-cancer, validation split 0.2 of the training rows; TPE, ${TRIALS} trials, seeds ${SEEDS.join(', ')}; MLP up to ${EPOCHS} epochs, early stopping`,
    model: 'MLPClassifier', seeds: SEEDS, ours, anchor,
  });
  console.log('');
  await gbdtStudy();
}
