import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

// Dependency lines from docs/ARCHITECTURE.md ("Fences"), held by the linter instead of by memory.
// Flat config replaces a rule's options per file rather than merging them, so each group below
// states its whole set of restrictions.
const drivers = [
  { name: 'better-sqlite3', message: 'Only src/storage/ talks to database drivers.' },
  { name: 'pg', message: 'Only src/storage/ talks to database drivers.' },
]
const fastify = [{ name: 'fastify', message: 'Domain and infrastructure code does not know HTTP.' }]
const fastifyPlugins = {
  group: ['@fastify/*'],
  message: 'Domain and infrastructure code does not know HTTP.',
}
/** A relative import that reaches into one of the given top-level folders of src/. */
const into = (folders, message) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message,
})
// export/ renders through the app like a surface: it sits above the domain too.
const surfaces = ['site', 'admin', 'webhooks', 'http', 'cli', 'export']

// Domain folders (the newsroom's rules) and the infrastructure they use.
const domainFolders = [
  'content',
  'staff',
  'newsletter',
  'contributions',
  'jobs',
  'email',
  'files',
  'lib',
  'i18n',
  'demo',
  'backup',
  'reach',
  'imports',
]
const sourceOnly = ['src/**/*.test.{ts,tsx}']

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'test-output/**',
      'bench/results/**',
      'bench/.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/storage/**', 'src/main.ts', 'src/config.ts', 'src/cli/**', ...sourceOnly],
    rules: {
      'no-restricted-imports': ['error', { paths: drivers }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only src/config.ts reads the environment.',
        },
      ],
    },
  },
  {
    // Plain scripts served to the admin's browser as written.
    files: ['src/admin/assets/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Domain and infrastructure: no HTTP, no surface, no driver.
    files: domainFolders.map((f) => `src/${f}/**/*.{ts,tsx}`),
    ignores: sourceOnly,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...drivers, ...fastify],
          patterns: [
            fastifyPlugins,
            into(surfaces, 'Domain code is used by the surfaces, never the other way round.'),
          ],
        },
      ],
    },
  },
  {
    // Storage owns the drivers but knows nothing of HTTP or the domain above it.
    files: ['src/storage/**/*.{ts,tsx}'],
    ignores: sourceOnly,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: fastify,
          patterns: [
            fastifyPlugins,
            into([...surfaces, ...domainFolders], 'Storage sits below every other folder.'),
          ],
        },
      ],
    },
  },
  ...[
    ['site', ['admin', 'webhooks', 'storage', 'cli', 'export']],
    ['admin', ['site', 'webhooks', 'storage', 'cli', 'export']],
    ['webhooks', ['site', 'admin', 'storage', 'cli', 'export']],
    ['http', ['site', 'admin', 'webhooks', 'cli', 'export']],
    // The static export renders through the app (app.ts) and is run by cli/ only; its render
    // workers open their own connection (storage/), as a command does.
    ['export', ['admin', 'webhooks', 'cli']],
  ].map(([surface, forbidden]) => ({
    // Surfaces reach data through domain services, and never through each other.
    files: [`src/${surface}/**/*.{ts,tsx}`],
    ignores: sourceOnly,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: drivers,
          patterns: [
            into(
              forbidden,
              `src/${surface}/ may not import ${forbidden.join(', ')}: see ARCHITECTURE.md.`,
            ),
          ],
        },
      ],
    },
  })),
  {
    // The composition root wires the app; the export uses the app, never the other way round.
    files: ['src/app.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: drivers,
          patterns: [{ regex: '^\\./export(/|$)', message: 'Only cli/ runs the export.' }],
        },
      ],
    },
  },
)
