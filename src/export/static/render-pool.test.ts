import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { type App, buildApp } from '../../app.js'
import { type Config, loadConfig } from '../../config.js'
import { connect, migrateToLatest, type Storage } from '../../storage/index.js'
import {
  TEST_DATABASE_URL,
  openTestStorage,
  skipFor,
  testDialects,
} from '../../../test/support/dialects.js'
import { createRenderPool } from './render-pool.js'
import { RENDER_HOST, injectRender } from './static-export.js'

// Worker threads start from the command's own entry file, as `masthead export static` does.
const ENTRY = path.resolve('src/main.ts')

for (const dialect of testDialects) {
  describe(`${dialect}: rendering in worker threads`, { skip: await skipFor(dialect) }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-pool-'))
    let storage: Storage
    let config: Config
    let app: App

    before(async () => {
      let url: string
      if (dialect === 'sqlite') {
        // A file, not memory: the workers open the same database.
        url = `sqlite:${path.join(dir, 'pool.db')}`
        storage = await connect(url)
        await migrateToLatest(storage.db)
      } else {
        storage = await openTestStorage('postgres')
        const u = new URL(TEST_DATABASE_URL)
        u.searchParams.set('schema', storage.schema ?? '')
        url = u.toString()
      }
      config = loadConfig({
        DATABASE_URL: url,
        MEDIA_DIR: path.join(dir, 'media'),
        LOG_LEVEL: 'silent',
        PAGE_CACHE: 'false',
        WORKER: 'off',
      })
      app = await buildApp({ config, storage, logger: false })
      await app.http.ready()
      await app.content.createSection({ slug: 'world', name: 'World', description: 'Abroad.' })
    })
    after(async () => {
      await app?.http.close()
      await storage?.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })

    it('answers each page as this thread does, 404s included', async () => {
      const pool = await createRenderPool(2, ENTRY, {
        mastheadRenderWorker: true,
        config,
        host: RENDER_HOST,
      })
      try {
        const here = injectRender(app)
        for (const p of ['/', '/reach', '/world', '/feed.json', '/robots.txt', '/no/such/page']) {
          const [there, mine] = await Promise.all([pool.render(p), here(p)])
          assert.equal(there.statusCode, mine.statusCode, p)
          assert.equal(there.contentType, mine.contentType, p)
          assert.ok(there.body.equals(mine.body), `${p}: the same bytes`)
        }
      } finally {
        await pool.close()
      }
    })
  })
}
