import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import * as tar from 'tar'
import { TEST_DATABASE_URL, skipFor, testDialects } from '../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { seedDemo } from '../demo/seed-demo.js'
import { systemClock } from '../lib/clock.js'
import { connect, countRows, migrateToLatest } from '../storage/index.js'
import { createBackup } from './backup.js'
import { listFiles, sha256File } from './files.js'
import { RestoreError, restoreBackup } from './restore.js'

/** Demo content, a subscriber with a subscription, a contribution, and an uploaded file. */
async function fill(app: TestApp): Promise<void> {
  await seedDemo(
    {
      repo: app.repo,
      content: app.content,
      media: app.media,
      newsletters: app.newsletters,
      contributions: app.contributions,
      clock: systemClock,
    },
    { photos: 2, articles: 12 },
  )
  const now = Date.now()
  const db = app.storage.db
  const { id } = await db
    .insertInto('subscriber')
    .values({ email: 'reader@example.org', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  const newsletter = await db.selectFrom('newsletter').select('id').executeTakeFirstOrThrow()
  await db
    .insertInto('subscription')
    .values({
      subscriber_id: id,
      newsletter_id: newsletter.id,
      status: 'confirmed',
      consent_text: 'Yes, send me the newsletter.',
      consent_at: now,
      confirmed_at: now,
      unsubscribed_at: null,
      confirm_sent_at: null,
    })
    .execute()
  await db
    .insertInto('contribution')
    .values({
      provider: 'test',
      method: 'card',
      checkout_ref: 'co_1',
      subscription_ref: null,
      customer_ref: null,
      payment_ref: 'pay_1',
      amount: 1000,
      currency: 'EUR',
      frequency: 'once',
      status: 'paid',
      email: 'reader@example.org',
      language: 'en',
      created_at: now,
      paid_at: now,
      cancelled_at: null,
      status_at: now,
    })
    .execute()
  await app.media.write(app.media.newKey(), '800.webp', crypto.randomBytes(4096))
}

async function mediaHashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const f of await listFiles(dir, () => {})) out[f] = await sha256File(path.join(dir, f))
  return out
}

