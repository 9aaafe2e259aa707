import { describe, expect, it } from 'vitest';
import { assertModelName, manifestPath, nextVersion, parseVersionDir, versionDir, versionsInPaths } from '../../../src/registry/layout.js';

describe('registry layout', () => {
  it('version directories are v<N> without leading zeros', () => {
    expect(['v1', 'v12', 'v999999999'].map(parseVersionDir)).toEqual([1, 12, 999999999]);
    for (const bad of ['v0', 'v01', 'V1', 'v', 'v1a', 'latest', 'v-1', 'v1.0', ' v1', 'v1000000000']) expect(parseVersionDir(bad), bad).toBeUndefined();
  });

  it('the next version is one past the highest ever used, whatever the order or gaps', () => {
    expect(nextVersion([])).toBe(1);
    expect(nextVersion([3, 1, 7, 2])).toBe(8);
  });

  it('versions are read from repository paths of that model only', () => {
    const paths = ['models/bc/v1/metadata.json', 'models/bc/v10/card.md', 'models/bcx/v50/metadata.json', 'models/bc/deployments/production.yaml', 'models/bc/v03/x'];
    expect([...versionsInPaths('bc', paths)].sort((a, b) => a - b)).toEqual([1, 10]);
  });

  it('model and environment names cannot leave their folder', () => {
    expect(versionDir('churn', 4)).toBe('models/churn/v4');
    expect(manifestPath('churn', 'production')).toBe('models/churn/deployments/production.yaml');
    for (const bad of ['../x', 'a/b', '', 'Churn', '.hidden', 'a\\b', 'x'.repeat(65), '__proto__']) expect(() => assertModelName(bad), bad).toThrow(/not a model name/);
    expect(() => manifestPath('churn', '../../etc/passwd')).toThrow(/not an environment name/);
  });
});
