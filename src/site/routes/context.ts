import type { FastifyReply, FastifyRequest } from 'fastify'
import type { PageCache } from '../../http/page-cache.js'
import type { PageDeps } from '../pages/page-deps.js'
import type { SiteShell } from '../shell.js'

/** What every reader route gets: the shell to render through, the loaders' deps, the cache. */
export interface SiteRouteContext {
  shell: SiteShell
  deps: PageDeps
  cache: PageCache | null
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The page a path that fails its schema answers on this route, when it is not the site's
     * 404 page (a signed link that does not parse says the link no longer works, as one whose
     * signature fails does).
     */
    onBadPath?: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>
  }
}
