import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import type { ArticleInput } from '../article-input.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics, type Basics } from '../../../test/support/factories.js'
import { createGuestNames } from './guest-names.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: guest names`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics

    before(async () => {
      f = await openContent(dialect, { clock: fixedClock(NOW) })
      b = await seedBasics(f, NOW)
      const story = (slug: string, credits: ArticleInput['credits']) =>
        f.content.createArticle(articleInput(b, { slug, credits }))
      await story('first', [{ guest: 'Dr Ilse Varn' }, { authorId: b.secondAuthorId }])
      await story('second', [{ guest: 'Oskar Brenn' }, { agencyId: b.agencyId }])
      await story('third', [{ guest: 'Dr Ilse Varn' }, { guest: 'Юлия Маркова' }])
      await story('staff-only', [{ authorId: b.secondAuthorId }])
    })
    after(() => f?.close())

    it('lists each guest once, those of the newest stories first, and never staff or agencies', async () => {
      const names = await createGuestNames(f.storage.db).recentGuestNames(500)
      assert.deepEqual(names, ['Dr Ilse Varn', 'Юлия Маркова', 'Oskar Brenn'])
    })

    it('stops at the limit asked for', async () => {
      const guests = createGuestNames(f.storage.db)
      assert.deepEqual(await guests.recentGuestNames(1), ['Dr Ilse Varn'])
      assert.deepEqual(await guests.recentGuestNames(0), [])
    })
  })
}
