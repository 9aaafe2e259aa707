import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { EXIT, reportError, type CliIo } from './cli-io.js';

const BACKENDS = ['tensorflow', 'wasm', 'cpu'] as const;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const defaultIo = (): CliIo => ({
  cwd: process.cwd(),
  env: process.env,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
});

/**
 * The `pipepilot` command. Parses, calls one use case, prints, and returns the exit code.
 * Heavy modules (tfjs, parquet) are imported inside the commands so `validate` and `--help` stay fast.
 */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  let code: number = EXIT.ok;
  const version = packageVersion();
  const program = new Command()
    .name('pipepilot')
    .description('Train, evaluate and gate models from pipeline YAML; git is the registry.')
    .version(version)
    // Root options only before the command: `predict --version 3` is the model version, not ours.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);

  // First contact (issue 14): a starter pipeline, the workflow, .gitignore and the schema.
  program
    .command('init')
    .description('write a starter pipeline for a data file (features written out), the workflow, .gitignore entries and the pipeline schema; never overwrites without --force')
    .argument('[file]', 'the data file to start from (csv, json, jsonl, parquet), inside the repository')
    .option('--target <column>', 'the column to predict (default: the last column)')
    .option('--action <ref>', 'the action reference for the workflow (default <owner>/pipepilot@v1)')
    .option('--force', 'overwrite files that exist and differ')
    .action(async (file: string | undefined, opts: { target?: string; action?: string; force?: boolean }) => {
      const { initCommand } = await import('./init-command.js');
      code = await initCommand(io, { file, ...opts });
    });

  program
    .command('validate')
    .description('check pipeline files against the schema and semantic rules (default: pipelines/*.yaml)')
    .argument('[files...]', 'pipeline files')
    .action(async (files: string[]) => {
      const { validateCommand } = await import('./validate-command.js');
      code = await validateCommand(io, files);
    });

  program
    .command('run')
    .description('train, evaluate and gate one pipeline; writes metrics.json, report.md and model/')
    .argument('<pipeline>', 'pipeline YAML, e.g. pipelines/breast-cancer.yaml')
    .option('--out <dir>', 'output directory (default .pipepilot/runs/<name>)')
    .option('--json', 'print metrics.json to stdout instead of a summary')
    .addOption(new Option('--backend <name>', 'tfjs backend (default: env PIPEPILOT_BACKEND, else the best available)').choices(BACKENDS))
    .option('-q, --quiet', 'no progress output')
    .option('--baseline-ref <ref>', 'gate `vs: production` against the version production.yaml names at this commit (default HEAD; in CI the PR\'s base)')
    .action(async (pipeline: string, opts: { out?: string; json?: boolean; backend?: string; quiet?: boolean; baselineRef?: string }) => {
      const { runCommand } = await import('./run-command.js');
      code = await runCommand(io, { pipeline, version, ...opts });
    });

  program
    .command('tune')
    .description('hyperparameter search over the pipeline\'s tune: section; `tune merge DIR…` combines shards (docs/tuning.md)')
    .argument('<pipeline>', 'pipeline YAML with a tune: section, or `merge` followed by shard directories')
    .argument('[dirs...]', 'with merge: the --out directories of the shards')
    .option('--trials <n>', 'number of trials (default tune.trials)')
    .option('--timeout <seconds>', 'start no new trial group after this long')
    .option('--workers <n>', 'worker threads running trials (default: the cores)')
    .option('--shard <i/n>', 'run only the trials whose number is i mod n (a CI matrix job)')
    .option('--out <dir>', 'study directory (default .pipepilot/tune/<name>)')
    .option('--json', 'print the outcome as JSON')
    .option('--resume', 'continue the study in --out, skipping its finished trials')
    .option('--propose', 'rewrite model.params in the pipeline with the best trial (comments and layout kept)')
    .option('-q, --quiet', 'no progress output')
    .action(async (pipeline: string, dirs: string[], opts: { trials?: string; timeout?: string; workers?: string; shard?: string; out?: string; json?: boolean; resume?: boolean; propose?: boolean; quiet?: boolean }) => {
      if (pipeline === 'merge') {
        const { tuneMergeCommand } = await import('./tune-merge-command.js');
        code = await tuneMergeCommand(io, { dirs, version, out: opts.out, json: opts.json, propose: opts.propose, quiet: opts.quiet });
        return;
      }
      const { tuneCommand } = await import('./tune-command.js');
      code = dirs.length > 0
        ? reportError(io, new (await import('../errors.js')).UsageError(`tune takes one pipeline, got ${dirs.length + 1} arguments`, { hint: 'to combine shards: pipepilot tune merge DIR…' }))
        : await tuneCommand(io, { pipeline, version, ...opts });
    });

  program
    .command('predict')
    .description('score a CSV/JSON/JSONL/Parquet file with a saved model, through its saved preprocessor')
    .requiredOption('--model <dir|name>', 'a model directory (holding model.json), a run output directory, or a registered model name')
    .requiredOption('--input <file>', 'records to score')
    .option('--env <env>', 'with a model name: the version this environment\'s manifest names (default production)')
    .option('--version <n>', 'with a model name: this registered version')
    .option('--output <file>', 'write predictions here (.csv, .jsonl or .json); default: JSON Lines on stdout')
    .addOption(new Option('--backend <name>', 'tfjs backend').choices(BACKENDS))
    .option('--explain', 'gbdt: add each row\'s TreeSHAP contributions (they sum with expected_value to the margin)')
    .action(async (opts: { model: string; input: string; env?: string; version?: string; output?: string; backend?: string; explain?: boolean }) => {
      const { predictCommand } = await import('./predict-command.js');
      code = await predictCommand(io, opts);
    });

  program
    .command('register')
    .description('run a pipeline (or reuse a matching run) and commit it as models/<name>/v<N>/')
    .argument('<pipeline>', 'pipeline YAML, e.g. pipelines/breast-cancer.yaml')
    .option('--from-run <dir>', 'register this `run --out` directory instead of training (checked against the pipeline, data, code and backend)')
    .option('--push', 'push the commit; a lost race takes the next free version and retries')
    .option('--remote <name>', 'remote to push to', 'origin')
    .option('--force', 'register even though gates failed (needs --reason)')
    .option('--reason <text>', 'why failed gates are acceptable; recorded in the version and the commit')
    .addOption(new Option('--backend <name>', 'tfjs backend (default: env PIPEPILOT_BACKEND, else the best available)').choices(BACKENDS))
    .option('-q, --quiet', 'no progress output')
    .option('--baseline-ref <ref>', 'gate `vs: production` against the version production.yaml names at this commit (default HEAD)')
    .action(async (pipeline: string, opts: { fromRun?: string; push?: boolean; remote?: string; force?: boolean; reason?: string; backend?: string; quiet?: boolean; baselineRef?: string }) => {
      const { registerCommand } = await import('./register-command.js');
      code = await registerCommand(io, { pipeline, version, ...opts });
    });

  program
    .command('verify')
    .description('check every registered version against its digests and every manifest against the versions')
    .argument('[model]', 'only this model')
    .action(async (model: string | undefined) => {
      const { verifyCommand } = await import('./verify-command.js');
      code = await verifyCommand(io, model);
    });

  // Promote and rollback (registry issue: deployment manifests on a branch, ready for a pull request).
  program
    .command('promote')
    .description('change an environment\'s manifest to a verified version, as one commit on a deploy branch (default pipepilot/deploy/<model>/<env>)')
    .argument('<model>', 'registered model name')
    .requiredOption('--version <n>', 'the version to deploy')
    .requiredOption('--env <env>', 'the environment, e.g. staging or production (order: the pipeline\'s deploy.environments)')
    .option('--canary <weight>', 'keep the current version and send this percent (1-99) of traffic to the new one')
    .option('--branch <name>', 'the branch to write (created or reset from HEAD)')
    .option('--reason <text>', 'why; recorded in the manifest and the commit')
    .option('--force', 'skip the environment order (needs --reason; never skips verification)')
    .action(async (model: string, opts: { version: string; env: string; canary?: string; branch?: string; reason?: string; force?: boolean }) => {
      const { promoteCommand } = await import('./promote-command.js');
      code = await promoteCommand(io, { model, ...opts });
    });

  program
    .command('rollback')
    .description('take the newest version (the canary, else the main one) out of an environment with git revert, as one commit on a branch (default pipepilot/rollback/<model>/<env>)')
    .argument('<model>', 'registered model name')
    .requiredOption('--env <env>', 'the environment, e.g. production')
    .option('--to <n>', 'revert every manifest change made after it last named this version')
    .option('--undo-last', 'revert only the last manifest change (full rollout → canary again)')
    .option('--branch <name>', 'the branch to write (created or reset from HEAD)')
    .action(async (model: string, opts: { env: string; to?: string; undoLast?: boolean; branch?: string }) => {
      const { rollbackCommand } = await import('./rollback-command.js');
      code = await rollbackCommand(io, { model, ...opts });
    });

  // History and diff (registry issue: history, diff, baselines).
  program
    .command('history')
    .description('versions with headline metrics, who registered them and when, and what each environment ran')
    .argument('<model>', 'a registered model name')
    .option('--env <env>', 'only this environment\'s timeline')
    .option('--at <time>', 'as of this time: ISO date or date-time (UTC unless it has an offset), e.g. 2026-11-01T12:00')
    .option('--json', 'the same as JSON')
    .action(async (model: string, opts: { env?: string; at?: string; json?: boolean }) => {
      const { historyCommand } = await import('./history-command.js');
      code = await historyCommand(io, model, opts);
    });

  program
    .command('diff')
    .description('what changed between two versions: params, metrics, data, features (markdown)')
    .argument('<model>', 'a registered model name')
    .argument('<a>', 'a version (3 or v3) or an environment (production)')
    .argument('<b>', 'a version or an environment')
    .option('--json', 'the same as JSON')
    .action(async (model: string, a: string, b: string, opts: { json?: boolean }) => {
      const { diffCommand } = await import('./diff-command.js');
      code = await diffCommand(io, model, a, b, opts);
    });

  // The inference server (serve issue): follows the environment's manifests in git.
  program
    .command('serve')
    .description('serve the models an environment\'s manifests name over HTTP, following git (docs/serving.md)')
    .option('--env <env>', 'the environment whose manifests to follow', 'production')
    .option('--port <n>', 'port to listen on (0: any free one)', '8080')
    .addOption(new Option('--host <host>', 'address to listen on').default('127.0.0.1').env('PIPEPILOT_HOST'))
    // SageMaker starts a bring-your-own container with the argument `serve` (docs/deploy.md).
    .argument('[serve]', 'ignored when it is `serve`, as SageMaker passes it')
    .addOption(new Option('--repo <path|url>', 'the repository holding models/: a local clone (default: the current one) or a remote URL (https, ssh, file://) followed through a cache').env('PIPEPILOT_REPO'))
    .option('--poll-seconds <n>', 'how often to read the manifests from git', '10')
    .addOption(new Option('--backend <name>', 'tfjs backend (default: env PIPEPILOT_BACKEND, else the best available)').choices(BACKENDS))
    .option('--pending-rows <n>', 'predictions per version kept waiting for their label; 0 turns label feedback off (docs/monitoring.md)', '10000')
    .option('--live-window <n>', 'labelled rows, predictions and latencies per version the live metrics are computed over', '10000')
    // Shipping the server (issue 9): remote repositories, shutdown, logs and limits.
    .option('--cache-dir <dir>', 'with --repo URL: where the fetch-only clone lives (default: env PIPEPILOT_CACHE_DIR, else the OS cache dir)')
    .option('--branch <name>', 'with --repo URL: the branch holding the manifests (default: the remote\'s default branch)')
    .option('--drain-seconds <n>', 'on SIGTERM/SIGINT, how long requests in flight may take to finish', '20')
    .option('--log-format <format>', 'text, or json: one JSON line per request', 'text')
    .option('--log-inputs', 'with --log-format json: include the request body (feature values) in each line')
    .option('--max-body-bytes <n>', 'largest body of /predict', String(1024 * 1024))
    .option('--max-batch-body-bytes <n>', 'largest body of /predict/batch and /invocations', String(32 * 1024 * 1024))
    .option('--max-concurrent-requests <n>', 'requests served at once; beyond it 503 (0: no limit)', '256')
    .action(async (word: string | undefined, opts: import('./serve-command.js').ServeOptions) => {
      if (word !== undefined && word !== 'serve') {
        io.stderr(`error: unexpected argument '${word}' (serve takes only options)\n`);
        code = EXIT.badInput;
        return;
      }
      const { serveCommand } = await import('./serve-command.js');
      code = await serveCommand(io, opts);
    });

  // Data tools (issue 10): convert a data file to Parquet with the types a run infers.
  const data = program.command('data').description('data file tools');
  data
    .command('convert')
    .description('convert a CSV/JSON/JSONL file to Parquet, keeping the types PipePilot infers')
    .argument('<in>', 'the data file to read')
    .argument('<out>', 'the .parquet file to write')
    .addOption(new Option('--format <format>', 'format of <in> (default: from its extension)').choices(['csv', 'json', 'jsonl', 'parquet']))
    .option('--missing-values <text...>', 'cell texts read as missing (default: the pipeline default list)')
    .action(async (input: string, output: string, opts: { format?: 'csv' | 'json' | 'jsonl' | 'parquet'; missingValues?: string[] }) => {
      const { dataConvertCommand } = await import('./data-command.js');
      code = await dataConvertCommand(io, input, output, opts);
    });

  // The control loop (issue 8): one pass of live evidence → decision → git change.
  program
    .command('monitor')
    .description('one pass of the rollout control loop: gather the servers\' live evidence, decide, write the decision to git (docs/monitoring.md)')
    .option('--env <env>', 'the environment whose manifests to judge', 'production')
    .option('--server <url...>', 'a pipepilot serve base URL; repeat for every replica (their evidence is added)')
    .option('--prometheus <url>', 'read the evidence from a Prometheus HTTP API that scrapes the servers, instead of --server')
    .option('--model <name>', 'only this model')
    .option('--dry-run', 'print the decisions; write and send nothing')
    .option('--json', 'print the outcomes as JSON')
    .option('--timeout-seconds <n>', 'how long to wait for each server', '10')
    .action(async (opts: { env?: string; server?: string[]; prometheus?: string; model?: string; dryRun?: boolean; json?: boolean; timeoutSeconds?: string }) => {
      const { monitorCommand } = await import('./monitor-command.js');
      code = await monitorCommand(io, opts);
    });

  // Prometheus alerting rules from the pipelines' deploy policies (issue 8).
  program
    .command('rules')
    .description('write Prometheus alerting rules from the pipelines\' deploy policies (docs/monitoring.md)')
    .option('--env <env>', 'the environment, as the rules\' env label', 'production')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--operator', 'wrap the rules in a prometheus-operator PrometheusRule object')
    .action(async (opts: { env?: string; out?: string; operator?: boolean }) => {
      const { rulesCommand } = await import('./rules-command.js');
      code = await rulesCommand(io, opts);
    });

  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0; usage mistakes are bad input.
      return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    return reportError(io, err);
  }
}
