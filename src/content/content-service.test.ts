import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../lib/clock.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../test/support/content.js'
import { articleInput, seedBasics, type Basics } from '../../test/support/factories.js'

const NOW = new Date('2026-11-26T12:00:00Z')

// Each use case is tested beside its module (use-cases/*.test.ts); this checks how they are
// put together: one report per change, each key once, and every part reachable.
for (const dialect of testDialects) {
  describe(`${dialect}: content service`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics

    before(async () => {
      f = await openContent(dialect, { clock: fixedClock(NOW), defaultLanguage: 'ru' })
      b = await seedBasics(f, NOW)
    })
    after(() => f?.close())

    it('offers every use case', () => {
      for (const name of [
        'createArticle',
        'updateArticle',
        'addCorrection',
        'listRevisions',
        'findRevision',
        'restoreRevision',
        'autosave',
        'findAutosave',
        'listSections',
        'createSection',
        'createAuthor',
        'createAgency',
        'createTopic',
        'updateTaxonomy',
        'forget',
        'namesIn',
        'nameInLanguage',
        'linkTranslation',
        'createImage',
        'publishDue',
      ])
        assert.equal(
          typeof (f.content as unknown as Record<string, unknown>)[name],
          'function',
          name,
        )
    })

    it('reports each changed key once per change, after the write', async () => {
      f.changes.length = 0
      const a = await f.content.createArticle(
        articleInput(b, { credits: [{ authorId: b.authorId }, { authorId: b.authorId }] }),
      )
      assert.equal(f.changes.length, 1)
      const keys = f.changes[0]!
      assert.equal(new Set(keys).size, keys.length)
      assert.ok(keys.includes(`article:${a.id}`))
      assert.ok(await f.repo.findArticleById(a.id), 'written before it is reported')
    })

    it('saves in the newsroom’s language unless told otherwise', async () => {
      const a = await f.content.createArticle(articleInput(b))
      assert.equal(a.language, 'ru')
      const en = await f.content.createArticle(articleInput(b, { language: 'en' }))
      assert.equal(en.language, 'en')
    })
  })
}
