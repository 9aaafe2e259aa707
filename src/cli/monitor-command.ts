import { UsageError } from '../errors.js';
import { createGit } from '../git/simple-git-client.js';
import { gatherEvidence, sendWebhook, sourceUrl } from '../fetch/monitor-sources.js';
import { evidenceMarkdown } from '../monitor/evidence-table.js';
import { monitor, type ModelOutcome } from '../use-cases/monitor.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';
import { findRepoRoot } from './node-files.js';

export interface MonitorOptions {
  env?: string;
  server?: string[];
  prometheus?: string;
  model?: string;
  dryRun?: boolean;
  json?: boolean;
  timeoutSeconds?: string;
}

/**
 * `pipepilot monitor`: one pass of the control loop over the servers named. Exit 0 when it acted
 * or held, 2 on bad input (a server that does not answer, a bad policy). The webhook URL comes
 * from the environment variable the pipeline names and is never printed.
 */
export async function monitorCommand(io: CliIo, opts: MonitorOptions): Promise<number> {
  try {
    const servers = (opts.server ?? []).map((s) => sourceUrl(s, '--server'));
    const prometheus = opts.prometheus === undefined ? undefined : sourceUrl(opts.prometheus, '--prometheus');
    if ((servers.length === 0) === (prometheus === undefined)) {
      throw new UsageError('name the evidence source: --server URL (one per replica) or --prometheus URL, not both', { hint: 'e.g. pipepilot monitor --server http://10.0.0.5:8080 --server http://10.0.0.6:8080' });
    }
    const seconds = (opts.timeoutSeconds ?? '10').trim();
    if (!/^[1-9][0-9]{0,2}$/.test(seconds)) throw new UsageError(`--timeout-seconds must be a whole number from 1 to 999, got '${opts.timeoutSeconds}'`);
    const timeoutMs = 1000 * Number(seconds);
    const git = await createGit(findRepoRoot(io.cwd));
    const log = { info: (s: string) => io.stderr(s + '\n'), warn: (s: string) => io.stderr(`warning: ${s}\n`) };
    const outcomes = await monitor(
      {
        git, log, notify: (alert) => sendWebhook(io.env, alert, log.warn),
        gather: gatherEvidence({ servers, prometheus }, timeoutMs),
      },
      { env: opts.env ?? 'production', ...(opts.model !== undefined ? { model: opts.model } : {}), dryRun: opts.dryRun === true },
    );
    if (opts.json) io.stdout(JSON.stringify({ dry_run: opts.dryRun === true, outcomes }, null, 2) + '\n');
    else for (const o of outcomes) io.stdout(describeOutcome(o, opts.dryRun === true) + '\n');
    return EXIT.ok;
  } catch (err) {
    return reportError(io, err);
  }
}

function describeOutcome(o: ModelOutcome, dryRun: boolean): string {
  const w = o.written;
  const wrote = dryRun ? 'dry run: nothing written'
    : !w ? 'nothing to write'
      : w.action === 'unchanged' ? `${w.branch ?? 'the branch'} already holds this decision; nothing new written`
        : w.action === 'refused' ? `refused: ${w.message ?? ''}`
          : `${w.action} branch ${w.branch} (commit ${w.commit?.slice(0, 12)})${w.branch ? `; next: git push -f origin ${w.branch}, then open a pull request` : ''}`;
  return `${evidenceMarkdown(o.decision, o.env)}\n\n${wrote}${o.alerted ? '; alert sent' : ''}\n`;
}
