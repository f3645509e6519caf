export * from './article.js'
export { sanitizeBody, bodyText, countWords, summarize, bodyImageIds } from './body.js'
export {
  BODY_ALLOW_LIST,
  RICH_ALLOW_LIST,
  LINK_SCHEMES,
  IMAGE_ID,
  type AllowList,
} from './allow-list.js'
export {
  createContentRepository,
  type ContentRepository,
  type ArticleReads,
  type ArticleWrites,
  type ImageRepository,
  type NewsroomList,
  type PublicationSchedule,
  type RevisionRepository,
  type SitemapRows,
  type TaxonomyRepository,
  type TaxonomyKind,
  type TaxonomyName,
  type TaxonomyNames,
  type TranslationLink,
  type TranslationRepository,
  type ListFilter,
  type NewCredit,
  type SitemapEntry,
  type NewsEntry,
  type Autosave,
} from './content-repository.js'
export { ArticleInput } from './article-input.js'
export { FRONT_SLOTS, fillFront, frontKey } from './front.js'
export type { FrontPlace } from './use-cases/fronts.js'
export {
  compareBlocks,
  readableBlocks,
  type CompareRow,
  type TextBlock,
} from './revision-compare.js'
export { authorLinksText, type AuthorLink, type AuthorProfile } from './author-profile.js'
export type { TextPart } from './search-text.js'
export {
  SEARCH_MAX_PAGE,
  SEARCH_PAGE_SIZE,
  type ArticleSearch,
  type SearchAnswer,
  type SearchOutcome,
  type SearchRequest,
  type SearchResult,
} from './use-cases/search.js'
export type { ContentKey } from './content-keys.js'
export {
  createContentService,
  type ContentService,
  type ContentServiceDeps,
  type ArticleSaves,
  type ArticleVersions,
  type ImageService,
  type PublishingService,
  type TaxonomyService,
} from './content-service.js'
export {
  diffText,
  snapshotOf,
  inputFromSnapshot,
  type Revision,
  type RevisionSnapshot,
  type DiffPart,
} from './revision.js'
export {
  createSiteTextRepository,
  createSiteTextService,
  defaultPrivacyHtml,
  type SiteTextRepository,
  type SiteTextService,
  MAX_SITE_TEXT,
} from './site-text.js'
