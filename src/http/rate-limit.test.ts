import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import Fastify from 'fastify'
import { buildApp, type App } from '../app.js'
import { loadConfig } from '../config.js'
import { connect, migrateToLatest, type DialectName, type Storage } from '../storage/index.js'
import {
  connectSameSchema,
  openTestStorage,
  skipFor,
  testDialects,
} from '../../test/support/dialects.js'
import {
  addressLimit,
  createRateLimitCounter,
  rateLimitStore,
  registerRateLimits,
} from './rate-limit.js'

const MINUTE = 60_000

for (const dialect of testDialects) {
  describe(`${dialect}: shared rate-limit counter`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let now = 1_800_000_000_000
    before(async () => {
      storage = await openTestStorage(dialect)
    })
    after(() => storage?.close())
    const counter = (o: { hash?: boolean } = {}) =>
      createRateLimitCounter(storage.db, {
        now: () => now,
        sweepEveryMs: Number.MAX_SAFE_INTEGER,
        ...(o.hash ? { hashKey: async (k: string) => `h(${k})` } : {}),
      })

    it('counts requests in one window and starts again when it ends', async () => {
      const c = counter()
      assert.deepEqual(await c.hit('a', 10 * MINUTE, 10, false), { current: 1, ttl: 10 * MINUTE })
      now += MINUTE
      assert.deepEqual(await c.hit('a', 10 * MINUTE, 10, false), { current: 2, ttl: 9 * MINUTE })
      assert.deepEqual(await c.read('a'), { current: 2, ttl: 9 * MINUTE })
      assert.deepEqual((await c.hit('b', 10 * MINUTE, 10, false)).current, 1, 'keys count apart')
      now += 9 * MINUTE
      assert.deepEqual(await c.hit('a', 10 * MINUTE, 10, false), { current: 1, ttl: 10 * MINUTE })
    })

    it('counts every one of many requests arriving at once (one atomic upsert each)', async () => {
      const c = counter()
      const hits = await Promise.all(
        Array.from({ length: 20 }, () => c.hit('burst', 10 * MINUTE, 100, false)),
      )
      assert.deepEqual(
        hits.map((h) => h.current).sort((x, y) => x - y),
        Array.from({ length: 20 }, (_, i) => i + 1),
      )
    })

    it('keeps refusing a client that keeps trying, until it has been quiet a whole window', async () => {
      const c = counter()
      for (let i = 0; i < 3; i++) await c.hit('k', 10 * MINUTE, 3, true)
      now += 9 * MINUTE
      assert.equal((await c.hit('k', 10 * MINUTE, 3, true)).current, 4, 'over: the window restarts')
      now += 9 * MINUTE
      const again = await c.hit('k', 10 * MINUTE, 3, true)
      assert.deepEqual(again, { current: 5, ttl: 10 * MINUTE })
      now += 10 * MINUTE
      assert.equal((await c.hit('k', 10 * MINUTE, 3, true)).current, 1)
    })

    it('stores only the hashed key, and sweeps ended windows', async () => {
      const c = counter({ hash: true })
      await c.hit('sign-up:192.0.2.7', MINUTE, 10, false)
      const keys = (await storage.db.selectFrom('rate_limit').select('key').execute()).map(
        (r) => r.key,
      )
      assert.ok(keys.includes('h(sign-up:192.0.2.7)'))
      assert.ok(!keys.some((k) => k.startsWith('sign-up:')), 'no address in the table')
      now += 60 * MINUTE
      assert.ok((await c.sweep()) >= 1)
      assert.equal(
        (await storage.db.selectFrom('rate_limit').select('key').execute()).length,
        0,
        'every window had ended',
      )
      assert.deepEqual(await c.read('sign-up:192.0.2.7'), { current: 0, ttl: 0 })
    })

    it('answers through @fastify/rate-limit as a custom store', async () => {
      const app = Fastify({ logger: false })
      await registerRateLimits(app, rateLimitStore(counter()))
      const tooMany = addressLimit(app, { name: 'plugin-test', max: 2, windowMs: MINUTE })
      app.get('/', async (req) => ({ refused: await tooMany(req) }))
      const seen = []
      for (let i = 0; i < 3; i++) {
        const res = await app.inject('/')
        assert.equal(res.headers['x-ratelimit-limit'], undefined, 'no rate-limit headers')
        seen.push(res.json().refused)
      }
      assert.deepEqual(seen, [false, false, true])
      await app.close()
    })
  })

  describe(
    `${dialect}: two instances of the app share one count`,
    { skip: await skipFor(dialect) },
    () => {
      let a: App
      let b: App
      const stores: Storage[] = []
      let dir = ''
      before(async () => {
        const first = await openSecond(dialect)
        stores.push(first.storage, first.other)
        dir = first.dir
        const config = loadConfig({
          LOG_LEVEL: 'silent',
          MEDIA_DIR: dir,
          PUBLIC_URL: 'http://example.org',
        })
        a = await buildApp({ config, storage: first.storage, logger: false })
        b = await buildApp({ config, storage: first.other, logger: false })
        await a.http.ready()
        await b.http.ready()
      })
      after(async () => {
        await b?.http.close()
        await a?.http.close()
        for (const s of stores.reverse()) await s.close()
        if (dir) fs.rmSync(dir, { recursive: true, force: true })
      })

      it('refuses the eleventh request in ten minutes, whichever instance counted the ten', async () => {
        const ask = (app: App) =>
          app.http.inject({
            method: 'POST',
            url: '/support/manage',
            headers: { host: 'example.org', 'content-type': 'application/x-www-form-urlencoded' },
            payload: 'email=not-an-address',
          })
        const codes: number[] = []
        for (let i = 0; i < 10; i++) codes.push((await ask(i % 2 ? b : a)).statusCode)
        assert.deepEqual(codes, Array(10).fill(422), 'ten answered (the address is refused)')
        const refusedA = await ask(a)
        assert.equal(refusedA.statusCode, 429)
        assert.match(refusedA.body, /Too many requests from here/)
        assert.equal((await ask(b)).statusCode, 429)
      })
    },
  )
}

/**
 * A migrated database and a second connection to it, as another instance would have: the same
 * PostgreSQL schema, or the same SQLite file opened twice.
 */
async function openSecond(
  dialect: DialectName,
): Promise<{ storage: Storage; other: Storage; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-rate-'))
  if (dialect === 'postgres') {
    const storage = await openTestStorage('postgres')
    return { storage, other: await connectSameSchema(storage.schema!), dir }
  }
  const file = path.join(dir, 'shared.db')
  const storage = await connect(`sqlite:${file}`)
  await migrateToLatest(storage.db)
  return { storage, other: await connect(`sqlite:${file}`), dir }
}
