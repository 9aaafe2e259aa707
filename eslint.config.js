import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['lib/', 'dist/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp*/', 'src/spec/pipeline-validator.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded generator in src/model/rng.ts: runs must be reproducible.' }],
    },
  },
  {
    // tfjs values come from src/model/tfjs.ts, which requires the CommonJS packages (Node's import
    // of them scans 3.6 MB of source on every run); types may be imported from the packages.
    files: ['src/**/*.ts'],
    ignores: ['src/model/tfjs.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-layers', '@tensorflow/tfjs-backend-*'], allowTypeImports: true, message: 'Take tfjs values from src/model/tfjs.ts (see why there).' }],
      }],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
