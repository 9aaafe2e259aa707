import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPipelineFiles, globRegex, registrationsMerged, relativeToWorkingDirectory, touchedPipelines } from '../../../src/action/pipeline-selection.js';
import { tempProject } from '../../helpers/temp-project.js';

const pipelines = [
  { file: 'pipelines/churn.yaml', inputs: ['pipelines/data/churn.csv'] },
  { file: 'pipelines/iris.yaml', inputs: ['pipelines/data/iris.csv'] },
];

describe('which pipelines a change touches', () => {
  it('a changed pipeline runs alone; a changed data file runs its pipeline', () => {
    expect(touchedPipelines(pipelines, ['pipelines/churn.yaml', 'README.md']).map((t) => t.file)).toEqual(['pipelines/churn.yaml']);
    expect(touchedPipelines(pipelines, ['pipelines/data/iris.csv'])).toEqual([{ file: 'pipelines/iris.yaml', reason: 'its data pipelines/data/iris.csv changed' }]);
  });

  it('PipePilot code or package files run every pipeline; unknown changes run all', () => {
    for (const code of ['src/model/train.ts', 'package-lock.json', 'action.yml', 'dist/index.js', 'schemas/pipeline.schema.json']) {
      expect(touchedPipelines(pipelines, [code])).toHaveLength(2);
    }
    expect(touchedPipelines(pipelines, 'all')).toHaveLength(2);
  });

  it('docs, models/ and other files run nothing', () => {
    expect(touchedPipelines(pipelines, ['docs/x.md', 'models/churn/v1/metadata.json', 'pipelines/data/other.csv'])).toEqual([]);
    expect(touchedPipelines(pipelines, [])).toEqual([]);
  });

  it('a changed path is compared in its normal form; any one input of a pipeline selects it', () => {
    expect(touchedPipelines(pipelines, ['./pipelines//data/iris.csv']).map((t) => t.file)).toEqual(['pipelines/iris.yaml']);
    expect(touchedPipelines(pipelines, ['./pipelines/churn.yaml']).map((t) => t.file)).toEqual(['pipelines/churn.yaml']);
    const linked = [{ file: 'p.yaml', inputs: ['pipelines/data/bc.csv', 'shared/bc-2024.csv'] }];
    expect(touchedPipelines(linked, ['shared/bc-2024.csv'])).toEqual([{ file: 'p.yaml', reason: 'its data shared/bc-2024.csv changed' }]);
  });

  it('repository paths are made relative to the working directory; paths outside it are dropped', () => {
    expect(relativeToWorkingDirectory(['ml/pipelines/a.yaml', 'README.md'], 'ml')).toEqual(['pipelines/a.yaml']);
    expect(relativeToWorkingDirectory(['a', 'b'], '.')).toEqual(['a', 'b']);
    expect(relativeToWorkingDirectory(['ml/x'], './ml/')).toEqual(['x']);
  });
});

