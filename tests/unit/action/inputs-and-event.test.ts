import { describe, expect, it } from 'vitest';
import { commandFor, pullRequestOf, pushRangeOf, type ActionEvent } from '../../../src/action/event.js';
import { parseInputs, readInput } from '../../../src/action/inputs.js';
import { UsageError } from '../../../src/errors.js';

const event = (over: Partial<ActionEvent>): ActionEvent => ({
  name: 'push', payload: {}, owner: 'o', repo: 'r', sha: 'abc', ref: 'refs/heads/main', workspace: '/w', apiUrl: 'http://x', defaultBranch: 'main', ...over,
});

describe('action inputs', () => {
  it('are read as the runner names them (upper-case, hyphens kept) and trimmed; defaults need no configuration', () => {
    expect(readInput({ 'INPUT_GITHUB-TOKEN': ' t ' }, 'github-token')).toBe('t');
    const inputs = parseInputs({ 'INPUT_GITHUB-TOKEN': 't' });
    expect(inputs).toMatchObject({ command: undefined, pipelines: ['pipelines/*.yaml'], token: 't', backend: 'auto', workingDirectory: '.' });
  });

  it('parse lists, numbers and dispatch inputs; the step\'s `with:` wins', () => {
    const inputs = parseInputs(
      { INPUT_PIPELINES: 'a/*.yaml, b/*.yml\nc.yaml', INPUT_VERSION: 'v4', 'INPUT_CANARY-WEIGHT': '10', INPUT_MODEL: 'churn' },
      { model: 'ignored', environment: 'production', command: 'promote' },
    );
    expect(inputs).toMatchObject({ pipelines: ['a/*.yaml', 'b/*.yml', 'c.yaml'], version: 4, canaryWeight: 10, model: 'churn', environment: 'production', command: 'promote' });
  });

  it('monitor: servers split on commas, spaces and new lines; prometheus and dry-run read; a bad dry-run is refused', () => {
    const inputs = parseInputs({ INPUT_SERVERS: 'http://a:8080, http://b:8080\nhttp://c:8080  http://d:8080', INPUT_PROMETHEUS: 'http://p:9090', 'INPUT_DRY-RUN': 'true' });
    expect(inputs).toMatchObject({ servers: ['http://a:8080', 'http://b:8080', 'http://c:8080', 'http://d:8080'], prometheus: 'http://p:9090', dryRun: true });
    expect(parseInputs({})).toMatchObject({ servers: [], prometheus: undefined, dryRun: false });
    expect(parseInputs({ 'INPUT_DRY-RUN': 'false' }).dryRun).toBe(false);
    expect(() => parseInputs({ 'INPUT_DRY-RUN': 'yes' })).toThrow(/input 'dry-run' must be true or false, got 'yes'/);
    expect(parseInputs({ INPUT_COMMAND: 'monitor' }).command).toBe('monitor');
  });

  it('tune: the pipeline, trials and timeout, from the step or the dispatch', () => {
    const inputs = parseInputs({ INPUT_TRIALS: '40' }, { command: 'tune', pipeline: 'pipelines/churn.yaml', timeout: '3600' });
    expect(inputs).toMatchObject({ command: 'tune', pipeline: 'pipelines/churn.yaml', trials: 40, timeout: 3600 });
    expect(parseInputs({})).toMatchObject({ pipeline: undefined, trials: undefined, timeout: undefined });
    expect(() => parseInputs({ INPUT_TRIALS: '0' })).toThrow(/input 'trials' must be a number of trials/);
    expect(() => parseInputs({ INPUT_TIMEOUT: '1h' })).toThrow(/input 'timeout' must be seconds/);
  });

  it('a bad value is a UsageError naming the input and what is expected', () => {
    expect(() => parseInputs({ INPUT_COMMAND: 'deploy' })).toThrow(/input 'command' must be one of check, release, promote, rollback/);
    expect(() => parseInputs({ INPUT_BACKEND: 'gpu' })).toThrow(UsageError);
    expect(() => parseInputs({ INPUT_VERSION: '0' })).toThrow(/input 'version' must be a registered version number/);
    expect(() => parseInputs({ 'INPUT_CANARY-WEIGHT': '10%' })).toThrow(/canary-weight/);
  });

  it('registration is auto unless set to push or pull-request; undo-last is a boolean, also from a dispatch payload', () => {
    expect(parseInputs({})).toMatchObject({ registration: 'auto', undoLast: false });
    expect(parseInputs({ INPUT_REGISTRATION: 'pull-request' }).registration).toBe('pull-request');
    expect(parseInputs({ INPUT_REGISTRATION: 'push' }).registration).toBe('push');
    expect(() => parseInputs({ INPUT_REGISTRATION: 'sometimes' })).toThrow(/input 'registration' must be one of auto, push, pull-request, got 'sometimes'/);
    expect(parseInputs({ 'INPUT_UNDO-LAST': 'true' }).undoLast).toBe(true);
    expect(parseInputs({ 'INPUT_UNDO-LAST': 'false' }).undoLast).toBe(false);
    expect(parseInputs({}, { 'undo-last': true }).undoLast).toBe(true);
    expect(parseInputs({}, { 'undo-last': 'true' }).undoLast).toBe(true);
    expect(() => parseInputs({ 'INPUT_UNDO-LAST': 'yes' })).toThrow(/input 'undo-last' must be true or false, got 'yes'/);
  });
});

describe('the event picks the command', () => {
  it('pull_request → check; push to the default branch → release; other pushes and events → nothing; the input overrides', () => {
    expect(commandFor(event({ name: 'pull_request' }), undefined)).toBe('check');
    expect(commandFor(event({ name: 'push' }), undefined)).toBe('release');
    expect(commandFor(event({ name: 'push', ref: 'refs/heads/feature' }), undefined)).toBeUndefined();
    expect(commandFor(event({ name: 'push', ref: 'refs/heads/trunk', defaultBranch: 'trunk' }), undefined)).toBe('release');
    expect(commandFor(event({ name: 'workflow_dispatch' }), undefined)).toBeUndefined();
    expect(commandFor(event({ name: 'workflow_dispatch' }), 'rollback')).toBe('rollback');
    expect(commandFor(event({ name: 'schedule' }), undefined)).toBe('monitor');
    expect(commandFor(event({ name: 'workflow_dispatch' }), 'monitor')).toBe('monitor');
    expect(commandFor(event({ name: 'issues' }), undefined)).toBeUndefined();
  });

  it('a pull request from a fork is recognised (also when the fork was deleted)', () => {
    const pr = (head: unknown) => pullRequestOf(event({ name: 'pull_request', payload: { pull_request: { number: 3, base: { sha: 'b', ref: 'main', repo: { full_name: 'o/r' } }, head: { sha: 'h', repo: head } } } }));
    expect(pr({ full_name: 'o/r' }).fromFork).toBe(false);
    expect(pr({ full_name: 'someone/r' }).fromFork).toBe(true);
    expect(pr(null).fromFork).toBe(true);
    expect(() => pullRequestOf(event({ name: 'pull_request', payload: {} }))).toThrow(/has no pull_request/);
  });

  it('a push\'s range: all zeros before (a new branch) means unknown', () => {
    expect(pushRangeOf(event({ payload: { before: '0'.repeat(40), after: 'a1' } }))).toEqual({ before: undefined, after: 'a1' });
    expect(pushRangeOf(event({ payload: { before: 'b1', after: 'a1' } }))).toEqual({ before: 'b1', after: 'a1' });
    expect(pushRangeOf(event({ sha: 's' }))).toEqual({ before: undefined, after: 's' });
  });
});
