import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { openTestStorage } from '../../../test/support/dialects.js'
import type { Storage } from '../../storage/index.js'
import { type TaxonomyRepository, createTaxonomyRepository } from './taxonomy.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: taxonomy repository`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: TaxonomyRepository
    const ids = { world: 0, culture: 0, ana: 0, wire: 0, courts: 0 }

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createTaxonomyRepository(storage.db)
      ids.culture = await repo.insertSection({
        slug: 'culture',
        name: 'Culture',
        description: '',
        position: 1,
      })
      ids.world = await repo.insertSection({
        slug: 'world',
        name: 'World',
        description: 'News from everywhere.',
        position: 0,
      })
      ids.ana = await repo.insertAuthor(
        { slug: 'ana-petrova', name: 'Ana Petrova', role: 'Correspondent', bio: '' },
        NOW,
      )
      await repo.insertAuthor({ slug: 'bo-lind', name: 'Bo Lind', role: '', bio: '' }, NOW)
      ids.wire = await repo.insertAgency({ slug: 'north-wire', name: 'North Wire', url: null })
      ids.courts = await repo.insertTopic({ slug: 'courts', name: 'Courts', description: '' })
      await repo.insertTopic({ slug: 'budget', name: 'Budget', description: '' })
    })
    after(() => storage?.close())

    it('lists sections in navigation order and the rest by name', async () => {
      assert.deepEqual(
        (await repo.listSections()).map((s) => s.slug),
        ['world', 'culture'],
      )
      assert.deepEqual(
        (await repo.listTopics()).map((t) => t.slug),
        ['budget', 'courts'],
      )
      assert.deepEqual(
        (await repo.listAuthors()).map((a) => a.slug),
        ['ana-petrova', 'bo-lind'],
      )
      assert.deepEqual(
        (await repo.listAgencies()).map((a) => a.slug),
        ['north-wire'],
      )
    })

    it('finds sections, topics and authors by slug', async () => {
      assert.equal((await repo.findSectionBySlug('world'))?.id, ids.world)
      assert.equal((await repo.findTopicBySlug('courts'))?.id, ids.courts)
      assert.deepEqual(await repo.findAuthorBySlug('ana-petrova'), {
        id: ids.ana,
        slug: 'ana-petrova',
        name: 'Ana Petrova',
        role: 'Correspondent',
        bio: '',
      })
      assert.equal(await repo.findSectionBySlug('nowhere'), undefined)
      assert.equal(await repo.findTopicBySlug('nothing'), undefined)
      assert.equal(await repo.findAuthorBySlug('nobody'), undefined)
    })

    it('changes one row in place, and says when there is none', async () => {
      const later = new Date(NOW.getTime() + 60_000)
      assert.equal(
        await repo.updateTaxonomy('agency', ids.wire, { name: 'North Wire Service' }, later),
        true,
      )
      assert.equal((await repo.findTaxonomy('agency', ids.wire))?.['name'], 'North Wire Service')
      assert.equal(await repo.updateTaxonomy('author', ids.ana, { bio: 'Courts.' }, later), true)
      const ana = await repo.findTaxonomy('author', ids.ana)
      assert.equal(ana?.['bio'], 'Courts.')
      assert.equal(Number(ana?.['updated_at']), later.getTime())
      assert.equal(await repo.updateTaxonomy('topic', 999_999, { name: 'X' }, later), false)
      assert.equal(await repo.findTaxonomy('section', 999_999), undefined)
    })
  })
}
