import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runBin } from '../helpers/cli.js';
import { projectRoot, tempProject } from '../helpers/temp-project.js';

/** The built command, in its own process, as a user's shell runs it after `npm ci`. */
describe('the pipepilot binary', () => {
  it('--help lists the commands; a command has its own --help', () => {
    const top = runBin(['--help'], projectRoot);
    expect(top.code).toBe(0);
    for (const cmd of ['validate', 'run', 'predict']) expect(top.stdout).toContain(cmd);
    const run = runBin(['run', '--help'], projectRoot);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--out');
  });

  it('validate: the bundled examples are valid (exit 0)', () => {
    const res = runBin(['validate'], projectRoot);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/ok pipelines\/breast-cancer\.yaml/);
  });

  it('validate: an invalid pipeline exits 2 with file:line:col and no stack trace', () => {
    const dir = tempProject({
      'pipelines/bad.yaml': 'apiVersion: pipepilot/v1\nname: bad\ndata: {source: d.csv, target: y}\nmodel:\n  task: regression\n  type: mlp\n  params: {dropout: 1.5}\n',
    });
    const res = runBin(['validate'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^pipelines\/bad\.yaml:7:\d+: .*dropout/m);
    expect(looksLikeStackTrace(res.stderr)).toBe(false);
  });

  it('an unknown command or option exits 2', () => {
    expect(runBin(['trian'], projectRoot).code).toBe(2);
    expect(runBin(['run', 'x.yaml', '--bogus'], projectRoot).code).toBe(2);
  });

  it('run: a failing gate is exit code 1 of the process', () => {
    const dir = tempProject({
      'p.yaml': [
        'apiVersion: pipepilot/v1',
        'name: g',
        'data: {source: gap.json, target: life_expect, drop: [country]}',
        'model: {task: regression, type: linear}',
        'evaluate: {bootstrap: {samples: 0}}',
        'gates: [{metric: r2, min: 0.999}]',
      ].join('\n'),
      'gap.json': { copy: 'pipelines/data/gapminder.json' },
    });
    const res = runBin(['run', 'p.yaml', '--quiet'], dir);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/gate failed: r2/);
  });
});
