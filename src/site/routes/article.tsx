import type { TypedApp } from '../../http/schemas.js'
import { sendPage } from '../../http/responses.js'
import { loadArticlePage } from '../pages/article-page.js'
import { HTML } from '../shell.js'
import { ArticleView } from '../views/article-view.js'
import { expandBody } from '../views/body.js'
import type { SiteRouteContext } from './context.js'
import { ArticleParams } from './schemas.js'

/** GET /:section/:year/:month/:slug: an article at its one address. */
export function registerArticleRoutes(app: TypedApp, { shell, deps, cache }: SiteRouteContext) {
  app.get(
    '/:section/:year/:month/:slug',
    { schema: { params: ArticleParams } },
    async (req, reply) => {
      const page = await loadArticlePage(deps, req.params)
      if (page.kind === 'not-found') return shell.notFound(req, reply)
      if (page.kind === 'gone') return shell.gone(req, reply)
      if (page.kind === 'redirect')
        return reply.header('cache-control', 'public, max-age=3600').redirect(page.location, 301)
      const site = await shell.context(req)
      const support = await shell.supportSlots(req, {
        language: page.article.language,
        section: page.article.section.slug,
        topics: page.article.topics.map((t) => t.slug),
      })
      const body = shell.document(
        site,
        page.meta,
        <ArticleView
          article={page.article}
          bodyHtml={expandBody(page.article.body, page.bodyImages, site.sos !== undefined)}
          related={page.related}
          siteLanguage={deps.site.language}
          siteName={deps.site.name}
          newsletter={page.newsletter}
          translations={page.translations}
        />,
        support,
      )
      return sendPage(req, reply, cache, { body, type: HTML, ...shell.withSupport(page.keys) })
    },
  )
}
