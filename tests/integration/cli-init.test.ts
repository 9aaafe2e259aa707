import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workflowTemplate } from '../../src/cli/init-files.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { bcData } from '../helpers/registry-fixtures.js';
import { projectRoot } from '../helpers/temp-project.js';
import { tempRepo } from '../helpers/temp-repo.js';

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('pipepilot init', () => {
  it('in an empty repository: a starter pipeline with the features written out that validates and runs, the workflow, .gitignore and the schema its $schema names', async () => {
    const repo = tempRepo({ 'data/bc.csv': bcData });
    const res = await runCli(['init', 'data/bc.csv', '--target', 'diagnosis', '--action', 'acme/pipepilot@v0.1.0'], repo.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/))).toEqual([
      ['created', 'pipelines/bc.yaml'], ['created', '.github/workflows/pipepilot.yml'], ['created', 'schemas/pipeline.schema.json'], ['created', '.gitignore'],
    ]);
    const text = read(repo.dir, 'pipelines/bc.yaml');
    const ref = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];
    expect(ref).toBe('../schemas/pipeline.schema.json');
    // The reference resolves in the user's repository, to the schema this PipePilot validates with.
    expect(read(join(repo.dir, 'pipelines'), ref!)).toBe(read(projectRoot, 'schemas/pipeline.schema.json'));
    const spec = parse(text);
    expect(spec.data.features.infer).toBe(false);
    expect(spec.data.features.numeric.length).toBeGreaterThan(3);
    expect(spec.model.task).toBe('binary_classification');
    expect(read(repo.dir, '.gitignore')).toMatch(/^\.pipepilot\/$/m);
    const workflow = read(repo.dir, '.github/workflows/pipepilot.yml');
    expect(workflow).toContain('uses: acme/pipepilot@v0.1.0');
    expect(workflow).toContain("paths: ['pipelines/**', 'data/**', '.github/workflows/pipepilot.yml']");
    expect((await runCli(['validate'], repo.dir)).code).toBe(0);
    const run = await runCli(['run', 'pipelines/bc.yaml', '-q'], repo.dir);
    expect(run.code, run.stderr).toBe(0);

    // Again: nothing changes.
    const again = await runCli(['init', 'data/bc.csv', '--target', 'diagnosis', '--action', 'acme/pipepilot@v0.1.0'], repo.dir);
    expect(again.code).toBe(0);
    expect(again.stdout.match(/^unchanged /gm)).toHaveLength(4);
    expect(read(repo.dir, '.gitignore').match(/\.pipepilot\//g)).toHaveLength(1);
  });

  it('with each file already there and different: kept without --force, overwritten with it; .gitignore only gains the line', async () => {
    const repo = tempRepo({ 'data/bc.csv': bcData, '.gitignore': 'node_modules/' });
    const mine = { 'pipelines/bc.yaml': 'name: mine\n', '.github/workflows/pipepilot.yml': 'name: mine\n', 'schemas/pipeline.schema.json': '{}\n' };
    for (const [path, text] of Object.entries(mine)) {
      mkdirSync(join(repo.dir, path, '..'), { recursive: true });
      writeFileSync(join(repo.dir, path), text);
    }
    const res = await runCli(['init', 'data/bc.csv', '--target', 'diagnosis'], repo.dir);
    expect(res.code, res.stderr).toBe(0);
    for (const [path, text] of Object.entries(mine)) {
      expect(read(repo.dir, path)).toBe(text);
      expect(res.stdout).toContain(`kept        ${path} (exists and differs; --force to overwrite)`);
    }
    expect(res.stdout).toContain('updated     .gitignore');
    expect(read(repo.dir, '.gitignore')).toBe("node_modules/\n# PipePilot's local run bundles\n.pipepilot/\n");

    const forced = await runCli(['init', 'data/bc.csv', '--target', 'diagnosis', '--force'], repo.dir);
    expect(forced.code).toBe(0);
    for (const path of Object.keys(mine)) expect(forced.stdout).toContain(`overwritten ${path}`);
    expect(forced.stdout).toContain('unchanged   .gitignore');
    expect(parse(read(repo.dir, 'pipelines/bc.yaml')).name).toBe('bc');
    expect(read(repo.dir, '.gitignore')).toBe("node_modules/\n# PipePilot's local run bundles\n.pipepilot/\n");
  });

  it('bad input: a missing file, an unknown target (with did-you-mean), a file outside the repository — exit 2, nothing written', async () => {
    const repo = tempRepo({ 'data/bc.csv': bcData });
    for (const [args, message] of [
      [['init', 'data/nope.csv'], /data\/nope\.csv: no such file/],
      [['init', 'data/bc.csv', '--target', 'diagnosys'], /target 'diagnosys' is not a column of the data \(did you mean 'diagnosis'\?\)/],
      [['init', '../outside.csv'], /outside the repository/],
    ] as const) {
      const res = await runCli([...args], repo.dir);
      expect(res.code, res.stdout).toBe(2);
      expect(res.stderr).toMatch(message);
      expect(looksLikeStackTrace(res.stderr)).toBe(false);
    }
    for (const path of ['pipelines', '.github', 'schemas', '.gitignore']) expect(existsSync(join(repo.dir, path)), path).toBe(false);
  });

  it("docs/action.md shows the workflow init writes, byte for byte", () => {
    const doc = read(projectRoot, 'docs/action.md');
    const block = /`\.github\/workflows\/pipepilot\.yml`:\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBe(workflowTemplate());
  });
});