/** An empty place to restore into: a SQLite file, or a PostgreSQL database of its own. */
async function emptyTarget(dialect: 'sqlite' | 'postgres', dir: string, schema?: string) {
  if (dialect === 'sqlite')
    return { url: `sqlite:${path.join(dir, 'restored.sqlite')}`, drop: async () => {} }
  const name = `mh_restore_${process.pid}_${crypto.randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `/${name}`
  if (schema) url.searchParams.set('schema', schema)
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await c.connect()
      try {
        await c.query(`drop database if exists ${name} with (force)`)
      } finally {
        await c.end()
      }
    },
  }
}

for (const dialect of testDialects) {
  describe(`${dialect}: backup and restore`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let dir: string
    before(async () => {
      app = await buildTestApp(dialect)
      await fill(app)
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-backup-test-'))
    })
    after(async () => {
      await app?.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })

    it('round-trips every table and media file, backed up while serving', async () => {
      const out = path.join(dir, 'site.tar.gz')
      const progress: string[] = []
      // Readers keep coming while the copy is made.
      let serving = true
      const readers = (async () => {
        let n = 0
        while (serving) {
          assert.equal((await app.http.inject({ url: '/' })).statusCode, 200)
          n++
          // A cached page is answered without leaving the microtask queue: let the copy run.
          await new Promise((r) => setImmediate(r))
        }
        return n
      })()
      const { manifest } = await createBackup({
        storage: app.storage,
        mediaDir: app.mediaDir,
        out,
        progress: (l) => void progress.push(l),
      })
      serving = false
      assert.ok((await readers) >= 1)
      assert.ok(progress.some((l) => l.startsWith('backup written')))
      assert.deepEqual(fs.readdirSync(dir), ['site.tar.gz'], 'no temporary file is left')

      const source = await sourceCounts(app)
      assert.deepEqual(manifest.tables, source)
      for (const t of [
        'article',
        'image',
        'section',
        'subscriber',
        'subscription',
        'contribution',
        'appeal',
      ])
        assert.ok((source[t] ?? 0) > 0, `${t} has rows`)
      const sourceMedia = await mediaHashes(app.mediaDir)
      assert.ok(Object.keys(sourceMedia).length >= 3)

      const target = await emptyTarget(dialect, dir, app.storage.schema)
      const media = path.join(dir, 'restored-media')
      try {
        const said: string[] = []
        const result = await restoreBackup({
          file: out,
          databaseUrl: target.url,
          mediaDir: media,
          progress: (l) => void said.push(l),
        })
        assert.deepEqual(result.tables, source)
        assert.deepEqual(await countRows(target.url), source)
        assert.deepEqual(await mediaHashes(media), sourceMedia)
        assert.ok(said.some((l) => /^ {2}article: \d+ rows$/.test(l)))
        assert.ok(said.some((l) => l.includes('counts match the backup')))

        // The restored database is a working site database.
        const restored = await connect(target.url)
        try {
          const articles = await restored.db
            .selectFrom('article')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
          assert.equal(Number(articles.n), source.article)
        } finally {
          await restored.close()
        }

        // A second restore over it is refused, then allowed with force.
        await assert.rejects(
          restoreBackup({ file: out, databaseUrl: target.url, mediaDir: media }),
          (err: unknown) => err instanceof RestoreError && err.code === 'RESTORE_TARGET_NOT_EMPTY',
        )
        const forced = await restoreBackup({
          file: out,
          databaseUrl: target.url,
          mediaDir: media,
          force: true,
        })
        assert.deepEqual(forced.tables, source)
      } finally {
        await target.drop()
      }
    })
  })
}

async function sourceCounts(app: TestApp) {
  const url =
    app.storage.dialect === 'sqlite'
      ? null
      : (() => {
          const u = new URL(TEST_DATABASE_URL)
          u.searchParams.set('schema', app.storage.schema!)
          return u.toString()
        })()
  if (url) return countRows(url)
  // In-memory SQLite has no URL to open again: count through the app's own connection.
  const tables = await app.storage.db.introspection.getTables({ withInternalKyselyTables: true })
  const counts: Record<string, number> = {}
  for (const t of tables.map((t) => t.name).sort()) {
    const r = await app.storage.db
      .selectFrom(t as 'article')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    counts[t] = Number(r.n)
  }
  return counts
}

describe('restore refuses hostile or damaged archives before touching anything', () => {
  let dir: string
  let good: string
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-hostile-'))
    const storage = await connect(`sqlite:${path.join(dir, 'source.sqlite')}`)
    await migrateToLatest(storage.db)
    fs.mkdirSync(path.join(dir, 'media', 'k'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'media', 'k', '800.webp'), crypto.randomBytes(50_000))
    good = path.join(dir, 'good.tar.gz')
    await createBackup({ storage, mediaDir: path.join(dir, 'media'), out: good })
    await storage.close()
  })
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  /** Unpacks the good archive, lets `change` alter it, packs the named entries again. */
  async function altered(
    name: string,
    change: (root: string) => void,
    entries = ['manifest.json', 'database/masthead.sqlite', 'media/k/800.webp'],
    opts: { preservePaths?: boolean; gnuTar?: boolean } = {},
  ): Promise<string> {
    const root = path.join(dir, `${name}-root`, 'inner')
    fs.mkdirSync(root, { recursive: true })
    await tar.x({ file: good, cwd: root })
    change(root)
    const file = path.join(dir, `${name}.tar.gz`)
    // GNU tar writes hard links as links, as an attacker's archive would.
    if (opts.gnuTar) execFileSync('tar', ['-czf', file, '-C', root, ...entries])
    else await tar.c({ gzip: true, file, cwd: root, preservePaths: !!opts.preservePaths }, entries)
    return file
  }

  async function refused(file: string, pattern: RegExp) {
    const target = path.join(dir, `target-${crypto.randomBytes(3).toString('hex')}`)
    await assert.rejects(
      restoreBackup({
        file,
        databaseUrl: `sqlite:${path.join(target, 'db.sqlite')}`,
        mediaDir: path.join(target, 'media'),
      }),
      (err: unknown) =>
        err instanceof RestoreError && err.code === 'BACKUP_INVALID' && pattern.test(err.message),
    )
    // Nothing was written: no database, no media, no staging folder left behind.
    assert.deepEqual(fs.existsSync(target) ? fs.readdirSync(target) : [], [])
    assert.equal(fs.existsSync(path.join(dir, 'escaped.txt')), false)
  }

  it('restores the unaltered archive (the control)', async () => {
    const target = path.join(dir, 'control')
    const r = await restoreBackup({
      file: good,
      databaseUrl: `sqlite:${path.join(target, 'db.sqlite')}`,
      mediaDir: path.join(target, 'media'),
    })
    assert.equal(r.mediaFiles, 1)
  })

  it('refuses a path that climbs out of the folder', async () => {
    const file = await altered(
      'traversal',
      (root) => fs.writeFileSync(path.join(root, '..', 'escaped.txt'), 'x'),
      ['manifest.json', '../escaped.txt'],
      { preservePaths: true },
    )
    fs.rmSync(path.join(dir, 'traversal-root', 'escaped.txt'))
    await refused(file, /unsafe path/)
  })

  it('refuses a symbolic link and a hard link', async () => {
    const sym = await altered(
      'symlink',
      (root) => fs.symlinkSync('/etc/passwd', path.join(root, 'media', 'k', '400.webp')),
      ['manifest.json', 'database/masthead.sqlite', 'media/k/800.webp', 'media/k/400.webp'],
    )
    await refused(sym, /SymbolicLink, not a file/)
    const hard = await altered(
      'hardlink',
      (root) =>
        fs.linkSync(
          path.join(root, 'media', 'k', '800.webp'),
          path.join(root, 'media', 'k', '1200.webp'),
        ),
      ['manifest.json', 'database/masthead.sqlite', 'media/k/800.webp', 'media/k/1200.webp'],
      { gnuTar: true },
    )
    await refused(hard, /Link, not a file/)
  })

  it('refuses a file whose hash is not the manifest’s', async () => {
    const file = await altered('hash', (root) =>
      fs.writeFileSync(path.join(root, 'media', 'k', '800.webp'), crypto.randomBytes(50_000)),
    )
    await refused(file, /media\/k\/800\.webp does not match its SHA-256/)
  })

  it('refuses a file the manifest does not list, and a listed file that is missing', async () => {
    const extra = await altered(
      'extra',
      (root) => fs.writeFileSync(path.join(root, 'media', 'k', '400.webp'), 'x'),
      ['manifest.json', 'database/masthead.sqlite', 'media/k/800.webp', 'media/k/400.webp'],
    )
    await refused(extra, /not in the manifest/)
    const missing = await altered('missing', () => {}, [
      'manifest.json',
      'database/masthead.sqlite',
    ])
    await refused(missing, /listed in the manifest but missing/)
  })

  it('refuses a manifest that does not validate', async () => {
    const file = await altered('manifest', (root) => {
      const m = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')) as {
        version: number
        media: { path: string }[]
      }
      m.version = 99
      m.media[0]!.path = '../../etc/passwd'
      fs.writeFileSync(path.join(root, 'manifest.json'), JSON.stringify(m))
    })
    await refused(file, /manifest\.json is not valid: version: .*media\.0\.path/)
  })

  it('refuses a truncated archive', async () => {
    const bytes = fs.readFileSync(good)
    const file = path.join(dir, 'truncated.tar.gz')
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await refused(file, /damaged or truncated/)
  })
})
