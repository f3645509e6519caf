import type { FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { Permission } from '../staff/policy.js'
import type { AdminContext } from './views/shell.js'

/**
 * What an admin route is: its address, the permission it needs and the area it belongs to.
 * Route modules and the pipeline both read this module and it reads neither, so no route file
 * and the plugin import each other.
 */

/** The admin's areas, one file each under routes/. */
export const ADMIN_AREAS = [
  'auth',
  'account',
  'articles',
  'media',
  'taxonomy',
  'fronts',
  'staff',
  'newsletters',
  'editions',
  'subscribers',
  'privacy',
  'reach',
  'redirects',
  'imports',
  'contributions',
  'audit',
] as const
export type AdminArea = (typeof ADMIN_AREAS)[number]

/** The zod schemas Fastify checks a request against before the handler runs (ADR 011). */
export interface RouteSchemas {
  params?: z.ZodType
  querystring?: z.ZodType
  body?: z.ZodType
}

type Parsed<S, K extends keyof RouteSchemas> = S extends { [P in K]: infer T }
  ? T extends z.ZodType
    ? z.output<T>
    : unknown
  : unknown

/** A request whose parts have passed the route's schemas, typed as they parsed. */
export type AdminRequest<S extends RouteSchemas = RouteSchemas> = FastifyRequest<{
  Params: Parsed<S, 'params'>
  Querystring: Parsed<S, 'querystring'>
  Body: Parsed<S, 'body'>
}>

/** A route's link in the admin's navigation. */
export interface NavLink {
  label: string
  /**
   * Shown to everyone signed in, as 'Your account' is: pages every role may open, so the
   * navigation does not depend on how the policy spells that.
   */
  everyone?: boolean
  /** Not shown to whoever may do this: they reach the page from another link. */
  unless?: Permission
}

/** One admin route. */
export interface AdminRoute<S extends RouteSchemas = RouteSchemas> {
  method: 'GET' | 'POST'
  url: string
  /** The permission it needs; null: open to anyone (the sign-in form, a shared preview). */
  permission: Permission | null
  area: AdminArea
  /** Its link in the admin's navigation (admin/nav.ts), when it has one; GET routes only. */
  nav?: NavLink
  /**
   * Takes a file (multipart/form-data), parsed in an uploads scope only: `true` holds it in
   * memory (a photo, 20 MB at most); `story`: the story form, which may carry a new lead photo
   * among its many fields (a scope of its own, with room for them), and may as well come
   * urlencoded; `stream` writes it to the imports folder as it arrives (an export, ADR 029).
   */
  upload?: boolean | 'story' | 'stream'
  schema?: S
  /** What the page says when the path fails its schema (an id that names nothing). */
  missing?: string
  // A method, so that a route with narrower schemas still fits a list of routes.
  handler(req: AdminRequest<S>, reply: FastifyReply, ctx: AdminContext): Promise<unknown>
}

/** A route, with its handler typed by its schemas, as a member of the route table. */
export function adminRoute<S extends RouteSchemas = Record<never, never>>(
  route: AdminRoute<S>,
): AdminRoute {
  return route as unknown as AdminRoute
}

/** What the pipeline and the tests read back from a registered route (its `config.admin`). */
export type RouteFacts = Pick<AdminRoute, 'permission' | 'area' | 'nav' | 'missing'>

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on every admin route: the pipeline and the role × route test read it. */
    admin?: RouteFacts
  }
}
