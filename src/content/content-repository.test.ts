import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import type { Storage } from '../storage/index.js'
import { createContentRepository } from './content-repository.js'
import { createArticleReads } from './repositories/article-reads.js'
import { createArticleWrites } from './repositories/article-writes.js'
import { createFrontRepository } from './repositories/fronts.js'
import { createGuestNames } from './repositories/guest-names.js'
import { createImageRepository } from './repositories/images.js'
import { createNewsroomList } from './repositories/newsroom-list.js'
import { createRevisionRepository } from './repositories/revisions.js'
import { createPublicationSchedule } from './repositories/schedule.js'
import { createTranslationRepository } from './repositories/translations.js'
import { createSearchIndex } from './repositories/search-index.js'
import { createSitemapRows } from './repositories/sitemap-rows.js'
import { createTaxonomyRepository } from './repositories/taxonomy.js'

// Each part is tested beside its own module (repositories/*.test.ts); this checks the union.
for (const dialect of testDialects) {
  describe(`${dialect}: content repository`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage

    before(async () => {
      storage = await openTestStorage(dialect)
    })
    after(() => storage?.close())

    it('is every part at once, no method shadowing another', () => {
      const db = storage.db
      const parts = [
        createArticleReads(db, dialect),
        createNewsroomList(db),
        createArticleWrites(db),
        createPublicationSchedule(db),
        createTaxonomyRepository(db),
        createImageRepository(db),
        createRevisionRepository(db),
        createSitemapRows(db),
        createSearchIndex(db, dialect),
        createTranslationRepository(db),
        createFrontRepository(db),
        createGuestNames(db),
      ]
      const names = parts.flatMap((p) => Object.keys(p))
      assert.equal(new Set(names).size, names.length, 'each method in one part only')
      const repo = createContentRepository(db, dialect)
      assert.deepEqual(Object.keys(repo).sort(), [...names].sort())
      for (const name of names)
        assert.equal(typeof (repo as unknown as Record<string, unknown>)[name], 'function', name)
    })

    it('answers through any part on an empty database', async () => {
      const repo = createContentRepository(storage.db, dialect)
      const now = new Date()
      assert.deepEqual(await repo.listSections(), [])
      assert.equal(await repo.countArticles(), 0)
      assert.deepEqual(await repo.listPublished({ kind: 'all' }, { limit: 5, offset: 0 }, now), {
        items: [],
        hasMore: false,
      })
      assert.equal(await repo.latestChange(now), null)
      assert.equal(await repo.nextScheduledAt(), null)
    })
  })
}
