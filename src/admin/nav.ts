import type { NavItem } from './views/shell.js'
import type { Permission } from '../staff/policy.js'

/**
 * The links of the admin's navigation a person sees, in order. Each link is shown only to those
 * whose role may open the page behind it, so nobody is offered a page that answers "not allowed".
 * 'Your account' and 'View site' are for everyone signed in and are added by the shell.
 */
export function navFor(can: (p: Permission) => boolean): NavItem[] {
  const items: NavItem[] = [
    { href: '/admin/articles', label: 'Articles' },
    { href: '/admin/articles/new', label: 'New article' },
    { href: '/admin/media', label: 'Media' },
  ]
  if (can('taxonomy.manage')) items.push({ href: '/admin/taxonomy', label: 'Sections & topics' })
  if (can('newsletter.manage')) {
    items.push({ href: '/admin/newsletters', label: 'Newsletters' })
    items.push({ href: '/admin/subscribers', label: 'Subscribers' })
  }
  if (can('settings.manage')) items.push({ href: '/admin/privacy', label: 'Privacy page' })
  // The dashboard links to the appeal; whoever may edit the appeal but not see revenue goes there.
  if (can('revenue.read')) items.push({ href: '/admin/contributions', label: 'Contributions' })
  else if (can('appeal.manage')) items.push({ href: '/admin/appeal', label: 'Appeal' })
  if (can('staff.manage')) items.push({ href: '/admin/staff', label: 'Staff' })
  if (can('audit.read')) items.push({ href: '/admin/audit', label: 'Audit log' })
  return items
}
