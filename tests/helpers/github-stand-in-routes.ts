import { execFileSync } from 'node:child_process';
/**
 * The few GitHub REST routes PipePilot calls, answering as GitHub does (shapes trimmed to the
 * fields we read), over the stand-in's state. Keys are Octokit's route templates, the same
 * strings `GitHubError.route` carries, so a test names a route one way everywhere.
 */
export interface StoredComment {
  id: number;
  issueNumber: number;
  body: string;
  login: string;
}

export interface StoredPull {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  draft: boolean;
  labels: string[];
  files: { filename: string; previous_filename?: string }[];
  /** Set by the merge route: the merge commit it wrote on the base branch of `origin`. */
  mergeCommit?: string;
}

export interface StoredArtifact {
  id: number;
  name: string;
  workflowRunId: number;
  expired: boolean;
}

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason?: string;
  labels: string[];
}

export interface StandInState {
  baseUrl: string;
  owner: string;
  repo: string;
  /** Who GET /user says the token is; undefined for an installation token (GITHUB_TOKEN), which gets 403. */
  viewer: string | undefined;
  /** Who the comments we post are written by. */
  author: string;
  comments: StoredComment[];
  pulls: StoredPull[];
  artifacts: StoredArtifact[];
  issues: StoredIssue[];
  nextId: number;
  /** The bare repository the merge route merges in, as GitHub merges server-side; none: merging is 404. */
  origin?: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** The items of a listing: the stand-in pages them by per_page/page and writes the Link header. */
  page?: unknown[];
}

type Handler = (s: StandInState, p: Record<string, string>, q: URLSearchParams, body: Record<string, unknown>) => Reply;

const commentJson = (s: StandInState, c: StoredComment) => ({
  id: c.id,
  body: c.body,
  user: { login: c.login, type: c.login.endsWith('[bot]') ? 'Bot' : 'User' },
  html_url: `https://github.com/${s.owner}/${s.repo}/issues/${c.issueNumber}#issuecomment-${c.id}`,
});

const pullJson = (s: StandInState, p: StoredPull) => ({
  number: p.number,
  html_url: `https://github.com/${s.owner}/${s.repo}/pull/${p.number}`,
  title: p.title,
  body: p.body,
  state: p.state,
  merged: p.mergeCommit !== undefined,
  draft: p.draft,
  head: { ref: p.head, label: `${s.owner}:${p.head}` },
  base: { ref: p.base },
  labels: p.labels.map((name) => ({ name })),
});

const notFound: Reply = { status: 404, body: { message: 'Not Found' } };
const branchOf = (s: StandInState, head: string) => (head.startsWith(`${s.owner}:`) ? head.slice(s.owner.length + 1) : head);

const createPull: Handler = (s, _p, _q, b) => {
  const head = branchOf(s, String(b.head));
  if (s.pulls.some((x) => x.state === 'open' && x.head === head && x.base === b.base)) {
    const message = `A pull request already exists for ${s.owner}:${head}.`;
    return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'PullRequest', code: 'custom', message }] } };
  }
  const pull: StoredPull = {
    number: s.nextId++, head, base: String(b.base), title: String(b.title), body: String(b.body ?? ''),
    state: 'open', draft: b.draft === true, labels: [], files: [],
  };
  s.pulls.push(pull);
  return { status: 201, body: pullJson(s, pull) };
};

const issueJson = (s: StandInState, i: StoredIssue) => ({
  number: i.number,
  html_url: `https://github.com/${s.owner}/${s.repo}/issues/${i.number}`,
  title: i.title,
  body: i.body,
  state: i.state,
  state_reason: i.stateReason ?? null,
  labels: i.labels.map((name) => ({ name })),
});

/**
 * GitHub's merge button, server-side: a merge commit of head into base made in the bare origin
 * with `git merge-tree --write-tree` and written with `update-ref`, so no hook runs (a protected
 * branch's pre-receive refuses pushes, not merges). A conflict is GitHub's 405 "not mergeable".
 */
const mergePull: Handler = (s, p, _q, b) => {
  const pull = s.pulls.find((x) => x.number === Number(p.pull_number));
  if (!pull || s.origin === undefined) return notFound;
  if (pull.state !== 'open') return { status: 405, body: { message: 'Pull Request is not mergeable' } };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: s.origin, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...MERGER } }).trim();
  const base = git('rev-parse', `refs/heads/${pull.base}`);
  const head = git('rev-parse', `refs/heads/${pull.head}`);
  if (typeof b.sha === 'string' && b.sha !== head) return { status: 409, body: { message: 'Head branch was modified. Review and try the merge again.' } };
  let tree: string;
  try {
    tree = git('merge-tree', '--write-tree', '--no-messages', base, head).split('\n')[0];
  } catch {
    return { status: 405, body: { message: 'Pull Request is not mergeable' } };
  }
  const commit = git('commit-tree', tree, '-p', base, '-p', head, '-m', `Merge pull request #${pull.number} from ${s.owner}/${pull.head}\n\n${pull.title}`);
  git('update-ref', `refs/heads/${pull.base}`, commit, base);
  pull.mergeCommit = commit;
  pull.state = 'closed';
  return { status: 200, body: { sha: commit, merged: true, message: 'Pull Request successfully merged' } };
};

