import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { Agency, Author, Image, Section, Topic } from '../article.js'
import { type AuthorProfile, storedAuthorLinks } from '../author-profile.js'
import { LEAD_IMAGE_COLUMNS, leadImageOf } from './rows.js'
import { reindexArticles } from './search-index.js'

/** The four kinds of thing an article is filed under or credited to. */
export type TaxonomyKind = 'section' | 'topic' | 'author' | 'agency'

/** Sections, topics, authors and agencies. */
export interface TaxonomyRepository {
  /** In the order the navigation shows them. */
  listSections(): Promise<Section[]>
  findSectionBySlug(slug: string): Promise<Section | undefined>
  findTopicBySlug(slug: string): Promise<Topic | undefined>
  findAuthorBySlug(slug: string): Promise<Author | undefined>
  /** By name. */
  listTopics(): Promise<Topic[]>
  /** By name. */
  listAuthors(): Promise<Author[]>
  /** By name. */
  listAgencies(): Promise<Agency[]>
  /** The stored row of one section, topic, author or agency, for the edit form. */
  findTaxonomy(kind: TaxonomyKind, id: number): Promise<Record<string, unknown> | undefined>
  /** Changes a section, topic, author or agency in place; false if there is no such row. */
  updateTaxonomy(
    kind: TaxonomyKind,
    id: number,
    values: Record<string, string | number | null>,
    now: Date,
  ): Promise<boolean>
  insertSection(s: Omit<Section, 'id'>): Promise<number>
  /** `links` is the stored JSON (see author-profile.ts); none by default. */
  insertAuthor(a: Omit<Author, 'id'> & { links?: string | undefined }, now: Date): Promise<number>
  /** An author as their page shows them: with the photo's row and the links. */
  findAuthorProfile(slug: string): Promise<AuthorProfile | undefined>
  /** The author page's photo; null when none (or no such author). */
  authorPhoto(id: number): Promise<Image | null>
  /** Sets or clears the author page's photo; false if there is no such author. */
  setAuthorImage(id: number, imageId: number | null, now: Date): Promise<boolean>
  insertAgency(a: Omit<Agency, 'id'>): Promise<number>
  insertTopic(t: Omit<Topic, 'id'>): Promise<number>
}

export function createTaxonomyRepository(db: Kysely<Database>): TaxonomyRepository {
  return {
    async listSections() {
      return db.selectFrom('section').selectAll().orderBy('position').orderBy('id').execute()
    },

    async findSectionBySlug(slug) {
      return db.selectFrom('section').selectAll().where('slug', '=', slug).executeTakeFirst()
    },

    async findTopicBySlug(slug) {
      return db.selectFrom('topic').selectAll().where('slug', '=', slug).executeTakeFirst()
    },

    async findAuthorBySlug(slug) {
      return db
        .selectFrom('author')
        .select(['id', 'slug', 'name', 'role', 'bio'])
        .where('slug', '=', slug)
        .executeTakeFirst()
    },

    async findAuthorProfile(slug) {
      const r = await db
        .selectFrom('author')
        .leftJoin('image as li', 'li.id', 'author.image_id')
        .select([
          'author.id',
          'author.slug',
          'author.name',
          'author.role',
          'author.bio',
          'author.links',
          'author.image_id as lead_image_id',
          ...LEAD_IMAGE_COLUMNS,
        ])
        .where('author.slug', '=', slug)
        .executeTakeFirst()
      if (!r) return undefined
      const { id, name, role, bio, links } = r
      return {
        id,
        slug: r.slug,
        name,
        role,
        bio,
        links: storedAuthorLinks(links),
        photo: leadImageOf(r),
      }
    },

    async authorPhoto(id) {
      const r = await db
        .selectFrom('author')
        .innerJoin('image as li', 'li.id', 'author.image_id')
        .select(['author.image_id as lead_image_id', ...LEAD_IMAGE_COLUMNS])
        .where('author.id', '=', id)
        .executeTakeFirst()
      return r ? leadImageOf(r) : null
    },

    async setAuthorImage(id, imageId, now) {
      const r = await db
        .updateTable('author')
        .set({ image_id: imageId, updated_at: now.getTime() })
        .where('id', '=', id)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async listTopics() {
      return db.selectFrom('topic').selectAll().orderBy('name').execute()
    },

    async listAuthors() {
      return db
        .selectFrom('author')
        .select(['id', 'slug', 'name', 'role', 'bio'])
        .orderBy('name')
        .execute()
    },

    async listAgencies() {
      return db.selectFrom('agency').selectAll().orderBy('name').execute()
    },

    async findTaxonomy(kind, id) {
      return db.selectFrom(kind).selectAll().where('id', '=', id).executeTakeFirst() as Promise<
        Record<string, unknown> | undefined
      >
    },

    async updateTaxonomy(kind, id, values, now) {
      // An author's page says when it was last changed; the others have no such column.
      const set = kind === 'author' ? { ...values, updated_at: now.getTime() } : values
      return db.transaction().execute(async (tx) => {
        const r = await tx.updateTable(kind).set(set).where('id', '=', id).executeTakeFirst()
        // Search holds byline and topic names: the articles naming this one are indexed again.
        const ids =
          kind === 'topic'
            ? tx.selectFrom('article_topic').select('article_id').where('topic_id', '=', id)
            : kind === 'section'
              ? undefined
              : tx
                  .selectFrom('article_credit')
                  .select('article_id')
                  .where(kind === 'author' ? 'author_id' : 'agency_id', '=', id)
        if (ids)
          await reindexArticles(
            tx,
            (await ids.execute()).map((r) => r.article_id),
          )
        return Number(r.numUpdatedRows) === 1
      })
    },

    async insertSection(s) {
      const r = await db.insertInto('section').values(s).returning('id').executeTakeFirstOrThrow()
      return r.id
    },

    async insertAuthor(a, now) {
      const r = await db
        .insertInto('author')
        .values({ ...a, updated_at: now.getTime() })
        .returning('id')
        .executeTakeFirstOrThrow()
      return r.id
    },

    async insertAgency(a) {
      const r = await db.insertInto('agency').values(a).returning('id').executeTakeFirstOrThrow()
      return r.id
    },

    async insertTopic(t) {
      const r = await db.insertInto('topic').values(t).returning('id').executeTakeFirstOrThrow()
      return r.id
    },
  }
}
