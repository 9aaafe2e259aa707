/** A linear model on the breast-cancer CSV with no bootstrap: trains in well under a second. */
export function smallPipeline(opts: { seed?: number; gates?: string; name?: string } = {}): string {
  return (
    [
      'apiVersion: pipepilot/v1',
      `name: ${opts.name ?? 'bc'}`,
      'description: Screening aid for review by a pathologist (test model).',
      'data: {source: data/bc.csv, target: diagnosis, positive_class: malignant}',
      `model: {task: binary_classification, type: linear, seed: ${opts.seed ?? 1}}`,
      'evaluate: {bootstrap: {samples: 0}}',
      `gates: ${opts.gates ?? '[{metric: accuracy, min: 0.9}]'}`,
    ].join('\n') + '\n'
  );
}

export const bcData = { copy: 'pipelines/data/breast-cancer.csv' };
