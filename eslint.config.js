import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'manifest/build/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // Each feature's domain is pure TypeScript: transport, HTTP, SQL and strings stay outside.
    files: ['src/*/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder', 'botbuilder-*', 'botframework-*', 'restify', 'restify-*'],
              message: 'src/*/domain must not depend on Teams or HTTP code.',
            },
            {
              group: [
                'kysely',
                'kysely/*',
                'pg',
                'better-sqlite3',
                '**/platform/db/**',
                '**/*.repository.js',
                '**/*.table.js',
              ],
              message: 'src/*/domain must not depend on SQL or the store.',
            },
            {
              group: ['**/*.strings.js', '**/platform/strings.js'],
              message:
                'src/*/domain must not depend on i18n: it returns codes, the feature words them.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only config.ts reads the environment.
    files: ['src/**/*.ts'],
    ignores: ['src/platform/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through src/platform/config.ts.',
        },
      ],
    },
  },
);
