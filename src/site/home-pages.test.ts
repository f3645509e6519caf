import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

/** The stories a page lists, in order: every card's link. */
const storiesOf = (html: string) =>
  [...html.matchAll(/class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]!)

for (const dialect of testDialects) {
  describe(`${dialect}: the home page's later pages`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    const TOTAL = 34
    /** The lead, the four under it and the eight latest beside them. */
    const TOP = 13
    const get = (url: string) =>
      app.http.inject({ method: 'GET', url, headers: { host: 'example.org' } })

    before(async () => {
      app = await buildTestApp(dialect)
      const b = await seedBasics(app)
      for (let i = 0; i < TOTAL; i++)
        await app.content.createArticle(
          articleInput(b, {
            slug: `story-${String(i).padStart(2, '0')}`,
            sectionId: i % 2 ? b.sectionId : b.otherSectionId,
            publishedAt: new Date(Date.now() - (i + 1) * 60_000),
          }),
        )
    })
    after(() => app?.close())

    it('links page 1 to page 2, and every story is reached once from home', async () => {
      const front = await get('/')
      assert.equal(front.statusCode, 200)
      assert.match(front.body, /<link rel="next" href="\/\?page=2"\/?>/)
      assert.match(front.body, /<a href="\/\?page=2" rel="next">/)
      // The lead, the next four and the latest: the thirteen newest, in order.
      const top = front.body.slice(0, front.body.indexOf('class="section-block"'))
      const onTop = storiesOf(top)
      assert.deepEqual(
        onTop.map((p) => p.split('/').pop()),
        Array.from({ length: TOP }, (_, i) => `story-${String(i).padStart(2, '0')}`),
      )

      const two = await get('/?page=2')
      assert.equal(two.statusCode, 200)
      assert.notEqual(two.body, front.body, 'page 2 is not page 1 again')
      assert.match(two.body, /<link rel="prev" href="\/"\/?>/)
      assert.match(two.body, /<link rel="next" href="\/\?page=3"\/?>/)
      assert.match(two.body, /<link rel="canonical" href="http:\/\/example.org\/\?page=2"\/?>/)
      assert.match(two.body, /<title>Latest stories \(page 2\) \| The Lantern<\/title>/)
      const second = storiesOf(two.body)
      assert.equal(second.length, 20)
      assert.equal(
        second[0]!.split('/').pop(),
        `story-${TOP}`,
        'goes on where the front page stops',
      )

      const three = await get('/?page=3')
      assert.equal(three.statusCode, 200)
      assert.doesNotMatch(three.body, /rel="next"/)
      assert.match(three.body, /<link rel="prev" href="\/\?page=2"\/?>/)
      const third = storiesOf(three.body)
      assert.equal(third.length, TOTAL - TOP - 20)

      const all = [...onTop, ...second, ...third]
      assert.equal(new Set(all).size, TOTAL, 'each story once, none missing')
    })

    it('answers 404 past the last page, as other lists do', async () => {
      assert.equal((await get('/?page=4')).statusCode, 404)
      assert.equal((await get('/?page=999999')).statusCode, 404)
      assert.equal((await get('/world?page=999')).statusCode, 404)
      // Junk reads as page 1, as on every list.
      const junk = await get('/?page=abc')
      assert.equal(junk.statusCode, 200)
      assert.match(junk.body, /<link rel="next" href="\/\?page=2"\/?>/)
    })

    it('shows no pagination on a front page that holds every story', async () => {
      const small = await buildTestApp(dialect)
      try {
        const b = await seedBasics(small)
        await small.content.createArticle(articleInput(b))
        const res = await small.http.inject({ url: '/', headers: { host: 'example.org' } })
        assert.doesNotMatch(res.body, /rel="next"|class="pagination"/)
        const two = await small.http.inject({ url: '/?page=2', headers: { host: 'example.org' } })
        assert.equal(two.statusCode, 404)
      } finally {
        await small.close()
      }
    })
  })
}
