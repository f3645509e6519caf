import crypto from 'node:crypto'
import type { Config } from '../config.js'
import { systemClock } from '../lib/clock.js'
import type { Storage } from '../storage/index.js'
import type { Command } from './command.js'
import { fail, openStorage } from './process.js'

/**
 * Writes the demo publication (and, into a database with no staff, an owner whose passphrase
 * is shown once). `serve` calls this too, for an empty database.
 */
export async function seedDemoInto(
  config: Config,
  storage: Storage,
  articles: number | undefined,
  log: (s: string) => void,
): Promise<void> {
  const { buildApp } = await import('../app.js')
  const { seedDemo } = await import('../demo/seed-demo.js')
  const app = await buildApp({ config: { ...config, PAGE_CACHE: false }, storage, logger: false })
  const started = Date.now()
  let last = 0
  const result = await seedDemo(
    {
      repo: app.repo,
      content: app.content,
      media: app.media,
      newsletters: app.newsletters,
      editions: app.editions,
      contributions: app.contributions,
      subscribers: app.subscribers,
      reach: app.reach,
      language: config.SITE_LANGUAGE,
      languages: config.SITE_LANGUAGES,
      clock: systemClock,
    },
    {
      ...(articles ? { articles } : {}),
      onProgress: (done, total) => {
        if (Date.now() - last > 1000 || done === total) {
          last = Date.now()
          log(`  seeding: ${done}/${total} articles (${Math.round((done / total) * 100)}%)`)
        }
      },
    },
  )
  // A way into the demo's admin: an owner with a random passphrase, shown once here.
  if ((await app.staff.countStaff()) === 0) {
    const password = crypto.randomBytes(12).toString('base64url')
    await app.staff.addStaff({
      email: 'owner@demo.invalid',
      name: 'Demo Owner',
      role: 'owner',
      password,
      // Printed in a log: the first sign-in asks for a password only the owner knows.
      oneTimePassword: true,
    })
    log(
      `Demo admin: http://localhost:${config.PORT}/admin  owner@demo.invalid / ${password}  (shown once and good once: the first sign-in asks for a new password; add real staff with "masthead user add")`,
    )
  }
  await app.http.close()
  // Fresh statistics, so the planner picks the indexes on a database that just grew.
  await storage.analyze()
  log(`Seeded ${result.articles} demo articles in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
}

export const seed: Command = {
  help: `Usage: masthead seed --demo [--articles N] [--force]

Writes the demo publication (about 60 invented articles in 6 sections, with authors, wire
agencies, topics and generated photos). Refuses a database that already has articles unless
--force is given.

Options:
  --demo          Write the demo publication (required: the only kind of seed so far)
  --articles N    Write N articles, repeating the demo stories at new addresses (benchmarks)
  --force         Write even if the database already has articles
  -h, --help      Show this help`,

  async run({ config, flags, say }) {
    if (!flags.demo) fail(`say what to seed: --demo\n\n${seed.help}`)
    const n = flags.articles === undefined ? undefined : Number(flags.articles)
    if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 1_000_000))
      fail('--articles must be a whole number from 1 to 1000000')
    const storage = await openStorage(config)
    const { createContentRepository } = await import('../content/index.js')
    const existing = await createContentRepository(storage.db, storage.dialect).countArticles()
    if (existing > 0 && !flags.force) {
      await storage.close()
      fail(`the database already has ${existing} articles; add --force to write the demo anyway`, 1)
    }
    await seedDemoInto(config, storage, n, say)
    await storage.close()
  },
}
