import type { FastifyInstance, FastifyReply } from 'fastify'
import { type SubscriberService, parseMailEvents, webhookAuthorized } from '../newsletter/index.js'

/** A provider's report is small; a megabyte holds the largest batch we accept (1,000 events). */
const BODY_LIMIT = 1024 * 1024

export interface MailWebhookOptions {
  subscribers: SubscriberService
  /** MAIL_WEBHOOK_SECRET; empty refuses every call. */
  secret: string
}

function fail(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details: string[] = [],
) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ error: { code, message, ...(details.length ? { details } : {}) } })
}

/**
 * POST /webhooks/mail: bounces and complaints from the mail provider. The body is kept as the
 * bytes received so the signature is checked over exactly what was signed; nothing is written
 * unless the whole report is understood. Answers JSON, never a page.
 */
export function registerMailWebhook(app: FastifyInstance, opts: MailWebhookOptions): void {
  void app.register(async (scope) => {
    // Any content type (SNS says text/plain): the bytes are what the signature covers.
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: BODY_LIMIT },
      (_req, body, done) => done(null, body),
    )
    scope.post('/webhooks/mail', async (req, reply) => {
      if (!opts.secret)
        return fail(
          reply,
          503,
          'WEBHOOK_DISABLED',
          'The mail webhook is off: set MAIL_WEBHOOK_SECRET to turn it on.',
        )
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const header = (name: string) => {
        const v = req.headers[name]
        return Array.isArray(v) ? v[0] : v
      }
      if (
        !webhookAuthorized(opts.secret, raw, {
          signature: header('x-masthead-signature'),
          authorization: header('authorization'),
        })
      )
        return fail(reply, 401, 'WEBHOOK_UNAUTHORIZED', 'The signature or credentials are wrong.')
      let body: unknown
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        return fail(reply, 422, 'VALIDATION_FAILED', 'The body is not JSON.', ['body: not JSON'])
      }
      const parsed = parseMailEvents(body)
      if (!parsed.ok)
        return fail(
          reply,
          422,
          'VALIDATION_FAILED',
          'The report was not understood; nothing was recorded.',
          parsed.problems.slice(0, 50),
        )
      if (parsed.subscribeUrl)
        req.log.warn(
          { subscribeUrl: parsed.subscribeUrl },
          'Amazon SNS asks to confirm the mail webhook: open this address once to confirm',
        )
      const added = await opts.subscribers.suppress(parsed.events, parsed.source)
      return reply.code(200).header('cache-control', 'no-store').send({
        received: parsed.events.length,
        suppressed: added,
        ignored: parsed.ignored,
      })
    })
  })
}
