import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import type { Newsletter, NewsletterService, SubscriberService } from '../newsletter/index.js'
import { PreferencesView } from './views/preference-views.js'

type Show = (
  req: FastifyRequest,
  reply: FastifyReply,
  title: string,
  node: VNode,
  status?: number,
) => Promise<unknown>

export interface PreferencePagesOptions {
  subscribers: SubscriberService
  newsletters: NewsletterService
  siteName: string
  show: Show
  notFound: (req: FastifyRequest, reply: FastifyReply) => unknown
}

const NOTICE = {
  unsubscribe: 'Done: you are unsubscribed from that newsletter.',
  'unsubscribe-all': 'Done: you are unsubscribed from every newsletter. We send you nothing more.',
  resubscribe: 'Done: you are subscribed again.',
} as const

/**
 * The reader's preferences page, reached by a signed link that never expires (old emails keep
 * working). Its forms post back to the same address; no cookie, no JavaScript, never cached.
 */
export function registerPreferencePages(scope: FastifyInstance, o: PreferencePagesOptions) {
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
    if (!prefs || !email) return o.notFound(req, reply)
    return o.show(
      req,
      reply,
      extra.focus ? `Unsubscribe from ${extra.focus.newsletter.name}` : 'Your newsletters',
      <PreferencesView
        email={email}
        rows={prefs.rows}
        suppression={prefs.suppression}
        action={await o.subscribers.preferencesPath(subscriberId)}
        siteName={o.siteName}
        focus={extra.focus}
        notice={extra.notice}
      />,
    )
  }

  scope.get<{ Params: { sub: string; sig: string } }>(
    '/newsletters/preferences/:sub/:sig',
    async (req, reply) => {
      const id = await o.subscribers.subscriberFromToken(req.params.sub, req.params.sig)
      if (!id) return o.notFound(req, reply)
      return render(req, reply, id)
    },
  )

  scope.post<{ Params: { sub: string; sig: string } }>(
    '/newsletters/preferences/:sub/:sig',
    async (req, reply) => {
      const id = await o.subscribers.subscriberFromToken(req.params.sub, req.params.sig)
      if (!id) return o.notFound(req, reply)
      const body = (req.body ?? {}) as Record<string, string>
      const action = body['action']
      if (action !== 'unsubscribe' && action !== 'unsubscribe-all' && action !== 'resubscribe')
        return render(req, reply, id, { notice: 'Choose one of the buttons below.' })
      const nl = /^[1-9][0-9]{0,11}$/.test(body['newsletter'] ?? '')
        ? Number(body['newsletter'])
        : null
      const outcome = await o.subscribers.changePreference(id, action, nl)
      return render(req, reply, id, {
        notice:
          outcome === 'done'
            ? NOTICE[action]
            : outcome === 'suppressed'
              ? 'We cannot send to this address any more; nothing was changed.'
              : 'Nothing to change: that was already done.',
      })
    },
  )

  return {
    /** The page an email's unsubscribe link opens: that newsletter first, then all of them. */
    async unsubscribePage(
      req: FastifyRequest,
      reply: FastifyReply,
      subscriberId: number,
      newsletter: Newsletter,
    ) {
      return render(req, reply, subscriberId, {
        focus: { newsletter, action: req.url },
      })
    },
  }
}
