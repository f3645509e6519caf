import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type ErrorCode, sentenceFor } from '../lib/error-catalogue.js'
import { isAppError } from '../lib/errors.js'

export interface ErrorRendering {
  renderError(req: FastifyRequest, status: number, title: string, message: string): Promise<string>
}

/** Our errors carry their code; Fastify's and libraries' are named by what they are. */
function codeFor(err: FastifyError | Error, status: number): ErrorCode {
  if (isAppError(err)) return err.code
  if ((err as FastifyError).code === 'FST_ERR_BAD_URL') return 'MALFORMED_URL'
  if (status === 404) return 'NOT_FOUND'
  if (status === 405) return 'METHOD_NOT_ALLOWED'
  if (status >= 400 && status < 500) return 'BAD_REQUEST'
  return 'INTERNAL'
}

function wantsJson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}

/**
 * One place turns every error into a response: a page in the site's design for a person, a
 * `{ error: { code, message } }` body for a program, never a stack trace.
 */
export type ErrorResponder = (
  err: FastifyError | Error,
  req: FastifyRequest,
  reply: FastifyReply,
) => Promise<FastifyReply>

export function registerErrorHandling(app: FastifyInstance, view: ErrorRendering): ErrorResponder {
  const respond = async (err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) => {
    const raw = isAppError(err) ? err.status : ((err as FastifyError).statusCode ?? 500)
    const status = raw >= 400 && raw < 600 ? raw : 500
    const code = codeFor(err, status)
    if (status >= 500) req.log.error({ err, code }, 'request failed')
    const text = sentenceFor(code, status)
    reply.code(status).header('cache-control', 'no-store')
    if (wantsJson(req)) {
      // Our own refusals say what was wrong; anything else might describe our insides.
      const message = status < 500 && isAppError(err) ? err.message : text.title
      return reply.send({
        error: {
          code,
          message,
          ...(isAppError(err) && err.details.length ? { details: err.details } : {}),
        },
      })
    }
    try {
      return reply
        .type('text/html; charset=utf-8')
        .send(await view.renderError(req, status, text.title, text.message))
    } catch (renderErr) {
      // The error page itself failed (the database may be down): plain text, still no trace.
      req.log.error({ err: renderErr }, 'error page failed')
      return reply.type('text/plain; charset=utf-8').send(`${text.title}\n\n${text.message}\n`)
    }
  }
  app.setErrorHandler(respond)
  return respond
}
