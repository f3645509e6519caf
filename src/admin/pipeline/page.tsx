import type { FastifyReply } from 'fastify'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { AppError } from '../../lib/errors.js'
import { type AdminContext, AdminMessage } from '../views/shell.js'

export const HTML = 'text/html; charset=utf-8'

/** Sends an admin page: the one way every admin route and the pipeline answer with HTML. */
export function page(reply: FastifyReply, node: VNode, status = 200) {
  return reply
    .code(status)
    .type(HTML)
    .send(`<!doctype html>${renderToString(node)}`)
}

/** A page that says one thing: a refusal, a link that no longer works, a finished task. */
export function messagePage(
  reply: FastifyReply,
  ctx: AdminContext,
  title: string,
  message: string,
  status = 200,
) {
  return page(reply, <AdminMessage ctx={ctx} title={title} message={message} />, status)
}

/** A refused action, told in one page: what failed and why, with the status that says so. */
export function refused(reply: FastifyReply, ctx: AdminContext, title: string, err: AppError) {
  return messagePage(reply, ctx, title, [err.message, ...err.details].join(' '), err.status)
}

/** What a person reads when a save is refused: the sentence for a taken address, else each field. */
export function problemsOf(err: AppError): string[] {
  if (err.code === 'SLUG_TAKEN' || err.code === 'EMAIL_TAKEN' || err.details.length === 0)
    return [err.message]
  return [...err.details]
}
