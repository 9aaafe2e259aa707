import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SpecError } from '../../../src/errors.js';
import { loadSpec } from '../../../src/spec/load-spec.js';
import { sourcePathProblem } from '../../../src/spec/source-path.js';

const pipeline = (source: string) =>
  `apiVersion: pipepilot/v1\nname: p\ndata:\n  source: ${JSON.stringify(source)}\n  target: y\nmodel: {task: regression, type: linear}\n`;

/** The real file system's realpath, relative paths taken from `root`, as the CLI passes it. */
const realpathIn = (root: string) => (p: string) => {
  try {
    return realpathSync(resolve(root, p));
  } catch {
    return undefined;
  }
};

/** A temp dir with a repo folder and, beside it, a folder that is outside the repo. */
function tempLayout(): { repo: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'pipepilot-spec-'));
  onTestFinished(() => rmSync(base, { recursive: true, force: true }));
  const repo = join(base, 'repo');
  const outside = join(base, 'outside');
  mkdirSync(join(repo, 'data'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.csv'), 'y\n1\n');
  writeFileSync(join(repo, 'data', 'real.csv'), 'y\n1\n');
  return { repo, outside };
}

describe('data.source must stay inside the repository', () => {
  it('a symlink inside the repo that points outside it is rejected', () => {
    const { repo, outside } = tempLayout();
    symlinkSync(join(outside, 'secret.csv'), join(repo, 'data', 'link.csv'));
    let err: unknown;
    try {
      loadSpec(pipeline('data/link.csv'), { file: 'p.yaml', root: repo, realpath: realpathIn(repo) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SpecError);
    const problem = (err as SpecError).problems[0];
    expect(problem).toMatchObject({ line: 4, col: 11, path: 'data.source' });
    expect(problem.message).toMatch(/data.source 'data\/link.csv' is a symlink to '.*outside\/secret.csv', outside the repository/);
  });

  it('a symlinked directory leading out is rejected too', () => {
    const { repo, outside } = tempLayout();
    symlinkSync(outside, join(repo, 'data', 'ext'));
    expect(() => loadSpec(pipeline('data/ext/secret.csv'), { file: 'p.yaml', root: repo, realpath: realpathIn(repo) })).toThrow(/outside the repository/);
  });

  it('a symlink that stays inside the repo, a plain file, and a missing file are accepted', () => {
    const { repo } = tempLayout();
    symlinkSync(join(repo, 'data', 'real.csv'), join(repo, 'data', 'alias.csv'));
    for (const source of ['data/alias.csv', 'data/real.csv', 'data/not-yet.csv', './data/../data/real.csv']) {
      expect(loadSpec(pipeline(source), { file: 'p.yaml', root: repo, realpath: realpathIn(repo) }).spec.data.source).toBe(source);
    }
  });

  it('a repository root that is itself reached through a symlink still works', () => {
    const { repo } = tempLayout();
    const viaLink = join(repo, '..', 'repo-link');
    symlinkSync(repo, viaLink);
    expect(() => loadSpec(pipeline('data/real.csv'), { file: 'p.yaml', root: viaLink, realpath: realpathIn(viaLink) })).not.toThrow();
  });

  it('a realpath callback that throws becomes a SpecError naming the file, with the cause kept', () => {
    const failing = () => {
      throw new Error('EACCES: permission denied');
    };
    let err: unknown;
    try {
      loadSpec(pipeline('data/x.csv'), { file: 'pipelines/p.yaml', root: '/repo', realpath: failing });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).message).toBe('pipelines/p.yaml:1:1: unexpected error while loading the pipeline: EACCES: permission denied');
    expect((err as SpecError).cause).toBeInstanceOf(Error);
  });

  it.each([
    ['/etc/passwd', /absolute path/],
    ['C:\\data\\x.csv', /forward slashes/],
    ['c:/data/x.csv', /absolute path/],
    ['..', /leads out/],
    ['../x.csv', /leads out/],
    ['a/b/../../../x.csv', /leads out/],
    ['data\\..\\..\\x.csv', /forward slashes/],
    ['data/x.csv\0.png', /NUL/],
    ['https://example.com/x.csv', /not a URL/],
    ['file:///etc/passwd', /not a URL/],
    ['.', /must name a file/],
    ['data/', /must name a file/],
  ])('%j is rejected', (source, why) => {
    expect(sourcePathProblem(source, '/repo')).toMatch(why);
  });

  it.each(['data/x.csv', './x.csv', 'a/../x.csv', '..data/x.csv', 'data/..x.csv', 'dir with space/x.csv'])('%j is accepted', (source) => {
    expect(sourcePathProblem(source, '/repo')).toBeUndefined();
  });
});
