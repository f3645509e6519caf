export * from './article.js'
export { sanitizeBody, bodyText, countWords, summarize, bodyImageIds } from './body.js'
export {
  createContentRepository,
  type ContentRepository,
  type ListFilter,
  type NewCredit,
  type SitemapEntry,
  type NewsEntry,
} from './content-repository.js'
export {
  createContentService,
  ArticleInput,
  type ContentService,
  type ContentKey,
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
  type SiteTextService,
  MAX_SITE_TEXT,
} from './site-text.js'
