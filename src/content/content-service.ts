import type { Clock } from '../lib/clock.js'
import type { ContentKey } from './content-keys.js'
import type { ContentRepository } from './content-repository.js'
import { type ArticleSaves, createArticleSaves } from './use-cases/article-saves.js'
import { type ArticleVersions, createArticleVersions } from './use-cases/article-versions.js'
import { type FrontService, createFrontService } from './use-cases/fronts.js'
import { type ImageService, createImageService } from './use-cases/images.js'
import { type PublishingService, createPublishingService } from './use-cases/publishing.js'
import { type ArticleSearch, createArticleSearch } from './use-cases/search.js'
import { type TaxonomyService, createTaxonomyService } from './use-cases/taxonomy.js'
import { type TopicsForSave, createTopicsForSave } from './use-cases/topics-for-save.js'
import { type TranslationService, createTranslationService } from './use-cases/translations.js'

export { ArticleInput } from './article-input.js'
export type { ContentKey } from './content-keys.js'
export type { AgencyInput, AuthorInput, SectionInput, TopicInput } from './taxonomy-input.js'
export type {
  ArticleSearch,
  ArticleSaves,
  ArticleVersions,
  ImageService,
  PublishingService,
  TaxonomyService,
  TopicsForSave,
  TranslationService,
}

export interface ContentServiceDeps {
  repo: ContentRepository
  clock: Clock
  /** The language of an article saved without one. */
  defaultLanguage: string
  /** Told which content keys changed, after the change is committed. */
  onChange?: (keys: ContentKey[]) => void
  /** TIME_ZONE: days named in searches are the newsroom's (default UTC). */
  timeZone?: string
}

/**
 * The content use cases, one part per concern (see `use-cases/`): saving articles, their
 * versions, the taxonomy (and topics named while saving), images, scheduled publication. Each reports the content keys it
 * changed, once committed, so cached pages holding them can go.
 */
export interface ContentService
  extends
    ArticleSaves,
    ArticleVersions,
    TaxonomyService,
    TopicsForSave,
    ImageService,
    PublishingService,
    ArticleSearch,
    TranslationService,
    FrontService {}

export function createContentService(deps: ContentServiceDeps): ContentService {
  const { repo, clock } = deps
  const changed = (keys: ContentKey[]) => deps.onChange?.([...new Set(keys)])
  const saves = createArticleSaves({ repo, clock, defaultLanguage: deps.defaultLanguage, changed })
  const taxonomy = createTaxonomyService({ repo, clock, changed })
  return {
    ...saves,
    ...createArticleVersions({ repo, clock, saves }),
    ...taxonomy,
    ...createTopicsForSave({ repo, taxonomy }),
    ...createImageService({ repo, clock }),
    ...createTranslationService({ repo, changed }),
    ...createFrontService({ repo, changed }),
    ...createPublishingService({ repo, clock, changed }),
    ...createArticleSearch({
      repo,
      clock,
      defaultLanguage: deps.defaultLanguage,
      timeZone: deps.timeZone,
    }),
  }
}
