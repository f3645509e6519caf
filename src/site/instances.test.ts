import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildApp, type App } from '../app.js'
import { loadConfig } from '../config.js'
import type { Storage } from '../storage/index.js'
import { connectSameSchema, skipFor } from '../../test/support/dialects.js'
import { articleInput, seedBasics, type Basics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

// Several instances share one PostgreSQL database; each keeps its own page cache. SQLite has one
// process per file, so there is nothing to test there.
describe('postgres: two instances of the app', { skip: await skipFor('postgres') }, () => {
  let a: TestApp
  let bStorage: Storage
  let b: App
  let basics: Basics

  before(async () => {
    a = await buildTestApp('postgres')
    bStorage = await connectSameSchema(a.storage.schema!)
    b = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      storage: bStorage,
      logger: false,
    })
    await b.http.ready()
    basics = await seedBasics(a)
  })
  after(async () => {
    await b?.http.close()
    await bStorage?.close()
    await a?.close()
  })

  it('purges a page cached on one instance when another changes its article', async () => {
    const art = await a.content.createArticle(
      articleInput(basics, { slug: 'shared', headline: 'First headline' }),
    )
    const url = `/world/${art.publishedAt!.getUTCFullYear()}/${String(art.publishedAt!.getUTCMonth() + 1).padStart(2, '0')}/shared`
    const get = () => a.http.inject({ method: 'GET', url, headers: { host: 'example.org' } })
    assert.match((await get()).body, /First headline/)
    assert.equal(a.cache!.stats().entries > 0, true)
    await b.content.updateArticle(
      art.id,
      articleInput(basics, {
        slug: 'shared',
        headline: 'Second headline',
        publishedAt: art.publishedAt,
      }),
    )
    // The notification arrives asynchronously; wait for it, bounded.
    const deadline = Date.now() + 5000
    let body = (await get()).body
    while (!/Second headline/.test(body) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50))
      body = (await get()).body
    }
    assert.match(body, /Second headline/)
  })
})
