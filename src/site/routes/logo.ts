import type { TypedApp } from '../../http/schemas.js'
import { sendPage } from '../../http/responses.js'
import { DEFAULT_LOGO } from '../pages/page-deps.js'
import { defaultLogoSvg } from '../views/logo.js'
import type { SiteRouteContext } from './context.js'

/** GET /logo.svg: the logo drawn from SITE_NAME, which structured data names unless SITE_LOGO_URL is set. */
export function registerLogoRoutes(app: TypedApp, { deps, cache }: SiteRouteContext) {
  const body = defaultLogoSvg(deps.site.name)
  app.get(DEFAULT_LOGO.path, async (req, reply) =>
    sendPage(req, reply, cache, { body, type: 'image/svg+xml; charset=utf-8', keys: [] }),
  )
}
