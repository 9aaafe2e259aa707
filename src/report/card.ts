import type { Lineage } from '../registry/metadata.js';
import type { MetricsDoc } from '../evaluate/metrics-doc.js';
import { paramsUsedBy } from '../spec/model-params.js';
import { importanceSection } from './importance.js';
import { baselineSection, dataSection, gatesSection, metricsSection, slicesSection } from './run-report.js';

export interface CardInput {
  model: string;
  version: number;
  createdAt: string;
  metrics: MetricsDoc;
  lineage: Lineage;
  override: { reason: string } | null;
}

/**
 * `card.md`, the model card of a registered version, readable on GitHub: intended use, data,
 * metrics with intervals, slices, gates, lineage. The tables are the run report's, so a card
 * and the PR comment that led to it read the same.
 */
export function buildCard(input: CardInput): string {
  const m = input.metrics;
  const sections = [
    `# ${input.model} v${input.version}`,
    intendedUse(m),
    input.override ? `> ⚠️ **Registered despite failed gates** (\`--force\`): ${oneLine(input.override.reason)}` : '',
    modelSection(m),
    dataSection(m),
    metricsSection(m),
    importanceSection(m.importance),
    slicesSection(m),
    gatesSection(m),
    baselineSection(m),
    lineageSection(input),
  ];
  return sections.filter((s) => s !== '').join('\n\n') + '\n';
}


function intendedUse(m: MetricsDoc): string {
  const use = m.pipeline.description?.trim() || '_No description: add `description:` to the pipeline to say what this model is for._';
  return ['## Intended use', '', use].join('\n');
}

function modelSection(m: MetricsDoc): string {
  // Older versions' metrics carry every default; only the params the type reads are shown.
  const shown = Object.entries(paramsUsedBy(m.model.type, m.model.params));
  const params = shown.map(([k, v]) => `\`${k}\` ${JSON.stringify(v)}`).join(', ');
  return [
    '## Model',
    '',
    `- ${m.task.replace(/_/g, ' ')}, ${m.model.type} model, seed ${m.model.seed}`,
    `- parameters: ${params || 'defaults'}`,
    `- inputs: ${m.data.features.numeric.length} numeric and ${m.data.features.categorical.length} categorical features → ${m.data.input_columns} model inputs; target \`${m.data.target}\``,
  ].join('\n');
}

function lineageSection(input: CardInput): string {
  const m = input.metrics;
  const commit = input.lineage.commit.sha ? `\`${input.lineage.commit.sha.slice(0, 12)}\`${input.lineage.commit.dirty ? ' (with uncommitted changes)' : ''}` : 'none (no commits yet)';
  return [
    '## Lineage',
    '',
    `- pipeline \`${input.lineage.pipeline.path}\` (blob \`${input.lineage.pipeline.blob_sha.slice(0, 12)}\`)`,
    `- trained at commit ${commit}`,
    `- data \`${m.data.source}\`, fingerprint \`${m.data.fingerprint}\``,
    `- PipePilot ${m.versions.pipepilot}, backend \`${m.backend.name}\``,
    `- content key \`${m.content_key}\``,
    `- registered ${input.createdAt}; file digests in \`metadata.json\``,
  ].join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
