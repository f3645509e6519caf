import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import {
  type CreditJson,
  LEAD_IMAGE_COLUMNS,
  SUMMARY_COLUMNS,
  SUMMARY_ROW_COLUMNS,
  CREDIT_COLUMNS,
  CREDIT_ROW_COLUMNS,
  containsPattern,
  creditRowOf,
  leadImageOf,
  parseJsonArray,
  perRow,
  publishedArticles,
  toCredit,
  toCredits,
  summaryRowOf,
  toImage,
} from './rows.js'

describe('list rows as arrays (ADR 044)', () => {
  it('reads the columns in the order the list selects them, by the names it gives them', () => {
    const named = [...SUMMARY_COLUMNS, ...LEAD_IMAGE_COLUMNS].map((c) =>
      c.includes(' as ') ? c.split(' as ')[1] : c.slice(c.indexOf('.') + 1),
    )
    assert.deepEqual([...SUMMARY_ROW_COLUMNS], named)
    const values = SUMMARY_ROW_COLUMNS.map((_, i) => i + 1)
    const row = summaryRowOf(values)
    assert.deepEqual(Object.keys(row), [...SUMMARY_ROW_COLUMNS])
    SUMMARY_ROW_COLUMNS.forEach((c, i) => assert.equal(row[c], i + 1, c))
  })

  it('reads a byline row in the order its query selects it', () => {
    const named = ['article_id', ...CREDIT_COLUMNS].map((c) =>
      c.includes(' as ') ? c.split(' as ')[1] : c.slice(c.indexOf('.') + 1),
    )
    assert.deepEqual([...CREDIT_ROW_COLUMNS], named)
    const row = creditRowOf(CREDIT_ROW_COLUMNS.map((_, i) => i + 1))
    assert.deepEqual(Object.keys(row), [...CREDIT_ROW_COLUMNS])
    CREDIT_ROW_COLUMNS.forEach((c, i) => assert.equal(row[c], i + 1, c))
  })

  it('keeps a missing lead image and publication time as null, and reads numbers sent as text', () => {
    const values: unknown[] = SUMMARY_ROW_COLUMNS.map(() => null)
    values[0] = '42'
    const row = summaryRowOf(values)
    assert.equal(row.id, 42)
    assert.equal(row.lead_image_id, null)
    assert.equal(row.published_at, null)
    assert.equal(leadImageOf(row), null)
  })
})

const credit = (over: Partial<CreditJson>): CreditJson => ({
  position: 0,
  kind: 'guest',
  name: null,
  author_id: null,
  author_slug: null,
  author_name: null,
  agency_id: null,
  agency_slug: null,
  agency_name: null,
  agency_url: null,
  ...over,
})

const imageRow = {
  id: 3,
  storage_key: 'k',
  alt: 'Alt',
  caption: 'Caption',
  credit: 'Credit',
  width: 1600,
  height: 900,
  widths: '[400,800]',
  created_at: 0,
}

describe('content rows', () => {
  it('reads JSON arrays as SQLite (text) and PostgreSQL (values) hand them back', () => {
    assert.deepEqual(parseJsonArray('[1,2]'), [1, 2])
    assert.deepEqual(parseJsonArray([1, 2]), [1, 2])
    assert.deepEqual(parseJsonArray(null), [])
  })

  it('turns byline rows into credits in position order, skipping what no longer exists', () => {
    assert.deepEqual(
      toCredit(credit({ kind: 'author', author_id: 4, author_slug: 'a', author_name: 'A' })),
      { kind: 'author', author: { id: 4, slug: 'a', name: 'A' } },
    )
    assert.deepEqual(
      toCredit(
        credit({
          kind: 'agency',
          agency_id: 2,
          agency_slug: 'w',
          agency_name: 'W',
          agency_url: null,
        }),
      ),
      { kind: 'agency', agency: { id: 2, slug: 'w', name: 'W', url: null } },
    )
    assert.deepEqual(toCredit(credit({ kind: 'guest', name: 'G' })), { kind: 'guest', name: 'G' })
    assert.equal(toCredit(credit({ kind: 'author' })), null)
    assert.equal(toCredit(credit({ kind: 'guest', name: '' })), null)
    const raw = JSON.stringify([
      credit({ position: 1, kind: 'guest', name: 'Second' }),
      credit({ position: 0, kind: 'guest', name: 'First' }),
      credit({ position: 2, kind: 'agency' }),
    ])
    assert.deepEqual(
      toCredits(raw).map((c) => (c.kind === 'guest' ? c.name : c.kind)),
      ['First', 'Second'],
    )
  })

  it('reads image widths, falling back to the original width when they do not parse', () => {
    assert.deepEqual(toImage(imageRow).widths, [400, 800])
    assert.deepEqual(toImage({ ...imageRow, widths: 'not json' }).widths, [1600])
    assert.deepEqual(toImage({ ...imageRow, widths: '[1.5,"x"]' }).widths, [1600])
    assert.equal(toImage(imageRow).storageKey, 'k')
  })

  it('has a lead image only when the joined image row exists', () => {
    const row = {
      lead_image_id: 3,
      li_storage_key: 'k',
      li_alt: 'Alt',
      li_caption: null,
      li_credit: null,
      li_width: 10,
      li_height: 5,
      li_widths: null,
    }
    assert.deepEqual(leadImageOf(row), {
      id: 3,
      storageKey: 'k',
      alt: 'Alt',
      caption: '',
      credit: '',
      width: 10,
      height: 5,
      widths: [10],
    })
    assert.equal(leadImageOf({ ...row, lead_image_id: null }), null)
    assert.equal(leadImageOf({ ...row, li_storage_key: null }), null)
  })

  it('makes LIKE patterns that take wildcards and the escape literally', () => {
    assert.equal(containsPattern('River'), '%river%')
    assert.equal(containsPattern('100%_\\'), '%100\\%\\_\\\\%')
  })
})

for (const dialect of testDialects) {
  describe(
    `${dialect}: what readers may see, as each database plans it (ADR 040)`,
    {
      skip: await skipFor(dialect),
    },
    () => {
      it('checks time, status and language on each row on SQLite only, and finds the same rows', async () => {
        const storage = await openTestStorage(dialect)
        try {
          const now = Date.now()
          const q = publishedArticles(storage.db, now, 'en')
            .select('article.id')
            .where(perRow<string>(storage.db, 'article.slug', 'text'), '=', 'x')
          const { sql: text, parameters } = q.compile()
          if (dialect === 'sqlite') {
            assert.match(text, /"article"\."status" = 'published'/)
            assert.match(text, /"article"\."published_at" \+ 0 <= \?/)
            assert.match(text, /"article"\."slug" \|\| '' = \?/)
            assert.deepEqual(parameters, [now, 'en', 'x'])
          } else {
            // PostgreSQL estimates from the plain columns: written per row, a topic's list
            // joined every article before sorting (0.13 ms became 37 ms).
            assert.doesNotMatch(text, /\+ 0|\|\| ''/)
            assert.deepEqual(parameters, ['published', now, 'en', 'x'])
          }
          assert.deepEqual(await q.execute(), [])
        } finally {
          await storage.close()
        }
      })
    },
  )
}
