import type { Permission } from '../staff/policy.js'
import type { AdminRoute } from './route.js'
import type { NavItem } from './views/shell.js'

/** A link of the admin's navigation, as the route table gives it. */
export interface NavEntry {
  href: string
  label: string
  /** The permission of the page behind it (null: open). */
  permission: Permission | null
  /** Shown to everyone signed in, whatever the permission. */
  everyone: boolean
  /** Not shown to whoever may do this. */
  unless: Permission | undefined
}

/**
 * The navigation's links from the route table: each GET route with a nav link, in table order,
 * with the route's own permission, so a link and its page cannot disagree on who may open it.
 */
export function navEntries(
  routes: readonly Pick<AdminRoute, 'method' | 'url' | 'permission' | 'nav'>[],
): NavEntry[] {
  return routes.flatMap((r) =>
    r.nav && r.method === 'GET'
      ? [
          {
            href: r.url,
            label: r.nav.label,
            permission: r.permission,
            everyone: r.nav.everyone ?? false,
            unless: r.nav.unless,
          },
        ]
      : [],
  )
}

/**
 * The links of the admin's navigation a person sees, in order. Each link is shown only to those
 * whose role may open the page behind it, so nobody is offered a page that answers "not allowed".
 * 'Your account' and 'View site' are for everyone signed in and are added by the shell.
 */
export function navFor(can: (p: Permission) => boolean, entries: readonly NavEntry[]): NavItem[] {
  return entries
    .filter(
      (e) =>
        (e.everyone || e.permission === null || can(e.permission)) && !(e.unless && can(e.unless)),
    )
    .map(({ href, label }) => ({ href, label }))
}
