/**
 * The files `pipepilot init` writes besides the pipeline. The workflow is the one docs/action.md
 * shows (a test keeps the two identical), with `<owner>/pipepilot@v1` replaced by the action
 * reference given to init.
 */

export const WORKFLOW_PATH = '.github/workflows/pipepilot.yml';
export const SCHEMA_PATH = 'schemas/pipeline.schema.json';
export const GITIGNORE_LINE = '.pipepilot/';

export function workflowText(opts: { action: string; dataPaths: readonly string[] }): string {
  const paths = ["'pipelines/**'", ...opts.dataPaths.map((p) => `'${p}'`), `'${WORKFLOW_PATH}'`].join(', ');
  return WORKFLOW.replace('<owner>/pipepilot@v1', opts.action).replaceAll("'pipelines/**', 'data/**', '.github/workflows/pipepilot.yml'", paths);
}

const WORKFLOW = `name: pipepilot
on:
  pull_request:
    # Only pipeline and data changes train (list your data folders). With a required status
    # check, a PR outside these paths gets no check at all: require it only if every PR runs it.
    paths: ['pipelines/**', 'data/**', '.github/workflows/pipepilot.yml']
  push:
    # No branch list: the release job below runs on the repository's default branch, whatever its name.
    # models/*/v*/metadata.json: a merged "Register" pull request (protected branch) → the deployment PR.
    paths: ['pipelines/**', 'data/**', '.github/workflows/pipepilot.yml', 'models/*/v*/metadata.json']
  workflow_dispatch:
    inputs:
      command: {description: promote, rollback or release, type: choice, options: [promote, rollback, release], required: true}
      model: {description: model name (promote, rollback), required: false}
      version: {description: 'promote: the version to deploy; rollback: go back to the state that last named it (empty: take the newest version out)', required: false}
      environment: {description: environment, required: true, default: staging}
      canary-weight: {description: canary percent (promote), required: false}
      undo-last: {description: 'rollback: revert only the last manifest change', type: boolean, default: false}
permissions: {}          # each job asks for what it needs
concurrency:
  # Pull requests: one check per PR, a new push cancels the older one. Releases (push, or a
  # dispatched release): one group, never cancelled mid-run. Promote / rollback dispatches:
  # a group per run, so a queued one is never cancelled by the next.
  group: >-
    pipepilot-\${{ github.event_name == 'pull_request' && format('pr-{0}', github.event.pull_request.number)
    || (github.event_name == 'push' || inputs.command == 'release') && 'release'
    || format('dispatch-{0}', github.run_id) }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}
jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    timeout-minutes: 30
    permissions:
      contents: read         # the checkout and the baseline at the PR's base
      pull-requests: write   # the sticky comment
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0     # the registry is git history: the baseline at the PR's base
      - uses: <owner>/pipepilot@v1
  release:
    if: github.event_name == 'workflow_dispatch' || github.ref_name == github.event.repository.default_branch
    runs-on: ubuntu-latest
    timeout-minutes: 30
    permissions:
      contents: write        # commit versions to models/, push pipepilot/* branches
      pull-requests: write   # deployment and registration pull requests
      actions: read          # find the pull request's run bundle (artifact) by content key
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0     # version numbers, rollbacks
      - uses: <owner>/pipepilot@v1
        id: pipepilot
        with:
          command: \${{ inputs.command }}          # empty on push: chosen by the event
          model: \${{ inputs.model }}
          version: \${{ inputs.version }}
          environment: \${{ inputs.environment }}
          canary-weight: \${{ inputs.canary-weight }}
          undo-last: \${{ inputs.undo-last }}
          registration: auto                      # push; on a protected branch, a "Register" pull request
`;

export function workflowTemplate(): string {
  return WORKFLOW;
}
