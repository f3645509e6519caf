import { type SiteTextService, defaultPrivacyHtml } from '../../content/index.js'
import type { TypedApp } from '../../http/schemas.js'
import { sendPage } from '../../http/responses.js'
import { HTML } from '../shell.js'
import { PrivacyPage } from '../views/newsletter-views.js'
import type { SiteRouteContext } from './context.js'

/** GET /privacy: the privacy page as the newsroom edited it (or the default text). */
export function registerPrivacyRoutes(
  app: TypedApp,
  { shell, cache }: SiteRouteContext,
  o: { siteText?: SiteTextService | undefined },
) {
  app.get('/privacy', async (req, reply) => {
    const site = await shell.context(req)
    const html = o.siteText ? (await o.siteText.privacyHtml()).html : defaultPrivacyHtml()
    return sendPage(req, reply, cache, {
      body: shell.document(
        site,
        {
          title: site.locale.t('layout.pageTitle', {
            title: site.locale.t('privacy.title'),
            site: site.name,
          }),
          description: site.locale.t('privacy.description'),
          canonicalPath: site.locale.path('/privacy'),
        },
        <PrivacyPage siteName={site.name} html={html} />,
      ),
      type: HTML,
      keys: ['all', 'privacy'],
    })
  })
}
