import { describe, expect, it } from 'vitest';
import { createGitHub } from '../../src/github/octokit-client.js';
import { markerTag } from '../../src/github/sticky-comment-text.js';
import { githubStandIn } from '../helpers/github-stand-in.js';

const CREATE = 'POST /repos/{owner}/{repo}/issues';
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}';
const COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';

/** The monitor's alert issue over Octokit against the loopback stand-in; waits are recorded, never slept. */
async function setup() {
  const standIn = await githubStandIn({ installationToken: true });
  const github = createGitHub({
    token: standIn.token, owner: standIn.owner, repo: standIn.repo, baseUrl: standIn.baseUrl,
    sleep: async () => {}, log: { info: () => {}, warn: () => {} },
  });
  return { standIn, github };
}

const alert = (body: string, marker = 'pipepilot-alert:bc/production') => ({ marker, label: 'pipepilot-alert', title: 'PipePilot alert: bc in production', body });

describe('alert issue: one per model and environment, updated while it lasts, closed when it clears', () => {
  it('opened once with the label and the hidden marker; the same body sends nothing; a new body edits it in place', async () => {
    const { standIn, github } = await setup();
    const first = await github.upsertAlertIssue(alert('drift on mean_radius'));
    expect(first.action).toBe('created');
    expect(standIn.issues).toHaveLength(1);
    expect(standIn.issues[0]).toMatchObject({ state: 'open', labels: ['pipepilot-alert'], title: 'PipePilot alert: bc in production' });
    expect(standIn.issues[0].body.startsWith(markerTag('pipepilot-alert:bc/production'))).toBe(true);

    expect((await github.upsertAlertIssue(alert('drift on mean_radius'))).action).toBe('unchanged');
    expect(standIn.count(UPDATE)).toBe(0);
    const again = await github.upsertAlertIssue(alert('drift on mean_radius and mean_area'));
    expect(again).toMatchObject({ action: 'updated', number: first.number });
    expect(standIn.issues).toHaveLength(1);
    expect(standIn.issues[0].body).toMatch(/mean_area/);
    expect(standIn.count(CREATE)).toBe(1);
  });

  it('another model\'s issue, an issue without the label, and a pull request carrying the marker are not ours', async () => {
    const { standIn, github } = await setup();
    await github.upsertAlertIssue(alert('other', 'pipepilot-alert:churn/production'));
    standIn.issues.push({ number: 99, title: 't', body: `${markerTag('pipepilot-alert:bc/production')}\nby hand, unlabelled`, state: 'open', labels: [] });
    const pull = standIn.addPull({ head: 'x', body: `${markerTag('pipepilot-alert:bc/production')}\n` });
    pull.labels.push('pipepilot-alert');
    expect((await github.upsertAlertIssue(alert('ours'))).action).toBe('created');
    expect(standIn.issues.filter((i) => i.labels.includes('pipepilot-alert'))).toHaveLength(2);
    expect(standIn.issues.find((i) => i.number === 99)!.body).toMatch(/by hand/);
    expect(pull.body).not.toMatch(/ours/);
  });

  it('closed with a comment saying why; closing again (none open) does nothing; a later alert opens a new issue', async () => {
    const { standIn, github } = await setup();
    const opened = await github.upsertAlertIssue(alert('rollback of canary v2'));
    const closed = await github.closeAlertIssue({ marker: 'pipepilot-alert:bc/production', label: 'pipepilot-alert', comment: 'Cleared: hold' });
    expect(closed).toMatchObject({ action: 'closed', number: opened.number });
    expect(standIn.issues[0]).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(standIn.comments).toEqual([expect.objectContaining({ issueNumber: opened.number, body: 'Cleared: hold' })]);
    expect(await github.closeAlertIssue({ marker: 'pipepilot-alert:bc/production', label: 'pipepilot-alert', comment: 'x' })).toBeUndefined();
    expect(standIn.count(COMMENT)).toBe(1);
    expect((await github.upsertAlertIssue(alert('drift again'))).action).toBe('created');
    expect(standIn.issues).toHaveLength(2);
  });

  it('a 502 after the issue was opened does not open a second one', async () => {
    const { standIn, github } = await setup();
    standIn.failNext(CREATE, 502, { afterEffect: true });
    expect((await github.upsertAlertIssue(alert('x'))).action).toBe('created');
    expect(standIn.issues).toHaveLength(1);
  });

  it('a marker that could break out of its HTML comment is refused before any request', async () => {
    const { standIn, github } = await setup();
    await expect(github.upsertAlertIssue(alert('x', 'a --> b'))).rejects.toThrow(/cannot be used as a sticky comment marker/);
    expect(standIn.requests).toHaveLength(0);
  });
});
