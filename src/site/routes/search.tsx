import type { z } from 'zod'
import type { TypedApp } from '../../http/schemas.js'
import { sendPage } from '../../http/responses.js'
import { type SearchParams, loadSearchPage, searchJson } from '../pages/search-page.js'
import { HTML } from '../shell.js'
import { SearchView } from '../views/search-view.js'
import type { SiteRouteContext } from './context.js'
import { inEdition, languagesOf } from '../pages/page-deps.js'
import { Field, PageQuery } from './schemas.js'

const SearchQuery = PageQuery.extend({
  q: Field,
  section: Field,
  topic: Field,
  from: Field,
  to: Field,
})

// Never in the page cache: every query is its own address, and a flood of made-up queries must
// not push the pages readers need out of it. `no-cache` lets a browser revalidate by ETag, while
// no proxy keeps a result after the story it names is taken down (ADR 024).
const NOT_STORED = { 'cache-control': 'no-cache' }

function params(q: z.infer<typeof SearchQuery>): SearchParams {
  const opt = (s: string) => (s === '' ? undefined : s)
  return {
    q: q.q,
    section: opt(q.section),
    topic: opt(q.topic),
    from: opt(q.from),
    to: opt(q.to),
    page: q.page,
  }
}

/**
 * GET /search?q= and /search.json?q=: the site language's published stories. With editions in
 * several languages each mounts the same loader under its prefix, with its language.
 */
export function registerSearchRoutes(app: TypedApp, { shell, deps }: SiteRouteContext) {
  const base = inEdition(deps, '/search')
  app.get('/search', { schema: { querystring: SearchQuery } }, async (req, reply) => {
    const site = await shell.context(req)
    const page = await loadSearchPage(
      deps,
      params(req.query),
      deps.site.language,
      base,
      site.locale,
    )
    return sendPage(req, reply, null, {
      body: shell.document(site, page.meta, <SearchView {...page.view} />),
      type: HTML,
      keys: [],
      headers: NOT_STORED,
    })
  })

  app.get('/search.json', { schema: { querystring: SearchQuery } }, async (req, reply) => {
    const site = await shell.context(req)
    const page = await loadSearchPage(deps, params(req.query), deps.site.language, base)
    return sendPage(req, reply, null, {
      body: `${JSON.stringify(searchJson(page.answer, site.canonicalOrigin, base, languagesOf(deps)), null, 2)}\n`,
      type: 'application/json; charset=utf-8',
      keys: [],
      headers: NOT_STORED,
    })
  })
}
