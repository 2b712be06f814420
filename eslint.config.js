import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'data/**', 'bench/results.md'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page data must never become markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never use innerHTML: build nodes or let Preact render text.' },
        { property: 'outerHTML', object: 'element', message: 'Avoid outerHTML writes.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML from page data.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/extension/**', '**/backend/**'], message: 'shared/ imports nothing from extension/ or backend/.' },
            { group: ['node:*', 'dexie', 'wxt/*', 'webextension-polyfill', 'preact*'], message: 'shared/ is pure: no Node, browser or UI imports.' },
          ],
        },
      ],
    },
  },
);
