import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { IdString, type TypedApp, parseId } from '../../http/schemas.js'
import type { Newsletter, SubscriberService } from '../../newsletter/index.js'
import { inEdition } from '../pages/page-deps.js'
import { PreferencesView } from '../views/preference-views.js'
import type { SiteRouteContext } from './context.js'
import { Signature, formBody, lenient } from './schemas.js'

/** The preferences page, for the unsubscribe link to open. */
export interface PreferencePages {
  /** The page an email's unsubscribe link opens: that newsletter first, then all of them. */
  unsubscribePage(
    req: FastifyRequest,
    reply: FastifyReply,
    subscriberId: number,
    newsletter: Newsletter,
  ): Promise<FastifyReply>
  /** The reader's preferences page in this edition, for links on the site. */
  pathFor(subscriberId: number): Promise<string>
}

/** The message key of the notice after each button. */
const NOTICE = {
  unsubscribe: 'prefs.done.unsubscribe',
  'unsubscribe-all': 'prefs.done.unsubscribeAll',
  resubscribe: 'prefs.done.resubscribe',
} as const
type Action = keyof typeof NOTICE
const isAction = (v: unknown): v is Action => typeof v === 'string' && Object.hasOwn(NOTICE, v)

const PreferencesParams = z.object({ sub: IdString, sig: Signature })
const PreferencesBody = formBody({
  // Anything but the three buttons asks the reader to choose one (the page, not a 400).
  action: lenient((v) => (isAction(v) ? v : undefined)),
  newsletter: lenient((v) => parseId(v) ?? null),
})

/**
 * The reader's preferences page, reached by a signed link that never expires (old emails keep
 * working). Its forms post back to the same address; no cookie, no JavaScript, never cached.
 */
export function registerPreferenceRoutes(
  app: TypedApp,
  { shell, deps }: SiteRouteContext,
  o: { subscribers: SubscriberService },
): PreferencePages {
  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    subscriberId: number,
    extra: { notice?: string; focus?: { newsletter: Newsletter; action: string } } = {},
  ) {
    const [prefs, email] = await Promise.all([
      o.subscribers.preferences(subscriberId),
      o.subscribers.emailOf(subscriberId),
    ])
    if (!prefs || !email) return shell.notFound(req, reply)
    const { t } = shell.locale(req)
    return shell.personal(
      req,
      reply,
      extra.focus
        ? t('prefs.unsubscribeFrom', { name: extra.focus.newsletter.name })
        : t('prefs.title'),
      <PreferencesView
        email={email}
        rows={prefs.rows}
        suppression={prefs.suppression}
        action={shell.locale(req).path(await o.subscribers.preferencesPath(subscriberId))}
        siteName={deps.site.name}
        focus={extra.focus}
        notice={extra.notice}
      />,
    )
  }

  app.get(
    '/newsletters/preferences/:sub/:sig',
    { schema: { params: PreferencesParams } },
    async (req, reply) => {
      const id = await o.subscribers.subscriberFromToken(req.params.sub, req.params.sig)
      if (!id) return shell.notFound(req, reply)
      return render(req, reply, id)
    },
  )

  app.post(
    '/newsletters/preferences/:sub/:sig',
    { schema: { params: PreferencesParams, body: PreferencesBody } },
    async (req, reply) => {
      const id = await o.subscribers.subscriberFromToken(req.params.sub, req.params.sig)
      if (!id) return shell.notFound(req, reply)
      const { action, newsletter } = req.body
      const { t } = shell.locale(req)
      if (!action) return render(req, reply, id, { notice: t('prefs.choose') })
      const outcome = await o.subscribers.changePreference(id, action, newsletter)
      return render(req, reply, id, {
        notice: t(
          outcome === 'done'
            ? NOTICE[action]
            : outcome === 'suppressed'
              ? 'prefs.suppressed'
              : 'prefs.nothing',
        ),
      })
    },
  )

  return {
    pathFor: async (subscriberId) =>
      inEdition(deps, await o.subscribers.preferencesPath(subscriberId)),
    unsubscribePage: (req, reply, subscriberId, newsletter) =>
      render(req, reply, subscriberId, { focus: { newsletter, action: req.url } }),
  }
}
