import { describe, expect, it } from 'vitest';
import { manifestYaml } from '../helpers/registry-fixtures.js';
import { commitAndPush, deployedRepo, startServer } from '../helpers/serve-fixtures.js';

// One repository for both scenarios: neither changes what production serves for the other.
describe('serve: an environment with nothing deployed, and refusals counted once', () => {
  it('serve --env qa with no qa manifest warns at start naming the environments that exist, and /readyz stays 503 until one is merged', async () => {
    const repo = await deployedRepo();
    const qa = await startServer(repo, { env: 'qa' });
    const warnings = qa.logs.filter((l) => l.startsWith('warning: '));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/no manifest names environment 'qa' at [0-9a-f]{12} \(no models\/\*\/deployments\/qa\.yaml\); environments with manifests: production/);
    const before = await qa.get('/readyz');
    expect(before.status).toBe(503);
    expect(JSON.parse(before.text)).toMatchObject({ ready: false, why: [expect.stringMatching(/environment 'qa'/)] });
    // Polling again warns no more.
    await qa.app.refresh();
    expect(qa.logs.filter((l) => l.startsWith('warning: '))).toHaveLength(1);

    commitAndPush(repo, 'models/bc/deployments/qa.yaml', manifestYaml('bc', 1), 'deploy bc v1 to qa');
    await qa.app.refresh();
    const after = await qa.get('/readyz');
    expect(after.status, after.text).toBe(200);

    const typo = await startServer(repo, { env: 'prodution' });
    expect(typo.logs.join('\n')).toMatch(/environments with manifests: production, qa \(did you mean 'production'\?\)/);
    expect((await typo.get('/readyz')).status).toBe(503);
  });

  it('a refused manifest is warned about and counted in pipepilot_model_load_failures_total once per revision, not on every poll', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', 9), 'deploy a version that does not exist');
    for (let poll = 0; poll < 3; poll++) {
      const report = await server.app.refresh();
      expect(report.models[0]).toMatchObject({ action: 'kept', problem: expect.stringMatching(/v9: refused/) });
    }
    const failures = () => server.get('/metrics').then((r) => /pipepilot_model_load_failures_total\{model="bc",version="9"\} (\d+)/.exec(r.text)?.[1]);
    expect(await failures()).toBe('1');
    expect(server.logs.filter((l) => /v9: refused/.test(l))).toHaveLength(1);
    // A new revision is tried again (it could hold the fix), and counted again if it still fails.
    commitAndPush(repo, 'README.md', 'unrelated\n', 'an unrelated commit');
    await server.app.refresh();
    expect(await failures()).toBe('2');
    expect((await server.get('/readyz')).status).toBe(200);
  });
});
