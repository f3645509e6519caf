// The lint fences of docs/ARCHITECTURE.md, proved against the real eslint.config.js: each line
// below is an import that must be refused (or allowed) in a file of the named folder.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ESLint } from 'eslint'

const eslint = new ESLint()

async function refused(file: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${code}\nexport {}\n`, { filePath: file })
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports')
}

const domain = [
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

test('domain and infrastructure folders import neither HTTP nor a surface nor a driver', async () => {
  for (const folder of domain) {
    const file = `src/${folder}/fence-probe.ts`
    for (const code of [
      "import Fastify from 'fastify'",
      "import formbody from '@fastify/formbody'",
      "import type { Site } from '../site/plugin.js'",
      "import { adminPlugin } from '../admin/plugin.js'",
      "import { typed } from '../http/schemas.js'",
      "import { registerStripeWebhook } from '../webhooks/stripe-webhook.js'",
      "import Database from 'better-sqlite3'",
      "import pg from 'pg'",
    ]) {
      assert.ok(await refused(file, code), `${file} must refuse: ${code}`)
    }
    assert.equal(await refused(file, "import { AppError } from '../lib/errors.js'"), false)
  }
})

test('a nested domain file is fenced too', async () => {
  assert.ok(await refused('src/content/use-cases/probe.ts', "import x from '../../site/shell.js'"))
})

test('storage sits below everything', async () => {
  for (const code of [
    "import Fastify from 'fastify'",
    "import { x } from '../content/index.js'",
    "import { x } from '../admin/plugin.js'",
  ]) {
    assert.ok(await refused('src/storage/probe.ts', code), code)
  }
  assert.equal(await refused('src/storage/probe.ts', "import pg from 'pg'"), false)
})

test('surfaces reach data through the domain and never import each other', async () => {
  const cases: [string, string][] = [
    ['src/site/routes/probe.tsx', "import { x } from '../../admin/plugin.js'"],
    ['src/site/probe.ts', "import { x } from '../storage/index.js'"],
    ['src/admin/routes/probe.tsx', "import { x } from '../../site/shell.js'"],
    ['src/admin/probe.ts', "import { x } from '../storage/index.js'"],
    ['src/admin/probe.ts', "import Database from 'better-sqlite3'"],
    ['src/webhooks/probe.ts', "import { x } from '../admin/plugin.js'"],
    ['src/http/probe.ts', "import { x } from '../site/plugin.js'"],
  ]
  for (const [file, code] of cases) assert.ok(await refused(file, code), `${file}: ${code}`)
  assert.equal(
    await refused('src/admin/probe.ts', "import { x } from '../content/index.js'"),
    false,
  )
  assert.equal(await refused('src/site/probe.ts', "import Fastify from 'fastify'"), false)
})

test('only src/config.ts reads the environment', async () => {
  const [r] = await eslint.lintText('export const x = process.env.HOME\n', {
    filePath: 'src/content/probe.ts',
  })
  assert.ok(r?.messages.some((m) => m.ruleId === 'no-restricted-properties'))
})

test('the static export uses the app and is used by cli/ alone', async () => {
  const cases: [string, string][] = [
    ['src/export/static/probe.ts', "import { x } from '../../cli/process.js'"],
    ['src/export/static/probe.ts', "import { x } from '../../admin/plugin.js'"],
    ['src/export/static/probe.ts', "import pg from 'pg'"],
    ['src/site/probe.ts', "import { x } from '../export/static/index.js'"],
    ['src/content/probe.ts', "import { x } from '../export/static/index.js'"],
    ['src/app.ts', "import { x } from './export/static/index.js'"],
  ]
  for (const [file, code] of cases) assert.ok(await refused(file, code), `${file}: ${code}`)
  for (const [file, code] of [
    ['src/export/static/probe.ts', "import type { App } from '../../app.js'"],
    ['src/cli/probe.ts', "import { x } from '../export/static/index.js'"],
  ] as const)
    assert.equal(await refused(file, code), false, `${file}: ${code}`)
})
