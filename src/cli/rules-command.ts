import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { alertRules, rulesYaml } from '../monitor/alert-rules.js';
import { assertEnvName } from '../registry/layout.js';
import { loadSpec } from '../spec/load-spec.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';
import { findRepoRoot } from './node-files.js';

export interface RulesOptions {
  env?: string;
  out?: string;
  operator?: boolean;
}

/** `pipepilot rules`: Prometheus alerting rules from every pipeline in `pipelines/`; exit 2 when one is invalid or there are none. */
export async function rulesCommand(io: CliIo, opts: RulesOptions): Promise<number> {
  try {
    const env = assertEnvName(opts.env ?? 'production');
    const root = findRepoRoot(io.cwd);
    let names: string[];
    try {
      names = readdirSync(join(root, 'pipelines')).filter((f) => /\.ya?ml$/.test(f)).sort();
    } catch {
      names = [];
    }
    if (names.length === 0) throw new UsageError(`no pipelines in ${join(root, 'pipelines')}/`, { hint: 'pipepilot rules reads pipelines/*.yaml for their deploy policies.' });
    const specs = names.map((name) => loadSpec(readFileSync(join(root, 'pipelines', name), 'utf8'), { file: `pipelines/${name}`, root }).spec);
    const text = rulesYaml(alertRules(specs, env), { env, ...(opts.operator ? { operator: true } : {}) });
    if (opts.out) {
      writeFileSync(resolve(io.cwd, opts.out), text);
      io.stderr(`wrote ${opts.out}: ${specs.length * 5} rules for ${specs.map((s) => s.name).join(', ')}\n`);
    } else io.stdout(text);
    return EXIT.ok;
  } catch (err) {
    return reportError(io, err);
  }
}
