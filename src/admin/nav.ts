import type { Permission } from '../staff/policy.js'
import type { AdminArea, AdminRoute } from './route.js'
import type { NavItem } from './views/shell.js'

/** The navigation's headings, in the order shown. */
export const NAV_GROUPS = ['Content', 'Audience', 'Money', 'Settings'] as const
export type NavGroup = (typeof NAV_GROUPS)[number]

/** Which heading an area's links go under: every area is named, so a new one must choose. */
const AREA_GROUP: Record<AdminArea, NavGroup> = {
  articles: 'Content',
  media: 'Content',
  taxonomy: 'Content',
  fronts: 'Content',
  newsletters: 'Audience',
  editions: 'Audience',
  subscribers: 'Audience',
  privacy: 'Audience',
  contributions: 'Money',
  reach: 'Settings',
  redirects: 'Settings',
  imports: 'Settings',
  staff: 'Settings',
  audit: 'Settings',
  account: 'Settings',
  auth: 'Settings',
}

/** A link of the admin's navigation, as the route table gives it. */
export interface NavEntry {
  href: string
  label: string
  group: NavGroup
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
  routes: readonly Pick<AdminRoute, 'method' | 'url' | 'permission' | 'nav' | 'area'>[],
): NavEntry[] {
  const entries = routes.flatMap((r) =>
    r.nav && r.method === 'GET'
      ? [
          {
            href: r.url,
            label: r.nav.label,
            group: AREA_GROUP[r.area],
            permission: r.permission,
            everyone: r.nav.everyone ?? false,
            unless: r.nav.unless,
          },
        ]
      : [],
  )
  // Grouped, and within a group in table order.
  return NAV_GROUPS.flatMap((g) => entries.filter((e) => e.group === g))
}

/**
 * The links of the admin's navigation a person sees, in order. Each link is shown only to those
 * whose role may open the page behind it, so nobody is offered a page that answers "not allowed".
 * 'Your account' (under Settings) and 'View site' are for everyone signed in; the shell adds them.
 */
export function navFor(can: (p: Permission) => boolean, entries: readonly NavEntry[]): NavItem[] {
  return entries
    .filter(
      (e) =>
        (e.everyone || e.permission === null || can(e.permission)) && !(e.unless && can(e.unless)),
    )
    .map(({ href, label, group }) => ({ href, label, group }))
}
