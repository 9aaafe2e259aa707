import { validatePipelineFiles } from '../spec/validate-files.js';
import type { PipelineSpec } from '../spec/types.js';
import { repoPath, type ActionContext } from './action-context.js';
import { findPipelineFiles } from './pipeline-selection.js';

export interface ValidPipeline {
  file: string;
  text: string;
  spec: PipelineSpec;
}

/**
 * Validates every pipeline the `pipelines` input matches; each problem becomes an error
 * annotation at its file, line and column. Returns the valid ones and a failure line per invalid one.
 */
export async function validatePipelines(ctx: ActionContext): Promise<{ valid: ValidPipeline[]; failures: string[] }> {
  const paths = await findPipelineFiles(ctx.root, ctx.inputs.pipelines);
  if (paths.length === 0) {
    ctx.io.warning(`no pipeline matches ${ctx.inputs.pipelines.join(', ')} in ${ctx.repoPrefix || 'the repository'}; nothing to check`);
    return { valid: [], failures: [] };
  }
  const inputs = await Promise.all(paths.map(async (file) => ({ file, text: await ctx.files.readText(file) })));
  const results = validatePipelineFiles(inputs, ctx.root, (p) => ctx.files.realpath(p));
  const valid: ValidPipeline[] = [];
  const failures: string[] = [];
  results.forEach((r, i) => {
    if (r.ok && r.spec) {
      valid.push({ file: r.file, text: inputs[i].text, spec: r.spec });
      return;
    }
    for (const p of r.problems) {
      ctx.io.error(p.message, { file: repoPath(ctx, p.file), startLine: p.line, startColumn: p.col, title: 'invalid pipeline' });
    }
    failures.push(`${r.file}: ${r.problems.length} problem(s); see the annotations`);
  });
  ctx.io.info(`validated ${results.length} pipeline(s): ${valid.length} valid, ${failures.length} invalid`);
  return { valid, failures };
}
