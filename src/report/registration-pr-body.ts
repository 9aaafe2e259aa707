import { versionDir } from '../registry/layout.js';

export interface RegistrationPrBodyInput {
  model: string;
  version: number;
  /** The default branch the version is proposed to. */
  base: string;
  /** The first environment of the pipeline's `deploy.environments`: where the deployment pull request goes after the merge. */
  env: string;
  /** Why a pull request rather than a push: the branch refused the push, or the `registration: pull-request` input. */
  why: 'protected' | 'setting';
  /** The version's card.md, as committed on the branch. */
  card: string;
}

/**
 * The "Register <model> v<N>" pull request's body: what merging it does, what happens next, how a
 * lost number is renumbered, then the model card (the review). Plain text over the card: the
 * publisher cuts it to GitHub's limit from the end, so the card's tail goes first.
 */
export function registrationPrBody(d: RegistrationPrBodyInput): string {
  const dir = versionDir(d.model, d.version);
  const reason = d.why === 'protected'
    ? `\`${d.base}\` is protected, so PipePilot proposes the version here instead of pushing it`
    : `the release workflow registers through pull requests (\`registration: pull-request\`)`;
  return [
    `Registers **${d.model} v${d.version}**: this pull request adds \`${dir}/\` (metadata, model, preprocessor, card) and nothing else.`,
    '',
    `${reason[0].toUpperCase()}${reason.slice(1)}: merging this pull request is what registers it. After the merge, the release workflow (the push to \`${d.base}\`) opens the deployment pull request to **${d.env}**.`,
    '',
    `- Re-running the release updates this pull request; it never opens a second one. A newer run of the same pipeline replaces this one here.`,
    `- If v${d.version} lands on \`${d.base}\` some other way first, this pull request conflicts and cannot be merged: run the release again (re-run the workflow, or dispatch \`command: release\`) and it is rebuilt on \`${d.base}\` with the next free number.`,
    `- Do not edit the files here: the deployment checks each one against its sha256 in \`metadata.json\` and refuses a changed one.`,
    '',
    '---',
    '',
    d.card.trimEnd(),
    '',
  ].join('\n');
}
