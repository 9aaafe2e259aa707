/**
 * Every GitHub API call PipePilot makes, in our words. One implementation (`createGitHub`, over
 * Octokit from @actions/github); use cases take a `GitHub` as an argument, and tests hand them the
 * real one pointed at a loopback stand-in (tests/helpers/github-stand-in.ts).
 *
 * Every write is idempotent on a key we own, so a rerun changes nothing: the sticky comment is
 * found by its hidden marker (and our own authorship), the deployment pull request by its head
 * branch (`pipepilot/deploy/<model>/<env>`). Failures are `GitHubError`s (status, route).
 */
export interface GitHub {
  /**
   * Creates or edits the one comment on issue/PR `issueNumber` that carries `marker` and was
   * written by this token's identity; comments by anyone else are never touched. Sends nothing
   * when the text is already there. A token that may not write (a pull request from a fork) gives
   * `skipped` with a reason instead of an error. Throws (before any request) when the body with
   * its marker is over GitHub's 65,536 characters.
   */
  upsertStickyComment(req: StickyCommentRequest): Promise<StickyCommentResult>;
  /**
   * Creates or updates the one open pull request from `head` (a branch of this repository) into
   * `base`; never opens a second one. Only a title, body or missing label changes it.
   */
  upsertPullRequest(req: PullRequestRequest): Promise<PullRequestResult>;
  /**
   * Paths a pull request changes (all pages, up to GitHub's 3,000 files). A renamed file gives
   * both its new and its old path, since either may name a pipeline.
   */
  listPullRequestFiles(number: number): Promise<string[]>;
  /**
   * The newest unexpired artifact named `name` in this repository, whichever run uploaded it, or
   * undefined. This is how a push run finds the pull request's run bundle by its content key.
   */
  tryFindArtifact(name: string): Promise<ArtifactRef | undefined>;
  /**
   * Opens, or edits in place, the one open issue labelled `label` that carries `marker` (a hidden
   * line in its body): a monitor alert that lasts is one issue, updated, never a second one.
   * Sends nothing when title and body are already as wanted.
   */
  upsertAlertIssue(req: AlertIssueRequest): Promise<AlertIssueResult>;
  /** Comments `comment` on the open issue carrying `marker`, then closes it; undefined when none is open. */
  closeAlertIssue(req: CloseAlertIssueRequest): Promise<AlertIssueResult | undefined>;
}

export interface AlertIssueRequest {
  /** Our key for the issue, e.g. `pipepilot-alert:churn/production`; written as a hidden HTML comment. */
  marker: string;
  /** Only issues with this label are searched; a new issue gets it. */
  label: string;
  title: string;
  body: string;
}

export interface CloseAlertIssueRequest {
  marker: string;
  label: string;
  comment: string;
}

export interface AlertIssueResult {
  action: 'created' | 'updated' | 'unchanged' | 'closed';
  number: number;
  url: string;
}

export interface StickyCommentRequest {
  issueNumber: number;
  /** Our key for the comment, e.g. `pipepilot:churn`; written as a hidden HTML comment. */
  marker: string;
  /** Markdown; the renderer keeps it under the limit, this client refuses it when it is not. */
  body: string;
}

export type StickyCommentResult =
  | { action: 'created' | 'updated' | 'unchanged'; id: number; url: string }
  | { action: 'skipped'; reason: string };

export interface PullRequestRequest {
  /** A branch of this repository, e.g. `pipepilot/deploy/churn/production`. */
  head: string;
  base: string;
  title: string;
  body: string;
  labels?: string[];
  /** Applies when the pull request is created; an existing one keeps its draft state. */
  draft?: boolean;
}

export interface PullRequestResult {
  action: 'created' | 'updated' | 'unchanged';
  number: number;
  url: string;
}

export interface ArtifactRef {
  id: number;
  name: string;
  workflowRunId: number;
}
