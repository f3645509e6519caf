import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { seedDemoGifts, seedDemoReaders } from './demo-history.js'

for (const dialect of testDialects) {
  describe(
    `${dialect}: the demo's history fills the dashboards`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let weekly = 0

      before(async () => {
        app = await buildTestApp(dialect)
        weekly = await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'Weekly',
          language: 'en',
        })
        const now = Date.now()
        assert.equal(await seedDemoReaders(app.subscribers, weekly, now, 60), 60)
        assert.equal(await seedDemoGifts(app.contributions, ['en', 'ru'], now, 30), 30)
      })
      after(() => app.close())

      it('gives the weekly readers who joined over months, a few of whom left', async () => {
        const o = (await app.subscribers.overview()).find((x) => x.newsletter.id === weekly)!
        assert.equal(o.counts.confirmed + o.counts.unsubscribed, 60)
        assert.ok(o.counts.unsubscribed > 0 && o.counts.unsubscribed < 10)
        const weeksWithGrowth = o.weekly.filter((n) => n > 0).length
        assert.ok(weeksWithGrowth >= 8, `growth in ${weeksWithGrowth} weeks`)
      })

      it('records test-mode gifts with renewals, marked as the demo’s', async () => {
        const d = await app.contributions.dashboard()
        assert.ok(d.runningCount > 0, 'running monthly gifts')
        assert.ok((d.recurring['EUR'] ?? 0) > 0)
        assert.ok(d.months.length >= 2, 'more than one month of money in')
        assert.ok(d.days.filter((x) => x.count > 0).length >= 10, 'a chart with a shape')
        assert.ok(d.cancelled > 0, 'some monthly gifts stopped')
        const all = await app.contributions.listPage(100)
        assert.equal(all.length, 30)
        for (const c of all) {
          assert.equal(c.provider, 'test')
          assert.match(c.checkoutRef, /^demo_\d+$/)
          assert.match(c.email ?? '', /@demo\.invalid$/)
          assert.ok(c.paidAt, 'paid')
        }
      })
    },
  )
}
