import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

// Dependency lines from docs/ARCHITECTURE.md, held by the linter instead of by memory.
const driverImports = {
  paths: [
    { name: 'better-sqlite3', message: 'Only src/storage/ talks to database drivers.' },
    { name: 'pg', message: 'Only src/storage/ talks to database drivers.' },
  ],
}
const noFastify = {
  paths: [
    ...driverImports.paths,
    { name: 'fastify', message: 'Domain modules do not know about HTTP.' },
  ],
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-output/**', 'bench/results/**', 'bench/.data/**'] },
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
    ignores: [
      'src/storage/**',
      'src/main.ts',
      'src/config.ts',
      'src/cli/**',
      'src/**/*.test.{ts,tsx}',
    ],
    rules: {
      'no-restricted-imports': ['error', driverImports],
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
    files: ['src/content/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}', 'src/files/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', noFastify] },
  },
)
