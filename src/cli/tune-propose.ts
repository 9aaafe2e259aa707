import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { proposeParamsText } from '../spec/propose-params.js';

/** Rewrites model.params of the pipeline file with the best trial's params (comments and layout kept). */
export async function proposeParams(root: string, pipelinePath: string, params: Record<string, unknown>): Promise<{ changed: string[] }> {
  const file = join(root, pipelinePath);
  const before = await readFile(file, 'utf8');
  const { text, changed } = proposeParamsText(before, params, pipelinePath);
  if (text !== before) await writeFile(file, text);
  return { changed };
}
