import type { ContentRepository, ContentService } from '../content/index.js'
import type { EditionService, NewsletterService, SubscriberService } from '../newsletter/index.js'
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
  /** When given, a first banner and appeal in the site's language are set up too, and a few
   * months of test-mode gifts (demo-history.ts). */
  contributions?: ContributionsService
  /** When given with the newsletters, the weekly gets readers who joined over a few months. */
  subscribers?: Pick<SubscriberService, 'importSubscriptions'>
  /** When given, the demo's invented addresses (mirrors, onion, a messenger channel). */
  reach?: Pick<ReachService, 'save'>
  /** The site's language, for the appeal. */
  language?: string
  /** SITE_LANGUAGES: with `ru` among them, the Russian edition is seeded too (ADR 026). */
  languages?: readonly string[]
  media: MediaStore
  clock: Clock
}

/**
 * A weekly's Friday schedule and its first draft from the suggested stories: drafts prepared for
 * an editor to approve, so the demo never mails anyone by itself.
 */
export async function seedWeeklyDraft(
  deps: SeedDeps,
  newsletterId: number,
  text: { subject: string; intro: string },
): Promise<void> {
  if (!deps.newsletters || !deps.editions) return
  await deps.newsletters.updateSettings(newsletterId, {
    senderName: '',
    senderAddress: '',
    scheduleMode: 'draft',
    scheduleDay: '5',
    scheduleTime: '08:00',
    scheduleTz: 'UTC',
  })
  const draft = await deps.editions.createDraft(newsletterId, { suggested: true, staffId: null })
  const suggested = await deps.editions.findEdition(draft)
  await deps.editions.update(draft, { ...text, items: suggested?.items ?? [] })
}
