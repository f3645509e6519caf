import type { TypedApp } from '../../http/schemas.js'
import { sendPage } from '../../http/responses.js'
import type { ReachService } from '../../reach/index.js'
import type { OfflineEdition, OfflineEditions } from '../offline/edition.js'
import { HTML } from '../shell.js'
import { ReachPage } from '../views/reach-view.js'
import type { SiteRouteContext } from './context.js'

/** Both answers change only when the newsroom saves its list (or everything is purged). */
const KEYS = ['all', 'reach']

/**
 * GET /reach: "How to reach us", every address of the newsroom. GET /reach.json: the same list
 * signed (ADR 019), for apps and for readers checking a copy.
 */
export function registerReachRoutes(
  app: TypedApp,
  { shell, cache, deps }: SiteRouteContext,
  o: { reach: ReachService; editions: OfflineEditions },
) {
  app.get('/reach', async (req, reply) => {
    const site = await shell.context(req)
    const { addresses, updatedAt } = await o.reach.list()
    // The link names the file's size, so the page changes with the file; a file that cannot be
    // made now still leaves the addresses readable.
    const edition: OfflineEdition | null = await o.editions
      .build({ language: deps.site.language })
      .catch((err: unknown) => {
        req.log.warn({ err }, 'the offline edition could not be made for /reach')
        return null
      })
    return sendPage(req, reply, cache, {
      body: shell.document(
        site,
        {
          title: site.locale.t('layout.pageTitle', {
            title: site.locale.t('reach.title'),
            site: site.name,
          }),
          description: site.locale.t('reach.description', { site: site.name }),
          canonicalPath: site.locale.path('/reach'),
        },
        <ReachPage
          siteName={site.name}
          addresses={addresses}
          updatedAt={updatedAt}
          publicKey={o.reach.publicKey}
          edition={edition && { bytes: edition.bytes, stories: edition.stories }}
        />,
      ),
      type: HTML,
      keys: [...KEYS, ...(edition ? edition.keys : ['list'])],
    })
  })

  app.get('/reach.json', async (req, reply) =>
    sendPage(req, reply, cache, {
      body: `${JSON.stringify(await o.reach.document(), null, 2)}\n`,
      type: 'application/json; charset=utf-8',
      keys: KEYS,
    }),
  )
}
