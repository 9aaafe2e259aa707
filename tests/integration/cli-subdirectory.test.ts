import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { bcData, smallPipeline } from '../helpers/registry-fixtures.js';
import { tempRepo } from '../helpers/temp-repo.js';

describe('pipepilot run from a subdirectory of the repository', () => {
  it('reads the pipeline relative to the current directory, data.source relative to the root, and writes .pipepilot/ at the root', async () => {
    const repo = tempRepo({ 'pipelines/p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    const sub = join(repo.dir, 'pipelines');
    const res = await runCli(['run', 'p.yaml', '-q'], sub);
    expect(res.code, res.stderr).toBe(0);
    expect(existsSync(join(repo.dir, '.pipepilot/runs/bc/metrics.json'))).toBe(true);
    expect(existsSync(join(sub, '.pipepilot'))).toBe(false);

    mkdirSync(join(repo.dir, 'notebooks'));
    const missing = await runCli(['run', 'p.yaml', '-q'], join(repo.dir, 'notebooks'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/notebooks\/p\.yaml: no such file/);
    expect(missing.stderr).toMatch(/paths on the command line to the current directory/);
  });
});
