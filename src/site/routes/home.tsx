import type { TypedApp } from '../../http/schemas.js'
import { sendPage } from '../../http/responses.js'
import { loadHomePage } from '../pages/list-pages.js'
import { HTML } from '../shell.js'
import { HomeView } from '../views/list-views.js'
import type { SiteRouteContext } from './context.js'

/** GET /: the front page, with the support slots. */
export function registerHomeRoutes(app: TypedApp, { shell, deps, cache }: SiteRouteContext) {
  app.get('/', async (req, reply) => {
    const page = await loadHomePage(deps)
    const site = await shell.context(req)
    const support = await shell.supportSlots(req, { language: deps.site.language })
    return sendPage(req, reply, cache, {
      body: shell.document(site, page.meta, <HomeView {...page.view} />, support),
      type: HTML,
      ...shell.withSupport(page.keys),
    })
  })
}
