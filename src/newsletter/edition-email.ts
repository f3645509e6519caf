import { AppError } from '../lib/errors.js'
import type { Edition } from './edition.js'
import { type RenderedEdition, renderEdition } from './edition-render.js'
import type { ArticleLookup } from './edition-sender.js'
import type { Newsletter } from './newsletter.js'
import type { NewsletterRepository } from './newsletter-repository.js'

/** What rendering an edition needs: its newsletter, its articles, and where links point. */
export interface RenderNowDeps {
  newsletters: Pick<NewsletterRepository, 'findNewsletter'>
  articles: ArticleLookup
  origin: string
  siteName: string
}

/**
 * The edition's email as it stands now, per-reader placeholders kept: what a test sends and
 * what the admin shows before the send (the send renders its own copy when it starts).
 */
export async function renderNow(
  deps: RenderNowDeps,
  edition: Edition,
): Promise<{ rendered: RenderedEdition; newsletter: Newsletter }> {
  const newsletter = await deps.newsletters.findNewsletter(edition.newsletterId)
  if (!newsletter) throw new AppError('NOT_FOUND', { status: 404, message: 'No such newsletter' })
  const found = new Map(
    (await deps.articles.summaries(edition.items.map((i) => i.articleId))).map((a) => [a.id, a]),
  )
  const rendered = await renderEdition({
    siteName: deps.siteName,
    newsletterName: newsletter.name,
    subject: edition.subject,
    intro: edition.intro,
    items: edition.items.flatMap((it) => {
      const a = found.get(it.articleId)
      return a
        ? [
            {
              kicker: a.kicker,
              headline: a.headline,
              blurb: it.blurb || a.summary,
              url: deps.origin + a.path,
            },
          ]
        : []
    }),
    webUrl: `${deps.origin}/newsletters/${newsletter.slug}/preview`,
    privacyUrl: `${deps.origin}/privacy`,
    language: newsletter.language,
  })
  return { rendered, newsletter }
}
