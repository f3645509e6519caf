import type { TypedApp } from '../../http/schemas.js'
import { sendPage } from '../../http/responses.js'
import { loadHomePage } from '../pages/list-pages.js'
import { HTML } from '../shell.js'
import { HomeView, ListView } from '../views/list-views.js'
import type { SiteRouteContext } from './context.js'
import { PageQuery } from './schemas.js'

/**
 * GET /: the front page, with the support slots; `?page=2` and on: the older stories, a list
 * page at a time, as section pages have them (past the last: the site's 404).
 */
export function registerHomeRoutes(app: TypedApp, { shell, deps, cache }: SiteRouteContext) {
  app.get('/', { schema: { querystring: PageQuery } }, async (req, reply) => {
    const loaded = await loadHomePage(deps, req.query.page, shell.locale(req))
    if (!loaded) return shell.notFound(req, reply)
    const site = await shell.context(req)
    if (loaded.kind === 'list') {
      const { page } = loaded
      return sendPage(req, reply, cache, {
        body: shell.document(site, page.meta, <ListView {...page.view} />),
        type: HTML,
        keys: page.keys,
        page: page.view.page,
      })
    }
    const { page } = loaded
    const support = await shell.supportSlots(req, { language: deps.site.language })
    return sendPage(req, reply, cache, {
      body: shell.document(site, page.meta, <HomeView {...page.view} />, support),
      type: HTML,
      ...shell.withSupport(page.keys),
    })
  })
}
