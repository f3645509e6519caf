import type { Kysely } from 'kysely'
import type { Database, DialectName } from '../storage/index.js'
import { type ArticleReads, createArticleReads } from './repositories/article-reads.js'
import { type ArticleWrites, createArticleWrites } from './repositories/article-writes.js'
import { type FrontRepository, createFrontRepository } from './repositories/fronts.js'
import { type GuestNames, createGuestNames } from './repositories/guest-names.js'
import { type ImageRepository, createImageRepository } from './repositories/images.js'
import { type NewsroomList, createNewsroomList } from './repositories/newsroom-list.js'
import { type RevisionRepository, createRevisionRepository } from './repositories/revisions.js'
import { type PublicationSchedule, createPublicationSchedule } from './repositories/schedule.js'
import { type SearchIndex, createSearchIndex } from './repositories/search-index.js'
import { type SitemapRows, createSitemapRows } from './repositories/sitemap-rows.js'
import { type TaxonomyRepository, createTaxonomyRepository } from './repositories/taxonomy.js'
import {
  type TranslationRepository,
  createTranslationRepository,
} from './repositories/translations.js'

export type { ListFilter, RelatedCandidate } from './repositories/article-reads.js'
export type { NewArticleRow, NewCorrection, NewCredit } from './repositories/article-writes.js'
export type { NewsroomFilter } from './repositories/newsroom-list.js'
export type { Autosave, NewRevision } from './repositories/revisions.js'
export type { IndexHit, IndexQuery } from './repositories/search-index.js'
export type { NewsEntry, SitemapEntry } from './repositories/sitemap-rows.js'
export type { TaxonomyKind } from './repositories/taxonomy.js'
export type { TaxonomyName, TaxonomyNames, TranslationLink } from './repositories/translations.js'
export type {
  ArticleReads,
  ArticleWrites,
  GuestNames,
  ImageRepository,
  NewsroomList,
  PublicationSchedule,
  RevisionRepository,
  SearchIndex,
  SitemapRows,
  TaxonomyRepository,
  TranslationRepository,
}

/**
 * Every content query, one part per concern (see `repositories/`). Queries only: Kysely in,
 * domain types out, no rules. The same code runs on SQLite and PostgreSQL; times cross this
 * boundary as Date and are stored as epoch milliseconds. A caller that needs one concern takes
 * that part's interface instead of this one.
 */
export interface ContentRepository
  extends
    ArticleReads,
    NewsroomList,
    ArticleWrites,
    PublicationSchedule,
    TaxonomyRepository,
    GuestNames,
    ImageRepository,
    RevisionRepository,
    SitemapRows,
    SearchIndex,
    TranslationRepository,
    FrontRepository {}

/**
 * @param dialect picks the JSON helper article reads use: the byline comes back inside the
 * article row as a JSON array on both databases, one query instead of two.
 */
export function createContentRepository(
  db: Kysely<Database>,
  dialect: DialectName = 'sqlite',
): ContentRepository {
  return {
    ...createArticleReads(db, dialect),
    ...createNewsroomList(db),
    ...createArticleWrites(db),
    ...createPublicationSchedule(db),
    ...createTaxonomyRepository(db),
    ...createGuestNames(db),
    ...createFrontRepository(db),
    ...createImageRepository(db),
    ...createRevisionRepository(db),
    ...createSitemapRows(db),
    ...createSearchIndex(db, dialect),
    ...createTranslationRepository(db),
  }
}
