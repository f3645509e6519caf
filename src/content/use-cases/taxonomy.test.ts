import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { seedBasics, type Basics } from '../../../test/support/factories.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: taxonomy`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics

    before(async () => {
      f = await openContent(dialect, { clock: fixedClock(NOW) })
      b = await seedBasics(f, NOW)
    })
    after(() => f?.close())

    it('validates sections, authors, agencies and topics, and refuses a taken slug with SLUG_TAKEN', async () => {
      await assert.rejects(f.content.createSection({ slug: '', name: 'Nothing' }), {
        code: 'VALIDATION_FAILED',
      })
      await assert.rejects(f.content.createSection({ slug: '../admin', name: 'X' }), {
        code: 'VALIDATION_FAILED',
      })
      await assert.rejects(f.content.createSection({ slug: 'world', name: 'World again' }), {
        code: 'SLUG_TAKEN',
      })
      await assert.rejects(f.content.createAuthor({ slug: 'ana-petrova', name: 'Someone else' }), {
        code: 'SLUG_TAKEN',
      })
      await assert.rejects(f.content.createTopic({ slug: 'Elections', name: 'Caps' }), {
        code: 'VALIDATION_FAILED',
      })
      await assert.rejects(
        f.content.createAgency({ slug: 'x-wire', name: 'X', url: 'javascript:alert(1)' }),
        { code: 'VALIDATION_FAILED' },
      )
      assert.equal((await f.content.listSections()).length, 2)
    })

    it('remembers names in another language until one changes here or elsewhere', async () => {
      const first = await f.content.namesIn('ru')
      assert.equal(first.section.size, 0)
      assert.equal(await f.content.namesIn('ru'), first, 'the same remembered names')
      await f.content.nameInLanguage('section', b.sectionId, 'ru', { name: 'Мир', description: '' })
      assert.equal((await f.content.namesIn('ru')).section.get(b.sectionId)?.name, 'Мир')
      // Another instance renames it: this one keeps its copy until told.
      await f.repo.saveTaxonomyName('section', b.sectionId, 'ru', {
        name: 'В мире',
        description: '',
      })
      assert.equal((await f.content.namesIn('ru')).section.get(b.sectionId)?.name, 'Мир')
      f.content.forget(['all'])
      assert.equal((await f.content.namesIn('ru')).section.get(b.sectionId)?.name, 'В мире')
      await f.content.nameInLanguage('section', b.sectionId, 'ru', null)
      assert.equal((await f.content.namesIn('ru')).section.size, 0, 'an empty name removes it')
    })

    it('remembers the sections until one changes here or elsewhere', async () => {
      const first = await f.content.listSections()
      assert.equal(await f.content.listSections(), first, 'the same remembered list')
      await f.repo.insertSection({ slug: 'sport', name: 'Sport', description: '', position: 2 })
      assert.equal((await f.content.listSections()).length, 2, 'another instance wrote it')
      f.content.forget(['article:1'])
      assert.equal((await f.content.listSections()).length, 2)
      f.content.forget(['all'])
      assert.equal((await f.content.listSections()).length, 3)
      await f.content.updateTaxonomy('section', b.otherSectionId, {
        slug: 'culture',
        name: 'Arts',
      })
      assert.deepEqual(
        (await f.content.listSections()).map((s) => s.name),
        ['World', 'Arts', 'Sport'],
      )
    })

    it('changes a topic, author or agency, purging every page, and says when there is none', async () => {
      f.changes.length = 0
      await f.content.updateTaxonomy('agency', b.agencyId, {
        slug: 'north-wire',
        name: 'North Wire Service',
        url: 'https://north.example',
      })
      assert.deepEqual(f.changes, [['all']])
      await assert.rejects(
        f.content.updateTaxonomy('topic', b.topicIds[1]!, { slug: 'elections', name: 'Dup' }),
        { code: 'SLUG_TAKEN' },
      )
      await assert.rejects(
        f.content.updateTaxonomy('author', b.authorId, { slug: 'ana-petrova', name: '' }),
        { code: 'VALIDATION_FAILED' },
      )
      await assert.rejects(
        f.content.updateTaxonomy('topic', 999_999, { slug: 'nothing', name: 'Nothing' }),
        { code: 'NOT_FOUND' },
      )
    })
  })
}
