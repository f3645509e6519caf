import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { TypedApp } from '../../http/schemas.js'
import { sendPage } from '../../http/responses.js'
import {
  type LoadedPage,
  loadAuthorPage,
  loadSectionPage,
  loadTopicPage,
} from '../pages/list-pages.js'
import { HTML } from '../shell.js'
import { type ListViewModel, ListView } from '../views/list-views.js'
import type { SiteRouteContext } from './context.js'
import { PageQuery, Slug, SlugParams } from './schemas.js'

/** Section, topic and author pages: the newest stories first, a page at a time (`?page=N`). */
export function registerListRoutes(app: TypedApp, { shell, deps, cache }: SiteRouteContext) {
  async function send(
    req: FastifyRequest,
    reply: FastifyReply,
    page: LoadedPage<ListViewModel> | undefined,
  ) {
    if (!page) return shell.notFound(req, reply)
    const site = await shell.context(req)
    return sendPage(req, reply, cache, {
      body: shell.document(site, page.meta, <ListView {...page.view} />),
      type: HTML,
      keys: page.keys,
      page: page.view.page,
    })
  }

  app.get(
    '/:section',
    { schema: { params: z.object({ section: Slug }), querystring: PageQuery } },
    async (req, reply) =>
      send(
        req,
        reply,
        await loadSectionPage(deps, req.params.section, req.query.page, shell.locale(req)),
      ),
  )
  app.get(
    '/topic/:slug',
    { schema: { params: SlugParams, querystring: PageQuery } },
    async (req, reply) =>
      send(
        req,
        reply,
        await loadTopicPage(deps, req.params.slug, req.query.page, shell.locale(req)),
      ),
  )
  app.get(
    '/author/:slug',
    { schema: { params: SlugParams, querystring: PageQuery } },
    async (req, reply) =>
      send(
        req,
        reply,
        await loadAuthorPage(deps, req.params.slug, req.query.page, shell.locale(req)),
      ),
  )
}
