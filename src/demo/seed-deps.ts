import type { ContentRepository, ContentService } from '../content/index.js'
import type { EditionService, NewsletterService } from '../newsletter/index.js'
import type { ContributionsService } from '../contributions/index.js'
import type { MediaStore } from '../files/index.js'
import type { ReachService } from '../reach/index.js'
import type { Clock } from '../lib/clock.js'

/** What the demo seed writes through. */
export interface SeedDeps {
  repo: ContentRepository
  content: ContentService
  /** When given, the demo's weekly newsletter is made too. */
  newsletters?: NewsletterService
  /** When given too, the weekly gets a Friday schedule and a first draft edition. */
  editions?: EditionService
  /** When given, a first banner and appeal in the site's language are set up too. */
  contributions?: ContributionsService
  /** When given, the demo's invented addresses (mirrors, onion, a messenger channel). */
  reach?: Pick<ReachService, 'save'>
  /** The site's language, for the appeal. */
  language?: string
  /** SITE_LANGUAGES: with `ru` among them, the Russian edition is seeded too (ADR 026). */
  languages?: readonly string[]
  media: MediaStore
  clock: Clock
}
