import * as core from '@actions/core';

/** Where an annotation points: a file of the repository, 1-based line and column when known. */
export interface Annotation {
  file: string;
  startLine?: number;
  startColumn?: number;
  title?: string;
}

/**
 * The few things the action says to the runner, so `run` takes them as an argument and a test
 * hands it a recording one: no module mocks of @actions/core (actions/typescript-action's
 * `__fixtures__` are the cautionary tale). The real one is `coreActionIo()`.
 */
export interface ActionIo {
  info(message: string): void;
  notice(message: string, at?: Annotation): void;
  warning(message: string, at?: Annotation): void;
  error(message: string, at?: Annotation): void;
  setOutput(name: string, value: string): void;
  /** Masks `value` in every later line of the log (a URL or token from a secret, or a form of one). */
  setSecret(value: string): void;
  /** Appends markdown to the job summary (GITHUB_STEP_SUMMARY). */
  appendSummary(markdown: string): Promise<void>;
  /** Marks the step failed (exit code 1) with `message`; the run goes on to report everything. */
  setFailed(message: string): void;
}

/** ActionIo over @actions/core: workflow commands on stdout, files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. */
export function coreActionIo(): ActionIo {
  const props = (at?: Annotation): core.AnnotationProperties | undefined =>
    at === undefined ? undefined : { file: at.file, startLine: at.startLine, startColumn: at.startColumn, title: at.title };
  return {
    info: (m) => core.info(m),
    notice: (m, at) => core.notice(m, props(at)),
    warning: (m, at) => core.warning(m, props(at)),
    error: (m, at) => core.error(m, props(at)),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    appendSummary: async (md) => {
      // write() appends to the file and empties the buffer, so each call adds only `md`.
      await core.summary.addRaw(md, true).write();
    },
    setFailed: (m) => core.setFailed(m),
  };
}
