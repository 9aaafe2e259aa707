import { describe, expect, it } from 'vitest';
import { importanceDiff, importanceSection } from '../../../src/report/importance.js';

const imp = (...pairs: [string, number][]) => pairs.map(([feature, share]) => ({ feature, gain: share * 100, share }));

describe('what the model relies on', () => {
  const production = { version: 3, importance: imp(['tenure', 0.5], ['charges', 0.3], ['contract', 0.15], ['zip', 0.05]) };

  it('flags a feature that jumps into the top 3 after a data change, with its share, change and rank change', () => {
    const md = importanceDiff(imp(['zip', 0.6], ['tenure', 0.25], ['charges', 0.1], ['contract', 0.05]), production);
    expect(md).toContain('### What the model relies on');
    expect(md).toContain('⚠️ New in the top 3 since production v3: `zip`.');
    expect(md).toContain('| 1 ⚠️ | zip | 60.0% | 5.0% | +55.0 pp | ↑ from 4 |');
    expect(md).toContain('| 2 | tenure | 25.0% | 50.0% | -25.0 pp | ↓ from 1 |');
    expect(md).toContain('| 4 | contract | 5.0% | 15.0% | -10.0 pp | ↓ from 3 |');
  });

  it('the same top 3 is said plainly; a feature production never had is "new"', () => {
    const md = importanceDiff(imp(['tenure', 0.5], ['charges', 0.3], ['contract', 0.1], ['region', 0.1]), production);
    expect(md).toContain('The top 3 features are those of production v3.');
    expect(md).toContain('| 1 | tenure | 50.0% | 50.0% | 0.0 pp | = |');
    expect(md).toContain('| 4 | region | 10.0% | — | new | new |');
  });

  it('without production importances (first version, or a linear production model) it is the plain ranking; no importance, no section', () => {
    expect(importanceDiff(production.importance, undefined)).toBe(importanceSection(production.importance));
    expect(importanceDiff(production.importance, { version: 2 })).toContain('| 1 | tenure | 50.0% |');
    expect(importanceDiff(undefined, production)).toBe('');
    expect(importanceSection([])).toBe('');
  });

  it('keeps the table intact for feature names with pipes and cuts at 10 rows', () => {
    const many = imp(...Array.from({ length: 12 }, (_, i) => [`f|${i}`, (12 - i) / 78] as [string, number]));
    const md = importanceSection(many);
    expect(md).toContain('| 1 | f\\|0 |');
    expect(md).toContain('2 more features in metrics.json');
    expect(md.split('\n').filter((l) => l.startsWith('| ') && /^\| \d/.test(l))).toHaveLength(10);
  });
});