const MERGER = { GIT_AUTHOR_NAME: 'octocat', GIT_AUTHOR_EMAIL: 'octocat@users.noreply.github.com', GIT_COMMITTER_NAME: 'GitHub', GIT_COMMITTER_EMAIL: 'noreply@github.com' };

export const ROUTES: Record<string, Handler> = {
  'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge': mergePull,
  // GitHub lists pull requests among issues (with a pull_request key); filtered by state and by labels (all must match).
  'GET /repos/{owner}/{repo}/issues': (s, _p, q) => {
    const state = q.get('state') ?? 'open';
    const labels = (q.get('labels') ?? '').split(',').filter(Boolean);
    const items = [
      ...s.issues.map((i) => ({ number: i.number, state: i.state, labels: i.labels, json: issueJson(s, i) })),
      ...s.pulls.map((p) => ({ number: p.number, state: p.state, labels: p.labels, json: { ...pullJson(s, p), pull_request: { url: '' } } })),
    ];
    const found = items.filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)));
    return { status: 200, page: found.sort((a, b) => b.number - a.number).map((i) => i.json) };
  },
  'POST /repos/{owner}/{repo}/issues': (s, _p, _q, b) => {
    if (typeof b.title !== 'string' || b.title === '') return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }] } };
    const issue: StoredIssue = { number: s.nextId++, title: b.title, body: String(b.body ?? ''), state: 'open', labels: Array.isArray(b.labels) ? b.labels.map(String) : [] };
    s.issues.push(issue);
    return { status: 201, body: issueJson(s, issue) };
  },
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}': (s, p, _q, b) => {
    const issue = s.issues.find((i) => i.number === Number(p.issue_number));
    if (!issue) return notFound;
    if (typeof b.title === 'string') issue.title = b.title;
    if (typeof b.body === 'string') issue.body = b.body;
    if (b.state === 'open' || b.state === 'closed') issue.state = b.state;
    if (typeof b.state_reason === 'string') issue.stateReason = b.state_reason;
    return { status: 200, body: issueJson(s, issue) };
  },
  'GET /user': (s) => (s.viewer === undefined
    ? { status: 403, body: { message: 'Resource not accessible by integration' } }
    : { status: 200, body: { login: s.viewer, type: 'User' } }),
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': (s, p) => ({
    status: 200,
    page: s.comments.filter((c) => c.issueNumber === Number(p.issue_number)).map((c) => commentJson(s, c)),
  }),
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': (s, p, _q, b) => {
    const comment = { id: s.nextId++, issueNumber: Number(p.issue_number), body: String(b.body), login: s.author };
    s.comments.push(comment);
    return { status: 201, body: commentJson(s, comment) };
  },
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': (s, p, _q, b) => {
    const comment = s.comments.find((c) => c.id === Number(p.comment_id));
    if (!comment) return notFound;
    if (comment.login.toLowerCase() !== s.author.toLowerCase()) return { status: 403, body: { message: 'Must have admin rights to Repository.' } }; // logins are case-insensitive on GitHub
    comment.body = String(b.body);
    return { status: 200, body: commentJson(s, comment) };
  },
  'GET /repos/{owner}/{repo}/pulls': (s, _p, q) => {
    const state = q.get('state') ?? 'open';
    const head = q.get('head');
    const base = q.get('base');
    const pulls = s.pulls.filter(
      (x) => (state === 'all' || x.state === state) && (!head || `${s.owner}:${x.head}` === head) && (!base || x.base === base),
    );
    return { status: 200, page: pulls.reverse().map((x) => pullJson(s, x)) };
  },
  'POST /repos/{owner}/{repo}/pulls': createPull,
  'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': (s, p, _q, b) => {
    const pull = s.pulls.find((x) => x.number === Number(p.pull_number));
    if (!pull) return notFound;
    if (typeof b.title === 'string') pull.title = b.title;
    if (typeof b.body === 'string') pull.body = b.body;
    if (b.state === 'open' || b.state === 'closed') pull.state = b.state;
    return { status: 200, body: pullJson(s, pull) };
  },
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': (s, p) => {
    const pull = s.pulls.find((x) => x.number === Number(p.pull_number));
    return pull ? { status: 200, page: pull.files.map((f) => ({ ...f, status: f.previous_filename ? 'renamed' : 'modified' })) } : notFound;
  },
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': (s, p, _q, b) => {
    const pull = s.pulls.find((x) => x.number === Number(p.issue_number));
    if (!pull) return notFound;
    for (const label of b.labels as string[]) if (!pull.labels.includes(label)) pull.labels.push(label);
    return { status: 200, body: pull.labels.map((name) => ({ name })) };
  },
  'GET /repos/{owner}/{repo}/actions/artifacts': (s, _p, q) => {
    const name = q.get('name');
    const found = s.artifacts.filter((a) => !name || a.name === name).reverse();
    return {
      status: 200,
      body: {
        total_count: found.length,
        artifacts: found.map((a) => ({ id: a.id, name: a.name, expired: a.expired, workflow_run: { id: a.workflowRunId } })),
      },
    };
  },
};