describe('pipeline globs', () => {
  it('* stays within a directory, ** crosses them, ? is one character; regex characters are literal', () => {
    expect(globRegex('pipelines/*.yaml').test('pipelines/a.yaml')).toBe(true);
    expect(globRegex('pipelines/*.yaml').test('pipelines/sub/a.yaml')).toBe(false);
    expect(globRegex('pipelines/*.yaml').test('pipelines/ayaml')).toBe(false);
    expect(globRegex('**/*.yaml').test('a/b/c.yaml')).toBe(true);
    expect(globRegex('**/*.yaml').test('c.yaml')).toBe(true);
    expect(globRegex('./p/v?.yml').test('p/v1.yml')).toBe(true);
  });

  it('finds matching files sorted, never inside .git or node_modules', async () => {
    const dir = tempProject({ 'pipelines/b.yaml': '', 'pipelines/a.yaml': '', 'pipelines/data/x.csv': '', 'other/c.yaml': '' });
    mkdirSync(join(dir, 'node_modules/pipelines'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/pipelines/z.yaml'), '');
    expect(await findPipelineFiles(dir, ['pipelines/*.yaml'])).toEqual(['pipelines/a.yaml', 'pipelines/b.yaml']);
    expect(await findPipelineFiles(dir, ['**/*.yaml'])).toEqual(['other/c.yaml', 'pipelines/a.yaml', 'pipelines/b.yaml']);
    expect(await findPipelineFiles(dir, ['nothing/*.yaml'])).toEqual([]);
  });
});

describe('a merged registration releases its pipeline (protected default branch)', () => {
  const named = [
    { file: 'pipelines/churn.yaml', name: 'churn' },
    { file: 'pipelines/iris.yaml', name: 'iris' },
  ];

  it('a version\'s metadata.json added for a model releases that model\'s pipeline, naming the version', () => {
    expect(registrationsMerged(named, ['models/churn/v3/metadata.json', 'models/churn/v3/weights.bin'], [])).toEqual([
      { file: 'pipelines/churn.yaml', reason: 'its registration v3 was merged', merged: 3 },
    ]);
    expect(registrationsMerged(named, ['models/iris/v2/metadata.json', 'models/iris/v10/metadata.json', 'models/iris/v9/metadata.json'], [])).toEqual([
      { file: 'pipelines/iris.yaml', reason: 'its registration v2, v10, v9 was merged', merged: 10 },
    ]);
  });

  it('anything else under models/ releases nothing; a pipeline already touched is not listed twice', () => {
    const notVersions = ['models/churn/deployments/production.yaml', 'models/churn/v3/card.md', 'models/churn/v03/metadata.json', 'models/churnx/v1/metadata.json', 'x/models/churn/v1/metadata.json'];
    expect(registrationsMerged(named, notVersions, [])).toEqual([]);
    expect(registrationsMerged(named, ['models/churn/v3/metadata.json'], [{ file: 'pipelines/churn.yaml', reason: 'pipelines/churn.yaml changed' }])).toEqual([]);
    expect(registrationsMerged(named, 'all', [])).toEqual([]);
  });
});

describe('selection at its boundaries (mutation testing, issue 15)', () => {
  it('touched pipelines say why they run: unknown changes, code, the pipeline itself', () => {
    expect(touchedPipelines(pipelines, 'all')).toEqual([
      { file: 'pipelines/churn.yaml', reason: 'every pipeline runs (changed files unknown)' },
      { file: 'pipelines/iris.yaml', reason: 'every pipeline runs (changed files unknown)' },
    ]);
    expect(touchedPipelines(pipelines, ['docs/a.md', 'src/x.ts'])).toEqual([
      { file: 'pipelines/churn.yaml', reason: 'src/x.ts changed (code every pipeline uses)' },
      { file: 'pipelines/iris.yaml', reason: 'src/x.ts changed (code every pipeline uses)' },
    ]);
    expect(touchedPipelines(pipelines, ['pipelines/iris.yaml'])).toEqual([{ file: 'pipelines/iris.yaml', reason: 'pipelines/iris.yaml changed' }]);
  });

  it('a working directory inside a hidden directory keeps its dot; a nested one is matched whole', () => {
    // The dot of `.ml` was stripped once, so a change under it selected nothing.
    expect(relativeToWorkingDirectory(['.ml/pipelines/a.yaml', 'ml/pipelines/b.yaml'], '.ml')).toEqual(['pipelines/a.yaml']);
    expect(relativeToWorkingDirectory(['.github/ml/a.yaml'], '.github/ml')).toEqual(['a.yaml']);
    expect(relativeToWorkingDirectory(['a/b/x.csv', 'ab/x.csv', 'a/bx.csv'], 'a/b')).toEqual(['x.csv']);
    expect(relativeToWorkingDirectory(['ml/x'], 'ml//')).toEqual(['x']);
    expect(relativeToWorkingDirectory(['a', 'b/c'], '')).toEqual(['a', 'b/c']);
    expect(relativeToWorkingDirectory(['a', 'b/c'], './')).toEqual(['a', 'b/c']);
  });

  it('** matches whole directories only: at the end it takes everything below, before a name nothing of the name', () => {
    expect(globRegex('pipelines/**').test('pipelines/a/b.yaml')).toBe(true);
    expect(globRegex('**/b.yaml').test('x/y/b.yaml')).toBe(true);
    expect(globRegex('**/b.yaml').test('ab.yaml')).toBe(false);
    expect(globRegex('a/**/b.yaml').test('a/b.yaml')).toBe(true);
    expect(globRegex('a/**/b.yaml').test('a/x/y/b.yaml')).toBe(true);
    expect(globRegex('a/**/b.yaml').test('a/xb.yaml')).toBe(false);
    expect(globRegex('p/**.yaml').test('p/x/y.yaml')).toBe(true);
    expect(globRegex('p/**.yaml').test('p/xyaml')).toBe(false);
  });

  it('only a leading ./ of a pattern is dropped', () => {
    expect(globRegex('data./x.yaml').test('data./x.yaml')).toBe(true);
    expect(globRegex('data./x.yaml').test('datax.yaml')).toBe(false);
  });

  it('finds files matching any one of several patterns, sorted as whole paths (not in the order a walk meets them)', async () => {
    // A walk meets m/x.yaml before m-2.yaml and m.yaml (a directory listing puts `m` first), but as paths '-' < '.' < '/'.
    const dir = tempProject({ 'z/z.yaml': '', 'pipelines/z.yaml': '', 'pipelines/m.yaml': '', 'pipelines/m/x.yaml': '', 'pipelines/m-2.yaml': '', 'other/c.yml': '', 'pipelines/a.yaml': '' });
    expect(await findPipelineFiles(dir, ['pipelines/**', 'other/*.yml'])).toEqual([
      'other/c.yml', 'pipelines/a.yaml', 'pipelines/m-2.yaml', 'pipelines/m.yaml', 'pipelines/m/x.yaml', 'pipelines/z.yaml',
    ]);
  });

  it('never lists what is inside .git or node_modules, nor a symlink; a missing root finds nothing', async () => {
    const dir = tempProject({ 'pipelines/a.yaml': '', 'node_modules/x/b.yaml': '' });
    symlinkSync(join(dir, 'pipelines/a.yaml'), join(dir, 'pipelines/link.yaml'));
    const all = await findPipelineFiles(dir, ['**']);
    expect(all).toEqual(['pipelines/a.yaml']); // .git holds HEAD, config … (a real git init)
    expect(await findPipelineFiles(join(dir, 'no-such-dir'), ['**'])).toEqual([]);
  });
});
