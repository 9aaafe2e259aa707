import { describe, expect, it } from 'vitest';
import { PipePilotError } from '../../../src/errors.js';
import { proposeParamsText } from '../../../src/spec/propose-params.js';

const block = `# the churn model  (comments, blank lines and odd spacing must survive)
apiVersion: pipepilot/v1
name:   churn
data: {source: d.csv,   target: y}

model:
  task: binary_classification
  type: mlp            # keep this comment
  params:
    hidden_units:
      - 32
      - 16
    learning_rate: 0.01   # tuned below
    early_stopping: {patience: 5}
  seed: 7
gates: [{metric: roc_auc,  min: 0.8}]
`;

/** The lines that differ between two texts of the same line count. */
function changedLines(a: string, b: string): string[] {
  const la = a.split('\n');
  const lb = b.split('\n');
  return lb.filter((line, i) => line !== la[i]);
}

describe('--propose rewrites model.params in place, byte for byte elsewhere', () => {
  it('block style: only the tuned values change; comments, spacing and order stay', () => {
    const { text, changed } = proposeParamsText(block, { learning_rate: 0.0031, hidden_units: [64, 8] }, 'p.yaml');
    expect(changed).toEqual(['learning_rate', 'hidden_units']);
    expect(text).toBe(block.replace('      - 32\n      - 16', '      - 64\n      - 8').replace('learning_rate: 0.01 ', 'learning_rate: 0.0031 '));
  });

  it('a param not written yet is added as the last line of the params block', () => {
    const { text } = proposeParamsText(block, { dropout: 0.25, activation: 'tanh' }, 'p.yaml');
    expect(text).toBe(block.replace('    early_stopping: {patience: 5}\n', '    early_stopping: {patience: 5}\n    dropout: 0.25\n    activation: tanh\n'));
  });

  it('flow style: values replaced and new keys added inside the braces', () => {
    const flow = 'model: {task: regression, type: mlp, params: {hidden_units: [8],  epochs: 5}}   # flow\nname: x\n';
    const { text } = proposeParamsText(flow, { hidden_units: [16, 4], l2: 0.001 }, 'p.yaml');
    expect(text).toBe('model: {task: regression, type: mlp, params: {hidden_units: [16, 4],  epochs: 5, l2: 0.001}}   # flow\nname: x\n');
  });

  it('no params yet: a params block is added under model', () => {
    const bare = 'model:\n  task: regression   # c\n  type: mlp\nname: x\n';
    const { text } = proposeParamsText(bare, { learning_rate: 0.002, hidden_units: [4] }, 'p.yaml');
    expect(text).toBe('model:\n  task: regression   # c\n  type: mlp\n  params:\n    learning_rate: 0.002\n    hidden_units: [4]\nname: x\n');
  });

  it('the same values again change nothing', () => {
    const { text, changed } = proposeParamsText(block, { learning_rate: 0.01, hidden_units: [32, 16] }, 'p.yaml');
    expect(text).toBe(block);
    expect(changed).toEqual([]);
  });

  it('strings that YAML would misread are quoted', () => {
    const { text } = proposeParamsText(block, { activation: 'yes' }, 'p.yaml');
    expect(changedLines(block, text.replace('\n    activation: "yes"', ''))).toEqual([]);
    expect(text).toContain('    activation: "yes"\n');
  });

  it('model.params that is not a mapping is refused with a message naming the file', () => {
    expect(() => proposeParamsText('model:\n  params: [1]\n', { l2: 1 }, 'p.yaml')).toThrow(PipePilotError);
    expect(() => proposeParamsText('model:\n  params: [1]\n', { l2: 1 }, 'p.yaml')).toThrow(/p\.yaml: cannot propose/);
  });
});

describe('--propose after a block list or a nested block map', () => {
  it('a new param goes after the last line of a block list, not into the next key', () => {
    const text = 'model:\n  params:\n    hidden_units:\n      - 8\n      - 4\n  seed: 1\n';
    expect(proposeParamsText(text, { dropout: 0.1 }, 'p.yaml').text).toBe('model:\n  params:\n    hidden_units:\n      - 8\n      - 4\n    dropout: 0.1\n  seed: 1\n');
  });

  it('and after a nested block mapping', () => {
    const text = 'model:\n  params:\n    early_stopping:\n      patience: 3\n  seed: 1\n';
    expect(proposeParamsText(text, { l2: 0.5 }, 'p.yaml').text).toBe('model:\n  params:\n    early_stopping:\n      patience: 3\n    l2: 0.5\n  seed: 1\n');
  });
});
