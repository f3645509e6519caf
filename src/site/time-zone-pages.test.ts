import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

for (const dialect of testDialects) {
  describe(
    `${dialect}: reader pages show times in TIME_ZONE`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let path = ''
      before(async () => {
        app = await buildTestApp(dialect, { env: { TIME_ZONE: 'Europe/Riga' } })
        const b = await seedBasics(app)
        // 23:30 UTC on 31 January is already 1 February in Riga; the address keeps January.
        const a = await app.content.createArticle(
          articleInput(b, {
            slug: 'late-night',
            status: 'published',
            publishedAt: new Date('2026-01-31T23:30:00Z'),
          }),
        )
        path = `/${a.section.slug}/2026/01/late-night`
      })
      after(() => app.close())

      it('dates the story by the newsroom’s clock and names the zone; the address is unchanged', async () => {
        const r = await app.http.inject({ url: path, headers: { host: 'example.org' } })
        assert.equal(r.statusCode, 200)
        assert.match(
          r.body,
          /<time datetime="2026-01-31T23:30:00.000Z">[^<]*1[^<]*2026[^<]*01:30 GMT\+2<\/time>/,
        )
        const home = await app.http.inject({ url: '/', headers: { host: 'example.org' } })
        assert.match(home.body, /<time datetime="2026-01-31T23:30:00.000Z">Feb 1, 2026<\/time>/)
      })
    },
  )
}
