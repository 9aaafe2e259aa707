/** A linear model on the breast-cancer CSV with no bootstrap: trains in well under a second. */
export function smallPipeline(opts: { seed?: number; gates?: string; name?: string; features?: string; params?: string; bootstrap?: number; preprocess?: string } = {}): string {
  return (
    [
      'apiVersion: pipepilot/v1',
      `name: ${opts.name ?? 'bc'}`,
      'description: Screening aid for review by a pathologist (test model).',
      `data: {source: data/bc.csv, target: diagnosis, positive_class: malignant${opts.features ? `, features: ${opts.features}` : ''}}`,
      `model: {task: binary_classification, type: linear, seed: ${opts.seed ?? 1}${opts.params ? `, params: ${opts.params}` : ''}}`,
      ...(opts.preprocess ? [`preprocess: ${opts.preprocess}`] : []),
      `evaluate: {bootstrap: {samples: ${opts.bootstrap ?? 0}}}`,
      `gates: ${opts.gates ?? '[{metric: accuracy, min: 0.9}]'}`,
    ].join('\n') + '\n'
  );
}

export const bcData = { copy: 'pipelines/data/breast-cancer.csv' };

/** A deployment manifest as `promote` writes it (tests write them by hand to set up a production model). */
export function manifestYaml(model: string, version: number, extra: { canary?: { version: number; weight: number }; reason?: string } = {}): string {
  const canary = extra.canary ? `canary: {version: ${extra.canary.version}, weight: ${extra.canary.weight}}\n` : '';
  return `model: ${model}\nversion: ${version}\n${canary}reason: ${extra.reason ?? 'test'}\n`;
}
