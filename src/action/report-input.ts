import { LineCounter, parseDocument } from 'yaml';
import type { FeatureStats } from '../data/reference-stats.js';
import type { Git } from '../git/git.js';
import type { GateResult } from '../evaluate/gates.js';
import type { Files } from '../ports.js';
import { headlineMetricNames } from '../registry/headline-metrics.js';
import { METADATA_FILE, modelDir, parseVersionDir, versionDir } from '../registry/layout.js';
import { parseMetadata, type RegistryMetadata } from '../registry/metadata.js';
import type { MetricsDoc } from '../evaluate/metrics-doc.js';
import type { PrCommentInput } from '../report/pr-comment.js';
import type { PipelineSpec } from '../spec/types.js';

/** How many registered versions the comment's trend shows. */
export const TREND_VERSIONS = 10;

/** The production version's metadata and reference statistics, read from the commit that chose it (the PR's base). */
export async function productionAt(git: Git, at: { model: string; version: number; commit: string }): Promise<PrCommentInput['production']> {
  const file = `${versionDir(at.model, at.version)}/${METADATA_FILE}`;
  const text = await git.tryShowFile(at.commit, file);
  if (text === undefined) return undefined;
  const metadata = parseMetadata(text, `${file} at ${at.commit.slice(0, 12)}`);
  return { version: at.version, metadata, stats: metadata.reference_stats as FeatureStats };
}

/**
 * The headline metric of the model's most recent registered versions, oldest first, from
 * `models/<name>/v*\/metadata.json` in the checkout. A version whose metadata cannot be read shows
 * as a gap (null), not a failure: the trend is context, not a gate.
 */
export async function recentTrend(files: Files, model: string, candidate: MetricsDoc): Promise<PrCommentInput['trend']> {
  const metric = headlineMetricNames(candidate as unknown as Pick<RegistryMetadata, 'gates' | 'intervals' | 'metrics'>, 1)[0];
  const versions = (await files.list(modelDir(model)))
    .filter((e) => e.isDirectory)
    .map((e) => parseVersionDir(e.name))
    .filter((v): v is number => v !== undefined)
    .sort((a, b) => a - b)
    .slice(-TREND_VERSIONS);
  return Promise.all(
    versions.map(async (version) => {
      const file = `${versionDir(model, version)}/${METADATA_FILE}`;
      try {
        const meta = parseMetadata(await files.readText(file), file);
        return { version, value: metric === undefined ? null : (meta.metrics[metric] ?? null), createdAt: meta.created_at };
      } catch {
        return { version, value: null };
      }
    }),
  );
}

/** 1-based line and column of gate `index` in the pipeline's YAML (the `gates:` key when not found). */
export function gatePosition(yamlText: string, index: number): { line: number; col: number } | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, keepSourceTokens: false });
  const node = doc.getIn(['gates', index], true) as { range?: [number, number, number] } | undefined;
  const offset = node?.range?.[0] ?? yamlText.search(/^gates\s*:/m);
  if (offset === undefined || offset < 0) return undefined;
  const pos = counter.linePos(offset);
  return { line: pos.line, col: pos.col };
}

/** Which gate of the spec a result is for (results carry a copy of their gate). */
export function gateIndex(spec: PipelineSpec, result: GateResult): number {
  const wanted = JSON.stringify(result.gate);
  return spec.gates.findIndex((g) => JSON.stringify(g) === wanted);
}
