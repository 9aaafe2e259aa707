import type { SpecProblem } from '../errors.js';
import { checkSpec } from './load-spec.js';
import type { Realpath } from './source-path.js';
import type { PipelineSpec } from './types.js';

export interface FileValidation {
  file: string;
  ok: boolean;
  /** Every problem, in document order; empty when ok. */
  problems: SpecProblem[];
  /** Legal but probably unintended settings; never make the file invalid. */
  warnings: SpecProblem[];
  /** The pipeline with defaults applied, when ok. */
  spec?: PipelineSpec;
}

/**
 * Validates pipeline files already read (text in, results out; reads nothing itself). One result
 * per file, in the order given; one bad file does not stop the others.
 */
export function validatePipelineFiles(files: readonly { file: string; text: string }[], root: string, realpath?: Realpath): FileValidation[] {
  return files.map(({ file, text }) => {
    const result = checkSpec(text, { file, root, realpath });
    return result.ok
      ? { file, ok: true, problems: [], warnings: result.warnings, spec: result.spec }
      : { file, ok: false, problems: result.problems, warnings: [] };
  });
}
export { pipelineSchema } from './pipeline-schema.js';
