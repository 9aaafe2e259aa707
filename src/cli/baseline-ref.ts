import { GitError, UsageError } from '../errors.js';
import type { Git } from '../git/git.js';
import { createGit } from '../git/simple-git-client.js';
import type { Files } from '../ports.js';
import { loadSpec } from '../spec/load-spec.js';
import { findProductionBaseline } from '../use-cases/production-baseline.js';
import type { BaselineSource } from '../use-cases/score-baseline.js';

/**
 * `--baseline-ref REF` (default HEAD) for `run` and `register`: the production model at REF, or
 * none. Outside a git repository there is no registry, so no baseline, unless REF was asked for
 * explicitly (then it is a usage error: the gates would silently have nothing to compare).
 */
export async function baselineAtRef(ctx: {
  root: string;
  files: Files;
  pipelinePath: string;
  /** The option as given; undefined means HEAD. */
  ref?: string;
  info: (message: string) => void;
  git?: Git;
  /** The model name, when the caller already knows it (else read from the pipeline). */
  model?: string;
}): Promise<BaselineSource | undefined> {
  const ref = ctx.ref ?? 'HEAD';
  const git = ctx.git ?? (await createGit(ctx.root).catch((err: unknown) => {
    if (ctx.ref === undefined && err instanceof GitError) return undefined;
    throw new UsageError(`--baseline-ref ${ctx.ref}: ${ctx.root} is not in a git repository`, { hint: 'The baseline is read from the registry in git; run inside the repository, or leave --baseline-ref out.', cause: err });
  }));
  if (!git) return undefined;
  const model = ctx.model ?? loadSpec(await ctx.files.readText(ctx.pipelinePath), { file: ctx.pipelinePath, root: ctx.files.root, realpath: (p) => ctx.files.realpath(p) }).spec.name;
  const baseline = await findProductionBaseline({ git, files: ctx.files }, { model, ref });
  if (baseline) ctx.info(`baseline: production is ${model} v${baseline.version} at ${ref}${baseline.filesFrom === 'commit' ? ' (files read from that commit)' : ''}`);
  else ctx.info(`baseline: none (no ${model} production manifest at ${ref})`);
  return baseline;
}
