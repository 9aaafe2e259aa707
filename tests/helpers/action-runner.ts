import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { GitHubStandIn } from './github-stand-in.js';
import { projectRoot } from './temp-project.js';

export interface ActionResult {
  code: number;
  stdout: string;
  stderr: string;
  /** What the action wrote to GITHUB_OUTPUT, by name. */
  outputs: Record<string, string>;
  /** What it wrote to GITHUB_STEP_SUMMARY. */
  summary: string;
}

export interface ActionRunner {
  /** RUNNER_TEMP, shared by every run of this runner (the local run-bundle store lives in it, like artifacts in one repository). */
  runnerTemp: string;
  /** `env`: the step's extra environment (a workflow's `env:`, e.g. a webhook URL from a secret). */
  run(req: { event: string; payload: Record<string, unknown>; inputs?: Record<string, string>; sha: string; ref: string; runId?: number; env?: Record<string, string> }): Promise<ActionResult>;
}

/**
 * Runs the committed, bundled `dist/index.js` as its own process, the way a runner does: inputs
 * as INPUT_* variables (GitHub's spelling: upper-case, spaces as `_`, hyphens kept), the event
 * payload in a file named by GITHUB_EVENT_PATH, fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, and the REST API at the loopback stand-in. Asynchronous, so the stand-in in this
 * process can answer. PIPEPILOT_SKIP_NATIVE keeps it from trying npm (no network in tests);
 * without ACTIONS_RUNTIME_TOKEN it keeps run bundles in a directory instead of artifacts.
 */
export function actionRunner(opts: { workspace: string; standIn: GitHubStandIn }): ActionRunner {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'pipepilot-runner-'));
  onTestFinished(() => rmSync(runnerTemp, { recursive: true, force: true }));
  let n = 0;
  return {
    runnerTemp,
    async run(req) {
      const id = ++n;
      const eventPath = join(runnerTemp, `event-${id}.json`);
      const outputPath = join(runnerTemp, `output-${id}`);
      const summaryPath = join(runnerTemp, `summary-${id}.md`);
      writeFileSync(eventPath, JSON.stringify(req.payload));
      writeFileSync(outputPath, '');
      writeFileSync(summaryPath, '');
      const inputs = Object.fromEntries(
        Object.entries({ 'github-token': opts.standIn.token, ...req.inputs }).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]),
      );
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: req.event,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: `${opts.standIn.owner}/${opts.standIn.repo}`,
        GITHUB_SHA: req.sha,
        GITHUB_REF: req.ref,
        GITHUB_WORKSPACE: opts.workspace,
        GITHUB_OUTPUT: outputPath,
        GITHUB_STEP_SUMMARY: summaryPath,
        GITHUB_API_URL: opts.standIn.baseUrl,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: String(req.runId ?? 1000 + id),
        RUNNER_TEMP: runnerTemp,
        PIPEPILOT_SKIP_NATIVE: '1',
        ...req.env,
        ...inputs,
      };
      const { code, stdout, stderr } = await spawnNode([join(projectRoot, 'dist', 'index.js')], { cwd: opts.workspace, env });
      return { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputPath, 'utf8')), summary: readFileSync(summaryPath, 'utf8') };
    },
  };
}

/**
 * A run of the action may take this long (a few tfjs fits on small data; generous for a loaded
 * machine). Past it the process is killed and the test fails saying so, instead of the test
 * timing out and leaving the process running.
 */
const RUN_KILL_TIMEOUT_MS = 120_000;

function spawnNode(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], timeout: RUN_KILL_TIMEOUT_MS, killSignal: 'SIGKILL' });
    // A test that ends first (its own timeout, a failed assertion elsewhere) takes the process with it.
    onTestFinished(() => void child.kill('SIGKILL'));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && code === null) {
        reject(new Error(`the action was killed after ${RUN_KILL_TIMEOUT_MS / 1000} s without finishing\n--- stdout\n${stdout.slice(-4000)}\n--- stderr\n${stderr.slice(-4000)}`));
      } else resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** GITHUB_OUTPUT's format: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const end = lines.indexOf(m[2], i + 1);
      out[m[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

/** A pull_request event payload, with the fields GitHub sends that the action reads. */
export function pullRequestPayload(standIn: GitHubStandIn, pr: { number: number; baseSha: string; headSha: string; headRef?: string; fork?: boolean; action?: string }): Record<string, unknown> {
  const full = `${standIn.owner}/${standIn.repo}`;
  return {
    action: pr.action ?? 'opened',
    number: pr.number,
    pull_request: {
      number: pr.number,
      base: { sha: pr.baseSha, ref: 'main', repo: { full_name: full } },
      head: { sha: pr.headSha, ref: pr.headRef ?? 'change', repo: { full_name: pr.fork ? `someone/${standIn.repo}` : full } },
    },
    repository: { full_name: full, default_branch: 'main' },
    sender: { login: 'octocat' },
  };
}

export function pushPayload(standIn: GitHubStandIn, push: { before: string; after: string }): Record<string, unknown> {
  return {
    ref: 'refs/heads/main',
    before: push.before,
    after: push.after,
    repository: { full_name: `${standIn.owner}/${standIn.repo}`, default_branch: 'main' },
    sender: { login: 'octocat' },
  };
}
