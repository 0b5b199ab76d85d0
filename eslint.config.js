import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const bannedInCore = [
  'react',
  'react-dom',
  'react/*',
  'react-dom/*',
  'styled-components',
  '@tanstack/*',
  'amazon-chime-sdk-js',
  'amazon-chime-sdk-js/*',
  'amazon-chime-sdk-component-library-react',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'coverage/',
      'node_modules/',
      '.tmp/',
      'examples/nextjs/.next/',
      'examples/nextjs/next-env.d.ts',
      '!.storybook',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The headless core runs in browsers and Node with no UI framework: type-only imports
    // of the UI stack are fine, runtime imports are not.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: bannedInCore,
              allowTypeImports: true,
              message: 'src/core must stay framework-free: import type only.',
            },
            {
              group: [
                '**/react/**',
                '**/components/**',
                '**/video/**',
                '**/emulator/**',
                'ws',
                'node:*',
              ],
              allowTypeImports: true,
              message: 'src/core may import only src/core at runtime.',
            },
          ],
        },
      ],
    },
  },
  {
    // styled-components publishes CommonJS without an exports map: under Node's ESM loader (SSR
    // with node_modules external) its default import is the exports object, not `styled`.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/theme/styled.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'styled-components',
              importNames: ['default'],
              message: 'Import { styled } from src/theme/styled instead (Node ESM interop).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
