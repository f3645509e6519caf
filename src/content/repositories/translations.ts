import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'

/** One article of a translation group, as a link to it needs it. */
export interface TranslationLink {
  id: number
  slug: string
  headline: string
  language: string
  status: string
  section: { slug: string }
  publishedAt: Date | null
}

/** A section's or a topic's name in one language (ADR 026). */
export interface TaxonomyName {
  name: string
  description: string
}

/** Names by item id, per kind, in one language. */
export interface TaxonomyNames {
  section: Map<number, TaxonomyName>
  topic: Map<number, TaxonomyName>
}

/**
 * Translations (ADR 026): articles telling the same story in different languages share a group,
 * named by the smallest id among them; and names of sections and topics in more languages.
 * Queries only: which articles may be joined is the use case's rule (content/translation.ts).
 */
export interface TranslationRepository {
  /** Every article of `articleId`'s group but itself, any status; [] when it stands alone. */
  translationsOf(articleId: number): Promise<TranslationLink[]>
  /** The members of several groups at once (sitemaps): by group, any status. */
  groupMembers(
    groups: readonly number[],
  ): Promise<Map<number, (TranslationLink & { group: number })[]>>
  /** Puts every article of `ids` in one group, named by the smallest id; in one statement. */
  setGroup(ids: readonly number[]): Promise<void>
  /** Takes the article out of its group; a group left with one article is dissolved. */
  leaveGroup(articleId: number): Promise<void>
  /** Names in `language`. */
  taxonomyNames(language: string): Promise<TaxonomyNames>
  /** Sets (or, with an empty name, removes) one item's name in `language`. */
  saveTaxonomyName(
    kind: 'section' | 'topic',
    itemId: number,
    language: string,
    name: TaxonomyName | null,
  ): Promise<void>
}

export function createTranslationRepository(db: Kysely<Database>): TranslationRepository {
  const linkColumns = [
    'article.id',
    'article.slug',
    'article.headline',
    'article.language',
    'article.status',
    'article.published_at',
    'article.translation_group',
    'section.slug as section_slug',
  ] as const
  const members = (groups: readonly number[]) =>
    db
      .selectFrom('article')
      .innerJoin('section', 'section.id', 'article.section_id')
      .select(linkColumns)
      .where('article.translation_group', 'in', groups)
      .orderBy('article.id')
  type Row = Awaited<ReturnType<ReturnType<typeof members>['execute']>>[number]
  const linkOf = (r: Row): TranslationLink => ({
    id: Number(r.id),
    slug: r.slug,
    headline: r.headline,
    language: r.language,
    status: r.status,
    section: { slug: r.section_slug },
    publishedAt: r.published_at === null ? null : new Date(Number(r.published_at)),
  })

  return {
    async translationsOf(articleId) {
      // One statement on an article page: the group's other members through its own row (a
      // story alone has a null group, which joins nothing).
      const rows = await db
        .selectFrom('article as own')
        .innerJoin('article', 'article.translation_group', 'own.translation_group')
        .innerJoin('section', 'section.id', 'article.section_id')
        .select(linkColumns)
        .where('own.id', '=', articleId)
        .where('article.id', '!=', articleId)
        .orderBy('article.id')
        .execute()
      return rows.map(linkOf)
    },

    async groupMembers(groups) {
      const out = new Map<number, (TranslationLink & { group: number })[]>()
      if (groups.length === 0) return out
      for (const r of await members([...new Set(groups)]).execute()) {
        const group = Number(r.translation_group)
        const list = out.get(group) ?? []
        list.push({ ...linkOf(r), group })
        out.set(group, list)
      }
      return out
    },

    async setGroup(ids) {
      if (ids.length < 2) return
      await db
        .updateTable('article')
        .set({ translation_group: Math.min(...ids) })
        .where('id', 'in', [...ids])
        .execute()
    },

    async leaveGroup(articleId) {
      await db.transaction().execute(async (trx) => {
        const own = await trx
          .selectFrom('article')
          .select('translation_group')
          .where('id', '=', articleId)
          .executeTakeFirst()
        if (own?.translation_group == null) return
        const group = Number(own.translation_group)
        await trx
          .updateTable('article')
          .set({ translation_group: null })
          .where('id', '=', articleId)
          .execute()
        const left = await trx
          .selectFrom('article')
          .select('id')
          .where('translation_group', '=', group)
          .execute()
        const ids = left.map((r) => Number(r.id))
        if (ids.length === 1) {
          await trx
            .updateTable('article')
            .set({ translation_group: null })
            .where('id', '=', ids[0]!)
            .execute()
        } else if (ids.length > 1 && !ids.includes(group)) {
          // The group is named by its smallest member: rename it when that one left.
          await trx
            .updateTable('article')
            .set({ translation_group: Math.min(...ids) })
            .where('translation_group', '=', group)
            .execute()
        }
      })
    },

    async taxonomyNames(language) {
      const rows = await db
        .selectFrom('taxonomy_name')
        .select(['kind', 'item_id', 'name', 'description'])
        .where('language', '=', language)
        .execute()
      const out: TaxonomyNames = { section: new Map(), topic: new Map() }
      for (const r of rows)
        out[r.kind].set(Number(r.item_id), { name: r.name, description: r.description })
      return out
    },

    async saveTaxonomyName(kind, itemId, language, name) {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('taxonomy_name')
          .where('kind', '=', kind)
          .where('item_id', '=', itemId)
          .where('language', '=', language)
          .execute()
        if (name && name.name.trim())
          await trx
            .insertInto('taxonomy_name')
            .values({
              kind,
              item_id: itemId,
              language,
              name: name.name.trim(),
              description: name.description.trim(),
            })
            .execute()
      })
    },
  }
}
