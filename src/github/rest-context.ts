import type { getOctokit } from '@actions/github';
import type { Logger } from '../ports.js';

export type Octokit = ReturnType<typeof getOctokit>;

/** What the write algorithms (sticky comment, pull request) share: one repository, one client. */
export interface RestContext {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** Runs one API call (or one paginated listing), turning Octokit's failure into a `GitHubError` for `route`. */
  call<T>(route: string, fn: () => Promise<T>): Promise<T>;
  sleep: (ms: number) => Promise<void>;
  log?: Logger;
}
