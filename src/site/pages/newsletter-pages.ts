import type { ArticleSummary } from '../../content/index.js'
import type { EditionService, Newsletter, NewsletterService } from '../../newsletter/index.js'
import { type PageDeps, languagesOf } from './page-deps.js'

/** Editions per archive page. */
export const ARCHIVE_PAGE = 50

type Newsletters = Pick<NewsletterService, 'findNewsletterBySlug'>
type Editions = Pick<EditionService, 'listSent' | 'findEdition' | 'sentItems'>

/** A newsletter's sample: the newest articles, as an issue might carry them. */
export async function loadNewsletterPreview(
  deps: PageDeps,
  newsletters: Newsletters,
  slug: string,
): Promise<{ newsletter: Newsletter; articles: ArticleSummary[] } | undefined> {
  const newsletter = await newsletters.findNewsletterBySlug(slug)
  if (!newsletter) return undefined
  // A sample of what it sends: stories in its language when the site has several (ADR 026).
  const several = languagesOf(deps).length > 1
  const { items } = await deps.repo.listPublished(
    { kind: 'all', language: several ? newsletter.language : undefined },
    { limit: 6, offset: 0 },
    deps.clock.now(),
  )
  return { newsletter, articles: items }
}

/** One page of a newsletter's sent editions, newest first; undefined past the last page. */
export async function loadArchive(
  newsletters: Newsletters,
  editions: Editions,
  slug: string,
  page: number,
) {
  const newsletter = await newsletters.findNewsletterBySlug(slug)
  if (!newsletter || page < 1) return undefined
  const { items, hasMore } = await editions.listSent(
    newsletter.id,
    ARCHIVE_PAGE,
    (page - 1) * ARCHIVE_PAGE,
  )
  if (page > 1 && items.length === 0) return undefined
  return { newsletter, issues: items, page, hasMore }
}

/**
 * The web version of a sent edition, as it was sent (headlines and addresses of the time);
 * undefined unless the edition belongs to that newsletter and has gone out.
 */
export async function loadEditionWebVersion(
  newsletters: Newsletters,
  editions: Editions,
  slug: string,
  id: number,
) {
  const newsletter = await newsletters.findNewsletterBySlug(slug)
  const e = newsletter ? await editions.findEdition(id) : undefined
  if (!newsletter || !e || e.newsletterId !== newsletter.id) return undefined
  if (e.status !== 'sending' && e.status !== 'sent') return undefined
  const items = await editions.sentItems(e.id)
  return {
    newsletter,
    subject: e.subject,
    intro: e.intro,
    sentAt: e.startedAt ?? e.updatedAt,
    items: items.map((i) => ({
      headline: i.sent_headline ?? '',
      path: i.sent_path ?? '/',
      blurb: i.blurb,
    })),
  }
}
