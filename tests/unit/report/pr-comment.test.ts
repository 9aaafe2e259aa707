import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureStats, NumericStats } from '../../../src/data/reference-stats.js';
import type { GateResult } from '../../../src/evaluate/gates.js';
import { stickyCommentText } from '../../../src/github/sticky-comment-text.js';
import type { MetricsDoc } from '../../../src/evaluate/metrics-doc.js';
import { GITHUB_COMMENT_MAX_CHARS, type PrCommentInput, renderJobSummary, renderPrComment } from '../../../src/report/pr-comment.js';
import { type RealRuns, candidateXValues, cleanup, productionX, realRuns } from './pr-comment-fixtures.js';

let runs: RealRuns;
beforeAll(async () => {
  runs = await realRuns();
}, 120_000);
afterAll(() => cleanup(runs));

const clone = <T>(x: T): T => structuredClone(x);

function withProduction(extra: Partial<PrCommentInput> = {}): PrCommentInput {
  const { doc, stats, production } = runs.cancer;
  return {
    marker: 'bc', candidate: doc, candidateStats: stats, production,
    trend: [{ version: 1, value: production.metadata.metrics.roc_auc ?? null }],
    runUrl: 'https://github.com/acme/ml/actions/runs/42', artifactName: 'pipepilot-bc-1a2b3c', updatedAt: '2026-11-28 07:00 UTC',
    ...extra,
  };
}

/** Every row of each markdown table has the same number of cell separators (unescaped `|`). */
function expectTablesIntact(md: string): void {
  const pipes = (line: string) => line.replace(/\\\|/g, '').split('|').length - 1;
  let width: number | null = null;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      width = null;
      continue;
    }
    width ??= pipes(line);
    expect(pipes(line), line).toBe(width);
  }
}

