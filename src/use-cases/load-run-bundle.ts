import { ModelFileError, UsageError } from '../errors.js';
import { parsePreprocessor } from '../features/preprocessor.js';
import type { DataSource, Files } from '../ports.js';
import type { MetricsDoc } from '../evaluate/metrics-doc.js';
import { loadSpec } from '../spec/load-spec.js';
import type { RunArtifacts } from './run-bundle.js';
import { dataFingerprint, readDataFile } from './read-data.js';
import { repoDataSource, runContentKey } from './run-pipeline.js';

/**
 * The content key a run of the pipeline would have now (without training): the normalized
 * pipeline, the data's fingerprint, the PipePilot version and the backend. With the model name,
 * so `register` can say "already registered" before spending time on training.
 */
export async function currentContentKey(
  files: Files,
  current: { pipelinePath: string; codeVersion: string; backend: string },
  data: DataSource = repoDataSource(files),
): Promise<{ key: string; model: string }> {
  const pipeline = loadSpec(await files.readText(current.pipelinePath), {
    file: current.pipelinePath,
    root: files.root,
    realpath: (p) => files.realpath(p),
  });
  const fingerprint = dataFingerprint(await readDataFile(data, pipeline.spec));
  return { key: runContentKey({ pipeline, fingerprint, codeVersion: current.codeVersion, backend: current.backend }), model: pipeline.spec.name };
}

/** A run bundle read back from a `pipepilot run --out DIR` directory. */
export interface LoadedRun {
  metrics: MetricsDoc;
  artifacts: RunArtifacts;
}

/** Reads `DIR/metrics.json` and `DIR/model/*` through `files` (DIR absolute or relative to the root). */
export async function loadRunBundle(files: Files, dir: string): Promise<LoadedRun> {
  const json = async (name: string) => {
    const text = await files.readText(`${dir}/${name}`);
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw new ModelFileError(`${dir}/${name}: not valid JSON (${(err as Error).message})`, { file: `${dir}/${name}`, cause: err });
    }
  };
  const metrics = (await json('metrics.json')) as MetricsDoc;
  if (typeof metrics?.content_key !== 'string' || typeof metrics.pipeline?.name !== 'string' || !Array.isArray(metrics.gates)) {
    throw new ModelFileError(`${dir}/metrics.json: not a run's metrics document`, { file: `${dir}/metrics.json`, hint: 'Pass the --out directory of `pipepilot run`.' });
  }
  const preprocessorFile = `${dir}/model/preprocessor.json`;
  return {
    metrics,
    artifacts: {
      modelJson: (await json('model/model.json')) as Record<string, unknown>,
      weightsBin: await files.readBytes(`${dir}/model/weights.bin`),
      preprocessor: parsePreprocessor(await json('model/preprocessor.json'), preprocessorFile),
      referenceStats: await json('model/reference-stats.json'),
    },
  };
}

/**
 * Refuses a run bundle that is not what the current pipeline, data, code and backend would
 * produce: its content key must equal the one recomputed now. Without this check `--from-run`
 * could register a model under lineage it does not have.
 */
export function checkRunMatches(run: LoadedRun, current: { key: string; pipelinePath: string; runDir: string; model?: string }): void {
  const { key } = current;
  const ranFor = run.metrics.pipeline.name;
  if (current.model !== undefined && ranFor !== current.model) {
    throw new UsageError(`${current.runDir} is a run of another pipeline: '${ranFor}' (${run.metrics.pipeline.file}), not '${current.model}' (${current.pipelinePath})`, {
      hint: `Register it with its own pipeline (pipepilot register ${run.metrics.pipeline.file} --from-run ${current.runDir}), or pass a run of ${current.pipelinePath}.`,
    });
  }
  if (key !== run.metrics.content_key) {
    throw new UsageError(
      `${current.runDir} does not match ${current.pipelinePath}: its content key ${run.metrics.content_key.slice(0, 19)}… differs from ${key.slice(0, 19)}… ` +
        `(pipeline, data, PipePilot version or backend changed since the run; the run used backend ${run.metrics.backend?.name}, data ${run.metrics.data?.fingerprint?.slice(0, 19)}…)`,
      { hint: 'Run `pipepilot run` again (or register without --from-run) so the version is what the pipeline makes now.' },
    );
  }
}
