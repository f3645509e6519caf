// Old addresses (ADR 025): answered with 301 where the site would otherwise say 404, so a
// redirect can never hide a page that exists.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { RedirectService } from '../imports/index.js'
import type { SiteShell } from './shell.js'

type Lookup = Pick<RedirectService, 'lookup'>

/** Browsers and search engines keep a 301; an hour lets a corrected redirect show soon. */
const CACHE_CONTROL = 'public, max-age=3600'

async function redirected(
  redirects: Lookup,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const to = await redirects.lookup(req.url)
  if (to === null) return false
  await reply.code(301).header('cache-control', CACHE_CONTROL).redirect(to, 301)
  return true
}

/** The shell whose 404 looks for a redirect first (every route's "no such page" goes here). */
export function withRedirects(shell: SiteShell, redirects: Lookup | undefined): SiteShell {
  if (!redirects) return shell
  return {
    ...shell,
    notFound: async (req, reply) =>
      (await redirected(redirects, req, reply)) ? reply : shell.notFound(req, reply),
  }
}

/** `/?p=123` and `/?page_id=45`: WordPress's numbered addresses, on the front page's path. */
export function oldNumberRedirect(redirects: Lookup) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!/^\/\?(?:.*&)?(?:p|page_id)=/.test(req.url)) return
    if (await redirected(redirects, req, reply)) return reply
  }
}
