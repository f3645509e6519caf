import type { TypedApp } from '../../http/schemas.js'
import { sendPage } from '../../http/responses.js'
import type { OfflineEditions } from '../offline/edition.js'
import { HTML } from '../shell.js'
import type { SiteRouteContext } from './context.js'

/**
 * The file is opened from a disk, not from us: it may use its own inline style and its data:
 * pictures, and nothing else, even if someone serves it from a web address.
 */
const FILE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/**
 * GET /reach/edition.html (and /ru/reach/edition.html…): the edition's offline edition (site/offline/, ADR 021) as a download. Cached
 * under its stories' keys, `list` and `reach`, so a new story, an edit or a new address list
 * makes the next download a new file.
 */
export function registerOfflineRoutes(
  app: TypedApp,
  { cache, deps }: SiteRouteContext,
  o: { editions: OfflineEditions },
) {
  app.get('/reach/edition.html', async (req, reply) => {
    const edition = await o.editions.build({ language: deps.site.language })
    return sendPage(req, reply, cache, {
      body: edition.html,
      type: HTML,
      keys: ['all', ...edition.keys],
      headers: {
        'content-disposition': `attachment; filename="${edition.filename}"`,
        'content-security-policy': FILE_POLICY,
      },
    })
  })
}
