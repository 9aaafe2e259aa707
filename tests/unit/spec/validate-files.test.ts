import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/errors.js';
import { pipelineSchema, validatePipelineFiles } from '../../../src/spec/validate-files.js';

const good = 'apiVersion: pipepilot/v1\nname: a\ndata: {source: d.csv, target: y}\nmodel: {task: regression, type: linear}\n';

describe('validatePipelineFiles', () => {
  it('answers per file, in order; a bad file does not stop the others', () => {
    const results = validatePipelineFiles(
      [
        { file: 'pipelines/a.yaml', text: good },
        { file: 'pipelines/b.yaml', text: good.replace('type: linear', 'type: forest') },
        { file: 'pipelines/c.yaml', text: '\u0000\u0001binary' },
        { file: 'pipelines/d.yaml', text: good.replace('name: a', 'name: d') },
      ],
      '/repo',
    );
    expect(results.map((r) => [r.file, r.ok])).toEqual([
      ['pipelines/a.yaml', true],
      ['pipelines/b.yaml', false],
      ['pipelines/c.yaml', false],
      ['pipelines/d.yaml', true],
    ]);
    expect(results[0].problems).toEqual([]);
    expect(results[0].spec?.data.format).toBe('csv');
    expect(results[1].spec).toBeUndefined();
    expect(results[1].problems.map(formatProblem)).toEqual([
      'pipelines/b.yaml:4:33: model.type must be one of linear, mlp, gbdt, got \'forest\'',
    ]);
    expect(results[2].problems.map(formatProblem)).toEqual(['pipelines/c.yaml:1:1: not a text YAML file (control character U+0000)']);
    expect(results[3].spec?.name).toBe('d');
  });

  it('reports every problem of a file at once, in document order', () => {
    const text = 'apiVersion: pipepilot/v1\nname: BAD\ndata: {source: d.csv, target: y, extra: 1}\nmodel: {task: regression, type: linear, params: {epochs: 0}}\n';
    const [r] = validatePipelineFiles([{ file: 'p.yaml', text }], '/repo');
    expect(r.problems.map((p) => [p.line, p.col, p.path])).toEqual([
      [2, 7, 'name'],
      [3, 34, 'data.extra'],
      [4, 58, 'model.params.epochs'],
    ]);
  });

  it('an empty list gives an empty answer', () => {
    expect(validatePipelineFiles([], '/repo')).toEqual([]);
  });

  it('pipelineSchema() is the schema object, the same one every call', () => {
    expect(pipelineSchema()).toBe(pipelineSchema());
    expect(pipelineSchema().$id).toBe('https://pipepilot.dev/schemas/pipeline.schema.json');
  });
});
