import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The feature folders (and the shared org and outbox modules) of src/. */
const MODULES = [
  'approvals',
  'help',
  'incidents',
  'measures',
  'org',
  'outbox',
  'reminders',
  'rules',
  'tab',
];

const otherModules = (module) => ({
  group: MODULES.filter((m) => m !== module).flatMap((m) => [
    `**/${m}/*`,
    `**/${m}/**`,
    `!**/${m}/index.js`,
  ]),
  message: 'Import another feature through its index.ts.',
});

const DOMAIN_PATTERNS = [
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
    message: 'src/*/domain must not depend on i18n: it returns codes, the feature words them.',
  },
];

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
  // A feature imports another only through its index.ts; each domain/ also stays pure.
  ...MODULES.flatMap((module) => [
    {
      files: [`src/${module}/**/*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: [otherModules(module)] }] },
    },
    {
      files: [`src/${module}/domain/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: [otherModules(module), ...DOMAIN_PATTERNS] },
        ],
      },
    },
  ]),
  {
    // The composition root, the plumbing and the tools reach features through their
    // index.ts too; the plumbing and the tools may also use a feature's pure domain
    // (config checks cron settings; `ask` should not load botbuilder to search the rules).
    files: ['src/*.ts', 'src/platform/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: MODULES.flatMap((m) => [`**/${m}/*`, `**/${m}/**`, `!**/${m}/index.js`]),
              message: 'Import a feature through its index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/platform/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: MODULES.flatMap((m) => [`**/${m}/*.js`, `!**/${m}/index.js`]),
              message: 'Import a feature through its index.ts (or its pure domain/).',
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
