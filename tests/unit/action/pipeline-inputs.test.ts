import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dvcPointerSource, localDataSource, normalisePath, pipelineInputs, type InputFinder } from '../../../src/action/pipeline-inputs.js';
import { touchedPipelines } from '../../../src/action/pipeline-selection.js';
import { nodeFiles } from '../../../src/cli/node-files.js';
import type { PipelineSpec } from '../../../src/spec/types.js';
import { tempProject } from '../../helpers/temp-project.js';

/** Only `data.source` matters to the finders; the rest of a spec is irrelevant here. */
const specWith = (source: string) => ({ data: { source } }) as PipelineSpec;
const nothingExists = () => undefined;

describe('the paths a pipeline depends on', () => {
  it('a data source written ./, with // or with .. is normalised to the form git reports', () => {
    for (const written of ['./pipelines/data/bc.csv', 'pipelines//data/bc.csv', 'pipelines/data/../data/bc.csv', './/pipelines/./data/bc.csv']) {
      expect(localDataSource(specWith(written), nothingExists), written).toEqual(['pipelines/data/bc.csv']);
    }
    expect(normalisePath('./a/b/')).toBe('a/b');
  });

  it('a URL source is no local input', () => {
    expect(localDataSource(specWith('https://example.com/bc.csv'), nothingExists)).toEqual([]);
  });

  it('a data source behind a symlink inside the repository depends on the link and on its target', () => {
    const dir = tempProject({ 'shared/bc-2024.csv': 'a,b\n1,2\n' });
    mkdirSync(join(dir, 'pipelines/data'), { recursive: true });
    symlinkSync('../../shared/bc-2024.csv', join(dir, 'pipelines/data/bc.csv'));
    const files = nodeFiles(dir);
    const found = pipelineInputs({ file: 'pipelines/bc.yaml', spec: specWith('./pipelines/data/bc.csv') }, (p) => files.realpath(p));
    expect(found).toEqual({ file: 'pipelines/bc.yaml', inputs: ['pipelines/data/bc.csv', 'shared/bc-2024.csv'] });
    expect(touchedPipelines([found], ['shared/bc-2024.csv']).map((t) => t.file)).toEqual(['pipelines/bc.yaml']);
    expect(touchedPipelines([found], ['pipelines/data/bc.csv']).map((t) => t.file)).toEqual(['pipelines/bc.yaml']);
  });

  it('a plain file that exists is one input, not two', () => {
    const dir = tempProject({ 'pipelines/data/bc.csv': 'a,b\n1,2\n' });
    const files = nodeFiles(dir);
    expect(localDataSource(specWith('./pipelines//data/bc.csv'), (p) => files.realpath(p))).toEqual(['pipelines/data/bc.csv']);
  });

  it('another kind of source plugs in as one more finder; duplicates are dropped', () => {
    const dvcPointer: InputFinder = (spec) => [`${normalisePath(spec.data.source)}.dvc`, normalisePath(spec.data.source)];
    const found = pipelineInputs({ file: 'p.yaml', spec: specWith('./d/x.csv') }, nothingExists, [localDataSource, dvcPointer]);
    expect(found.inputs).toEqual(['d/x.csv', 'd/x.csv.dvc']);
  });
});

describe('a DVC-tracked data source (issue 10) selects its pipeline when only its pointer changes', () => {
  const pointer = 'outs:\n- md5: 0123456789abcdef0123456789abcdef\n  size: 10\n  path: bc.csv\n';

  it('data/x.csv beside data/x.csv.dvc depends on the pointer and on .dvc/config; the git-ignored data file stays an input', () => {
    const dir = tempProject({ 'pipelines/data/bc.csv.dvc': pointer, '.dvc/config': "[core]\n    remote = store\n" });
    const files = nodeFiles(dir);
    const found = pipelineInputs({ file: 'pipelines/bc.yaml', spec: specWith('./pipelines/data/bc.csv') }, (p) => files.realpath(p));
    expect(found.inputs).toEqual(['pipelines/data/bc.csv', 'pipelines/data/bc.csv.dvc', '.dvc/config']);
    expect(touchedPipelines([found], ['pipelines/data/bc.csv.dvc']).map((t) => t.file)).toEqual(['pipelines/bc.yaml']);
    expect(touchedPipelines([found], ['.dvc/config']).map((t) => t.file)).toEqual(['pipelines/bc.yaml']);
    expect(touchedPipelines([found], ['pipelines/data/other.csv.dvc'])).toEqual([]);
  });

  it('a source written as the pointer itself adds .dvc/config', () => {
    const found = pipelineInputs({ file: 'p.yaml', spec: specWith('./d/x.csv.dvc') }, nothingExists);
    expect(found.inputs).toEqual(['d/x.csv.dvc', '.dvc/config']);
  });

  it('a file with no pointer beside it, or a URL, adds nothing', () => {
    expect(dvcPointerSource(specWith('d/x.csv'), nothingExists)).toEqual([]);
    expect(dvcPointerSource(specWith('d/x.csv'), (p) => (p === 'd/x.csv' ? '/repo/d/x.csv' : undefined))).toEqual([]);
    expect(dvcPointerSource(specWith('https://example.com/x.csv'), () => '/anything')).toEqual([]);
    expect(dvcPointerSource(specWith('s3://bucket/x.csv'), () => '/anything')).toEqual([]);
  });
});

describe('the paths a pipeline depends on, at their boundaries (mutation testing, issue 15)', () => {
  /** A working directory at /repo where `links` maps a normalised path to its real absolute path. */
  const resolving = (links: Record<string, string>, root: string | null = '/repo') => (p: string) => (p === '.' ? (root ?? undefined) : links[p]);

  it('only a scheme at the start makes a URL', () => {
    expect(localDataSource(specWith('pipelines/a://b.csv'), nothingExists)).toEqual(['pipelines/a:/b.csv']);
  });

  it('a missing data file, or a working directory that cannot be resolved, is the written path alone', () => {
    expect(localDataSource(specWith('./d/x.csv'), resolving({}))).toEqual(['d/x.csv']);
    expect(localDataSource(specWith('./d/x.csv'), resolving({ 'd/x.csv': '/repo/e/x.csv' }, null))).toEqual(['d/x.csv']);
  });

  it('a symlink target outside the working directory, or the directory itself, is no input', () => {
    for (const outside of ['/elsewhere/x.csv', '/x.csv', '/repo-2/x.csv', '/']) {
      expect(localDataSource(specWith('d/x.csv'), resolving({ 'd/x.csv': outside })), outside).toEqual(['d/x.csv']);
    }
    expect(localDataSource(specWith('d'), resolving({ d: '/repo' }))).toEqual(['d']);
    expect(localDataSource(specWith('d/x.csv'), resolving({ 'd/x.csv': '/repo/e/..x.csv' }))).toEqual(['d/x.csv', 'e/..x.csv']);
  });

  it('normal form keeps dots that are part of a name', () => {
    expect(normalisePath('a../b')).toBe('a../b');
    expect(normalisePath('./')).toBe('');
    expect(normalisePath('.hidden/x')).toBe('.hidden/x');
  });
});
