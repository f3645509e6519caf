import type { FastifyRequest } from 'fastify'
import { type Article, bodyImageIds } from '../../content/index.js'
import type { PageDeps } from '../pages/page-deps.js'
import type { SiteShell } from '../shell.js'
import { ArticleView } from '../views/article-view.js'
import { expandBody } from '../views/body.js'

/** Renders an article as readers would see it, for the newsroom's preview (admin). */
export type RenderPreview = (req: FastifyRequest, article: Article, note: string) => Promise<string>

/**
 * An article as readers would see it, whatever its status. Never cached, never indexed; "Read
 * more" is left out (it depends on what is live).
 */
export function createPreview(shell: SiteShell, deps: PageDeps): RenderPreview {
  return async (req, article, note) => {
    const site = await shell.context(req)
    const bodyImages = await deps.repo.imagesById(bodyImageIds(article.body))
    return shell.document(
      site,
      {
        title: site.locale.t('layout.pageTitle', {
          title: site.locale.t('article.previewTitle', { headline: article.headline }),
          site: site.name,
        }),
        description: article.summary,
        robots: 'noindex, nofollow',
      },
      <>
        <p class="preview-note" role="status">
          {note}
        </p>
        <ArticleView
          article={article}
          bodyHtml={expandBody(article.body, bodyImages)}
          related={[]}
          siteLanguage={deps.site.language}
          siteName={deps.site.name}
        />
      </>,
    )
  }
}