describe('PR comment with a production model (real runs)', () => {
  it('leads with the marker, the verdict and one sentence on the headline metric against production', () => {
    const md = renderPrComment(withProduction());
    const lines = md.split('\n');
    expect(lines[0]).toBe('<!-- pipepilot:bc -->');
    expect(lines[1]).toBe('## ❌ bc: 1 of 3 gates failed');
    const sentence = lines.find((l) => l.startsWith('**roc_auc'));
    expect(sentence).toMatch(/^\*\*roc_auc 0\.\d{4}\*\* vs [\d.]+ in production v1 \([+-]?[\d.]+, 95% CI [+-]?[\d.]+ to [+-]?[\d.]+, (not significant|significantly (worse|better))\)/);
    expect(md).not.toMatch(/\de-\d/); // no exponent notation for a reviewer to decode
    expect(md.indexOf('### Gates')).toBeLessThan(md.indexOf('### Metrics vs production v1'));
    expectTablesIntact(md);
  });

  it('gates: the failure first, and every gate shows candidate, production and difference', () => {
    const md = renderPrComment(withProduction());
    const gateRows = md.split('### Gates')[1].split('\n\n')[1].split('\n').slice(2);
    expect(gateRows[0]).toMatch(/^\| ❌ \*\*fail\*\* \| accuracy ≥ 0\.999 \| all rows \| 0\.\d{4} \| [\d.]+ \| [+-]?[\d.]+ \(/);
    expect(gateRows).toContainEqual(expect.stringMatching(/^\| ✅ pass \| roc_auc drop ≤ 0\.05 vs production \| all rows \| 0\.\d+ \| [\d.]+ \| [+-]?[\d.]+ \(/));
    expect(gateRows).toHaveLength(3);
  });

  it('metric diff: arrows, direction and significance against the paired comparison', () => {
    const { doc } = runs.cancer;
    const md = renderPrComment(withProduction());
    for (const [name, m] of Object.entries(doc.baseline?.comparison.metrics ?? {})) {
      const row = md.split('\n').find((l) => l.startsWith(`| ${name} `) && l.includes('CI') === false && /[▲▼=]/.test(l));
      expect(row, name).toBeDefined();
      const arrow = (m.difference ?? 0) > 0 ? '▲' : (m.difference ?? 0) < 0 ? '▼' : '=';
      expect(row).toContain(arrow);
      if (m.verdict === 'worse') expect(row).toContain('🔴 **significantly worse**');
      if (m.verdict === 'better') expect(row).toContain('🟢 **significantly better**');
      if (m.verdict === 'unclear') expect(row).toContain('not significant');
    }
    expect(md).toMatch(/\| log_loss ↓ \|/); // lower is better is marked
  });

  it('param and data diff: l2 changed, data changed, the two dropped features listed, drift table', () => {
    const md = renderPrComment(withProduction());
    expect(md).toContain('### Parameters vs v1');
    expect(md).toMatch(/\| l2 \| — \| 0\.5 \|/);
    expect(md).toMatch(/<details><summary>\d+ unchanged<\/summary>/);
    expect(md).toMatch(/- rows: train \d+ → \d+ \(\+\d+\), test \d+ → \d+ \(\+\d+\); \*\*data changed\*\*/);
    expect(md).toContain('**features removed** (2): mean\\_area (numeric), se\\_area (numeric)');
    expect(md).toMatch(/\*\*Drift\*\* of the training data vs v1/);
    expect(md).toContain('| feature | kind | PSI | biggest move in share of rows |');
    expect(md).toContain('Confusion matrix');
    expect(md.trimEnd().split('\n').at(-1)).toBe('<sub>[workflow run](https://github.com/acme/ml/actions/runs/42) · run bundle artifact pipepilot-bc-1a2b3c · updated by PipePilot at 2026-11-28 07:00 UTC</sub>');
  });

  it('preprocessing: recorded in the run and the version; a changed setting is a row of the parameter diff', () => {
    const base = withProduction();
    expect(base.candidate.preprocess).toEqual({
      impute: { numeric: 'median', categorical: 'most_frequent', fill_numeric: 0, fill_categorical: 'missing' },
      scale: 'standard', encode: 'onehot', max_categories: 50,
    });
    expect(base.production?.metadata.preprocess).toEqual(base.candidate.preprocess);
    expect(renderPrComment(base)).toMatch(/preprocess\.scale "standard"/); // among the unchanged
    const candidate = clone(base.candidate);
    candidate.preprocess = { ...candidate.preprocess!, scale: 'minmax', impute: { ...candidate.preprocess!.impute, numeric: 'mean' } };
    const md = renderPrComment({ ...base, candidate });
    expect(md).toContain('| preprocess.scale | "standard" | "minmax" |');
    expect(md).toContain('| preprocess.impute.numeric | "median" | "mean" |');
    expect(md).not.toContain('Preprocessing not compared');
  });

  it('preprocessing: a production version registered before it was recorded is compared on parameters only, and says so', () => {
    const base = withProduction();
    const metadata = clone(base.production!.metadata);
    delete metadata.preprocess;
    const md = renderPrComment({ ...base, production: { ...base.production!, metadata } });
    expect(md).toContain('<sub>Preprocessing not compared: v1 predates its recording.</sub>');
    expect(md).not.toContain('preprocess.scale');
    expect(md).toMatch(/\| l2 \| — \| 0\.5 \|/);
  });

  it('a feature whose kind changed and a drifted feature (PSI > 0.2, hand-computed) are called out', () => {
    const base = withProduction();
    const production = clone(base.production!);
    production.metadata.features.numeric = production.metadata.features.numeric.filter((n) => n !== 'mean_radius');
    production.metadata.features.categorical = ['mean_radius'];
    production.stats = { rows: 10, features: [productionX] };
    const candidateStats: FeatureStats = { rows: 10, features: [{ ...productionX, histogram: { edges: [10, 20], fractions: [0.2, 0.2, 0.6] } } as NumericStats] };
    const md = renderPrComment({ ...base, production, candidateStats, candidateValues: new Map([['x', candidateXValues]]) });
    expect(md).toContain('**feature kind changed** (1): mean\\_radius categorical → numeric');
    expect(md).toContain('⚠️ **1 of 1 feature above PSI 0.2**');
    expect(md).toContain('| ⚠️ x | numeric | 0.755 | 20 and above: 20% → 60% |');
    const stricter = renderPrComment({ ...base, production, candidateStats, psiThreshold: 1 });
    expect(stricter).toContain('no feature above PSI 1');
    expect(stricter).toContain('| x | numeric | ≈0.755 |'); // from statistics: marked approximate
  });

  it('without the paired comparison, production metrics are shown as not paired', () => {
    const base = withProduction();
    const candidate = clone(base.candidate);
    delete candidate.baseline;
    const md = renderPrComment({ ...base, candidate });
    expect(md).toMatch(/production v1 had [\d.]+ on its own test rows \(not scored on the same rows/);
    expect(md).toContain('Not a paired comparison');
  });
});

describe('PR comment without a production model', () => {
  it('multiclass (penguins): candidate metrics with intervals, "no production model yet", confusion and slices collapsed', () => {
    const { doc, stats } = runs.penguins;
    const md = renderPrComment({ marker: 'penguins', candidate: doc, candidateStats: stats, trend: [] });
    expect(md.split('\n')[1]).toBe(`## ✅ penguins: all ${doc.gates.length} gates pass`);
    expect(md).toMatch(/no production model yet, so nothing to compare with\./);
    expect(md).toContain('**No production model yet**');
    expect(md).toMatch(/\| accuracy ↑ \| [\d.]+ \| [\d.]+ to [\d.]+ \|/);
    expect(md).toContain('| actual ↓ / predicted → | Adelie | Chinstrap | Gentoo |');
    expect(md).toContain('| class | precision | recall | f1 | support |');
    expect(md).toMatch(/<details><summary>Slices by Island \(3 values\)<\/summary>/);
    expect(md).not.toContain('### Parameters');
    expect(md).not.toContain('```mermaid'); // one point (the PR) is no trend
    expect(md).toContain('No production model: nothing to compare the data with.');
    expectTablesIntact(md);
  });

  it('regression (gapminder): residual summary instead of a confusion matrix', () => {
    const { doc, stats } = runs.gapminder;
    const md = renderPrComment({ marker: 'gapminder', candidate: doc, candidateStats: stats, trend: [] });
    expect(md).toContain('<details><summary>Residuals, actual − predicted');
    expect(md).not.toContain('Confusion matrix');
    expect(md).toMatch(/\| mae ↓ \|/);
    expectTablesIntact(md);
  });

  it('no gates configured is said, not shown as a pass', () => {
    const doc = clone(runs.gapminder.doc);
    doc.gates = [];
    const md = renderPrComment({ marker: 'g', candidate: doc, candidateStats: runs.gapminder.stats, trend: [] });
    expect(md).toContain('## ⚪ gapminder: no gates configured');
  });
});

describe('trend chart', () => {
  it('is a well-formed mermaid xychart with one value per version and the PR last; versions without a value are skipped', () => {
    const md = renderPrComment(withProduction({ trend: [{ version: 1, value: 0.97 }, { version: 2, value: null }, { version: 3, value: 0.99 }] }));
    const block = md.slice(md.indexOf('```mermaid'), md.indexOf('```', md.indexOf('```mermaid') + 3) + 3).split('\n');
    expect(block[0]).toBe('```mermaid');
    expect(block[1]).toBe('xychart-beta');
    expect(block).toContain('  title "roc_auc by version"');
    expect(block).toContain('  x-axis ["v1", "v3", "PR"]');
    const line = block.find((l) => l.startsWith('  line ['));
    const values = line?.slice('  line ['.length, -1).split(', ').map(Number);
    expect(values).toHaveLength(3);
    expect(values?.slice(0, 2)).toEqual([0.97, 0.99]);
    expect(values?.[2]).toBeCloseTo(runs.cancer.doc.metrics.roc_auc as number, 4);
    const [low, high] = (block.find((l) => l.startsWith('  y-axis')) ?? '').split('"roc_auc" ')[1].split(' --> ').map(Number);
    expect(low).toBeLessThanOrEqual(Math.min(...(values ?? [])));
    expect(high).toBeGreaterThanOrEqual(Math.max(...(values ?? [])));
    expect(block.at(-1)).toBe('```');
    expect(md).toContain('No value for v2.');
  });
});

/** A pathological candidate: hundreds of long-named features, 1000 slice values each gated (some failing), 150 classes. */
function pathological(): PrCommentInput {
  const base = withProduction();
  const doc = clone(base.candidate);
  const long = (i: number) => `feature_${i}_${'very_long_name_'.repeat(12)}`;
  const features = Array.from({ length: 400 }, (_, i) => ({ ...productionX, name: long(i) }));
  const shifted = features.map((f, i) => ({ ...f, histogram: { edges: [10, 20], fractions: i % 3 === 0 ? [0.2, 0.2, 0.6] : [0.5, 0.3, 0.2] } }));
  doc.data.features.numeric = features.map((f) => f.name);
  const values = Array.from({ length: 1000 }, (_, i) => `segment ${i} ${'x'.repeat(40)}`);
  doc.slices = [{ column: 'segment', rows: values.map((value, i) => ({ value, n: 30, gated: true, metrics: { accuracy: 0.9 + (i % 10) / 100, roc_auc: 0.95 } })) }];
  const gate = { metric: 'accuracy', min: 0.905, slice: 'segment' };
  const sliceGates: GateResult[] = values.map((value, i) => ({
    gate, metric: 'accuracy', slice: { column: 'segment', value }, observed: 0.9 + (i % 10) / 100, threshold: 0.905, kind: 'min',
    status: i % 10 === 0 ? 'failed' : 'passed', message: `accuracy on segment=${value}`,
  }));
  doc.gates = [...doc.gates, ...sliceGates];
  const labels = Array.from({ length: 150 }, (_, i) => `class ${i} ${'y'.repeat(30)}`);
  doc.confusion = { labels, matrix: labels.map((_, i) => labels.map((__, j) => (i === j ? 50 : 1))) };
  const production = clone(base.production!);
  production.stats = { rows: 10, features };
  production.metadata.features.numeric = features.map((f) => f.name);
  return { ...base, candidate: doc, production, candidateStats: { rows: 10, features: shifted } };
}

describe('fitting GitHub\'s comment limit', () => {
  it('a pathological input stays within 65,536 characters and keeps the marker, verdict and gates', () => {
    const input = pathological();
    const md = renderPrComment(input);
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_CHARS);
    expect(md.startsWith('<!-- pipepilot:bc -->\n## ❌ bc: 101 of 1003 gates failed')).toBe(true);
    expect(md).toContain('### Gates');
    expect(md).toMatch(/\| ❌ \*\*fail\*\* \| accuracy ≥ 0\.905 \| segment = segment 0 /);
    expect(md).toMatch(/_\(trimmed: \d+ sections? left out to fit GitHub's comment limit; see the job summary \/ artifact\)_/);
    expect(md).not.toContain('Slices by segment'); // the least important goes first
    expectTablesIntact(md);
    // The job summary has room for all of it.
    const summary = renderJobSummary(input);
    expect(summary).toContain('Slices by segment');
    expect(summary).not.toContain('trimmed:');
  });

  it('an even smaller budget still keeps marker, verdict and gates, and never exceeds it', () => {
    for (const maxChars of [20_000, 6_000, 2_500]) {
      const md = renderPrComment({ ...pathological(), maxChars });
      expect(md.length).toBeLessThanOrEqual(maxChars);
      expect(md.startsWith('<!-- pipepilot:bc -->\n## ❌ bc: 101 of 1003 gates failed')).toBe(true);
      expect(md).toContain('### Gates');
      expect(md).toContain('trimmed:');
      expect(md).toContain('updated by PipePilot at 2026-11-28 07:00 UTC');
    }
  });

  it('without its marker line (the sticky-comment poster writes it): marker + text still fit the budget', () => {
    for (const maxChars of [GITHUB_COMMENT_MAX_CHARS, 6_000]) {
      const input = { ...pathological(), maxChars };
      const body = renderPrComment({ ...input, omitMarkerLine: true });
      expect(body.startsWith('## ❌ bc: 101 of 1003 gates failed')).toBe(true);
      expect(body).not.toContain('pipepilot:bc');
      const posted = stickyCommentText('pipepilot:bc', body); // what upsertStickyComment stores; throws over 65,536
      expect(posted.length).toBeLessThanOrEqual(maxChars);
      expect(posted).toBe(renderPrComment(input)); // the same text as the renderer's own marker line
    }
    const fits = withProduction();
    expect(renderPrComment({ ...fits, omitMarkerLine: true })).toBe(renderPrComment(fits).slice('<!-- pipepilot:bc -->\n'.length));
  });

  it('a comment that fits is not trimmed', () => {
    const md = renderPrComment(withProduction());
    expect(md).not.toContain('trimmed:');
    expect(md.length).toBeLessThan(20_000);
  });
});

describe('escaping user-controlled text', () => {
  it('feature names, class labels and slice values cannot break a table, inject HTML or ping anyone', () => {
    const base = withProduction();
    const doc: MetricsDoc = clone(base.candidate);
    doc.pipeline.name = 'bc <b>bold</b>';
    doc.confusion = { labels: ['<script>alert(1)</script>', 'a|b'], matrix: [[1, 2], [3, 4]] };
    doc.slices = [{ column: 'col|umn', rows: [{ value: 'multi\nline `code` @acme/ml-team *x*', n: 20, gated: true, metrics: { roc_auc: 0.9 } }] }];
    const weird = ['|', '<script>', 'name`with`ticks', 'new\nline', '@octocat'];
    const production = clone(base.production!);
    production.stats = { rows: 10, features: weird.map((name) => ({ ...productionX, name })) };
    production.metadata.features.numeric = weird;
    doc.data.features.numeric = weird;
    const md = renderPrComment({ ...base, candidate: doc, production, candidateStats: { rows: 10, features: weird.map((name) => ({ ...productionX, name })) } });
    expect(md).not.toMatch(/<script>|<b>/);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('| a\\|b |');
    expect(md).not.toMatch(/@(octocat|acme)/);
    expect(md).toContain('multi line \\`code\\` @\u200bacme/ml-team \\*x\\*');
    expect(md).toContain('Slices by col|umn'); // inside <summary>: HTML, no markdown table to break
    expect(md).toContain('## ❌ bc &lt;b&gt;bold&lt;/b&gt;: 1 of 3 gates failed');
    expectTablesIntact(md);
  });

  it('a marker or run URL cannot close the HTML comment or inject a link', () => {
    const md = renderPrComment(withProduction({ marker: 'x --> <img src=y>', runUrl: 'javascript:alert(1)' }));
    expect(md.split('\n')[0]).toBe('<!-- pipepilot:x-img-src-y- -->');
    expect(md).not.toContain('](javascript:');
  });
});

describe('determinism and the job summary', () => {
  it('the same input gives the same text', () => {
    expect(renderPrComment(withProduction())).toBe(renderPrComment(withProduction()));
    expect(renderPrComment(pathological())).toBe(renderPrComment(pathological()));
  });

  it('the job summary is the comment without the marker', () => {
    const input = withProduction();
    const comment = renderPrComment(input);
    const summary = renderJobSummary(input);
    expect(summary.startsWith('## ❌ bc')).toBe(true);
    expect(summary).not.toContain('pipepilot:bc');
    expect(comment).toBe(`<!-- pipepilot:bc -->\n${summary}`);
  });
});
