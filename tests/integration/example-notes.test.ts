import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { projectRoot } from '../helpers/temp-project.js';

describe('the gapminder example, run as a new user runs it', () => {
  it('prints no collinearity note: one-hot columns plus an intercept are collinear by construction, not a problem', async () => {
    const out = join(projectRoot, '.pipepilot', 'test-runs', 'gapminder-notes');
    const res = await runCli(['run', 'pipelines/gapminder.yaml', '--out', out], projectRoot);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout + res.stderr).not.toMatch(/collinear/);
    expect(res.stdout).toMatch(/gates: 2 passed, 0 failed/);
  });
});
