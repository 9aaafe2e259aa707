import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGit } from '../../src/git/simple-git-client.js';
import { tempRepo } from '../helpers/temp-repo.js';

describe('git: reading files at a ref and a file\'s log', () => {
  it('shows a file as it was, says undefined where it was not, and lists the commits that changed it', async () => {
    const repo = tempRepo({ 'models/m/deployments/production.yaml': 'model: m\nversion: 1\n' });
    const git = await createGit(repo.dir);
    const first = (await git.status()).head!;
    writeFileSync(join(repo.dir, 'models/m/deployments/production.yaml'), 'model: m\nversion: 2\n');
    await git.commitFiles(['models/m/deployments/production.yaml'], 'promote m v2 to production\n\nwith a body | and odd chars');
    expect(await git.tryShowFile(first, 'models/m/deployments/production.yaml')).toBe('model: m\nversion: 1\n');
    expect(await git.tryShowFile('HEAD', 'models/m/deployments/production.yaml')).toBe('model: m\nversion: 2\n');
    expect(await git.tryShowFile('HEAD', 'models/m/deployments/staging.yaml')).toBeUndefined();
    const log = await git.fileLog('models/m/deployments/production.yaml');
    expect(log.map((c) => c.subject)).toEqual(['promote m v2 to production', expect.any(String)]);
    expect(log[1].commit).toBe(first);
    expect(log[0].parents).toEqual([first]);
    expect(Date.parse(log[0].committedAt)).not.toBeNaN();
    await expect(git.tryShowFile('no-such-ref', 'x')).resolves.toBeUndefined();
  });
});
