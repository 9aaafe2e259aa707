import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { registeredRepo } from '../helpers/deployment-fixtures.js';
import type { TempRepo } from '../helpers/temp-repo.js';

/** `versions` tiny versions of bc registered (a copy of the run's template: see templateRepo). */
function registered(versions = 1): Promise<TempRepo> {
  return registeredRepo(versions);
}

function manifest(repo: TempRepo, env: string, text: string): void {
  mkdirSync(join(repo.dir, 'models/bc/deployments'), { recursive: true });
  writeFileSync(join(repo.dir, `models/bc/deployments/${env}.yaml`), text);
}

describe('pipepilot verify', () => {
  it('a clean registry verifies: exit 0, versions and manifests counted', async () => {
    const repo = await registered(2);
    manifest(repo, 'production', 'model: bc\nversion: 1\ncanary: {version: 2, weight: 10}\nreason: first release\n');
    const res = await runCli(['verify'], repo.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/bc: 2 version\(s\), 1 manifest\(s\)/);
    expect((await runCli(['verify', 'bc'], repo.dir)).code).toBe(0);
  });

  it('a tampered weights.bin or preprocessor.json fails verify and predict, naming the file', async () => {
    const repo = await registered();
    manifest(repo, 'production', 'model: bc\nversion: 1\nreason: first\n');
    appendFileSync(join(repo.dir, 'models/bc/v1/weights.bin'), new Uint8Array([0]));
    const verify = await runCli(['verify'], repo.dir);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/^models\/bc\/v1\/weights\.bin: digest sha256:[0-9a-f]{64} does not match metadata\.json/m);
    for (const args of [['--version', '1'], ['--env', 'production'], []]) {
      const predict = await runCli(['predict', '--model', 'bc', ...args, '--input', 'data/bc.csv'], repo.dir);
      expect(predict.code).toBe(2);
      expect(predict.stderr).toMatch(/models\/bc\/v1\/weights\.bin: digest .* refusing to load bc v1/);
      expect(predict.stdout).toBe('');
    }

    // The preprocessor is checked as strictly: a plausible edit (valid JSON, one fill value
    // changed, so predictions would silently shift) is refused on load too.
    repo.git(repo.dir, 'checkout', '--', 'models/bc/v1/weights.bin');
    const preprocessorPath = join(repo.dir, 'models/bc/v1/preprocessor.json');
    const preprocessor = JSON.parse(readFileSync(preprocessorPath, 'utf8'));
    preprocessor.numeric[0].fill += 1;
    writeFileSync(preprocessorPath, `${JSON.stringify(preprocessor, null, 2)}\n`);
    const predict = await runCli(['predict', '--model', 'bc', '--version', '1', '--input', 'data/bc.csv'], repo.dir);
    expect(predict.code).toBe(2);
    expect(predict.stderr).toMatch(/models\/bc\/v1\/preprocessor\.json: digest .* refusing to load bc v1/);
    expect(predict.stdout).toBe('');
  });

  it('a missing artifact, an extra file and a swapped metadata are all reported', async () => {
    const repo = await registered(2);
    renameSync(join(repo.dir, 'models/bc/v1/card.md'), join(repo.dir, 'models/bc/v1/notes.md'));
    writeFileSync(join(repo.dir, 'models/bc/v2/metadata.json'), JSON.stringify({ model: 'bc', version: 2 }));
    const res = await runCli(['verify'], repo.dir);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^models\/bc\/v1\/card\.md: missing/m);
    expect(res.stderr).toMatch(/^models\/bc\/v1\/notes\.md: not part of a registered version/m);
    expect(res.stderr).toMatch(/^models\/bc\/v2\/metadata\.json: not a valid metadata document/m);
  });

  const badManifests: [string, string, RegExp][] = [
    ['names a version that does not exist', 'model: bc\nversion: 9\nreason: r\n', /version 9 does not exist/],
    ['names a canary version that does not exist', 'model: bc\nversion: 1\ncanary: {version: 5, weight: 10}\nreason: r\n', /canary\.version 5 does not exist/],
    ['is malformed YAML', 'model: bc\nversion: [1\n', /not valid YAML/],
    ['has a __proto__ key', 'model: bc\nversion: 1\nreason: r\n__proto__: {polluted: true}\n', /must NOT have additional properties '__proto__'/],
    ['has a duplicate key', 'model: bc\nversion: 1\nversion: 2\nreason: r\n', /not valid YAML/],
    ['names another model', 'model: churn\nversion: 1\nreason: r\n', /names model 'churn'/],
    ['has a canary weight of 100', 'model: bc\nversion: 1\ncanary: {version: 1, weight: 100}\nreason: r\n', /canary\.weight must be < 100/],
    ['has no reason', 'model: bc\nversion: 1\n', /must have required property 'reason'/],
  ];
  for (const [what, text, message] of badManifests) {
    it(`a manifest that ${what} fails verify (exit 1, naming the file)`, async () => {
      const repo = await registered();
      manifest(repo, 'production', text);
      const res = await runCli(['verify'], repo.dir);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(new RegExp(`^models/bc/deployments/production\\.yaml: .*${message.source}`, 'm'));
      expect(looksLikeStackTrace(res.stderr)).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('entries that are not vN directories (v01, latest, a stray file) and a bad manifest name are reported', async () => {
    const repo = await registered();
    for (const d of ['v01', 'latest', 'v0']) mkdirSync(join(repo.dir, 'models/bc', d));
    writeFileSync(join(repo.dir, 'models/bc/README'), 'x');
    manifest(repo, 'Prod', 'model: bc\nversion: 1\nreason: r\n');
    renameSync(join(repo.dir, 'models/bc/deployments/Prod.yaml'), join(repo.dir, 'models/bc/deployments/Prod.yml'));
    const res = await runCli(['verify'], repo.dir);
    expect(res.code).toBe(1);
    for (const f of ['v01', 'latest', 'v0', 'README']) expect(res.stderr).toMatch(new RegExp(`^models/bc/${f}: not a version directory`, 'm'));
    expect(res.stderr).toMatch(/^models\/bc\/deployments\/Prod\.yml: not a manifest/m);
  });

  it('an unknown model and a model name with ../ are bad input (exit 2)', async () => {
    const repo = await registered();
    const unknown = await runCli(['verify', 'churn'], repo.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown model 'churn'.*\n.*Registered models: bc/);
    const escape = await runCli(['verify', '../bc'], repo.dir);
    expect(escape.code).toBe(2);
    expect(escape.stderr).toMatch(/'\.\.\/bc' is not a model name/);
  });
});

describe('pipepilot predict through the registry', () => {
  it('--model NAME follows the production manifest; --version N picks a version; a directory still works', async () => {
    const repo = await registered(2);
    manifest(repo, 'production', 'model: bc\nversion: 2\nreason: r\n');
    const byEnv = await runCli(['predict', '--model', 'bc', '--env', 'production', '--input', 'data/bc.csv'], repo.dir);
    expect(byEnv.code, byEnv.stderr).toBe(0);
    expect(byEnv.stderr).toMatch(/model: bc v2 \(production\)/);
    expect(byEnv.stdout.trim().split('\n')).toHaveLength(569);
    const byVersion = await runCli(['predict', '--model', 'bc', '--version', '1', '--input', 'data/bc.csv'], repo.dir);
    expect(byVersion.code).toBe(0);
    expect(byVersion.stderr).toMatch(/model: bc v1/);
    const byDir = await runCli(['predict', '--model', 'models/bc/v1', '--input', 'data/bc.csv'], repo.dir);
    expect(byDir.code).toBe(0);
    expect(byDir.stdout).toBe(byVersion.stdout);
  });

  it('bad references exit 2 with the reason: unknown model, missing version, no manifest, both --env and --version, version 0', async () => {
    const repo = await registered();
    const cases: [string[], RegExp][] = [
      [['--model', 'churn'], /unknown model 'churn'/],
      [['--model', 'bc', '--version', '7'], /bc has no version 7/],
      [['--model', 'bc', '--env', 'staging'], /not deployed to staging/],
      [['--model', 'bc', '--env', 'production', '--version', '1'], /--env or --version, not both/],
      [['--model', 'bc', '--version', '0'], /expected a version number/],
      [['--model', 'bc', '--env', '../x'], /not an environment name/],
      [['--model', '../../etc'], /\.\.\/\.\.\/etc: no such directory/],
    ];
    for (const [args, message] of cases) {
      const res = await runCli(['predict', ...args, '--input', 'data/bc.csv'], repo.dir);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toMatch(message);
      expect(looksLikeStackTrace(res.stderr)).toBe(false);
    }
  });
});
