import type { ComponentChildren } from 'preact'
import type { StaffMember } from '../../staff/staff-repository.js'
import type { Permission } from '../../staff/policy.js'

/** One link of the admin's navigation; which links a person sees is decided by `admin/nav.ts`. */
export interface NavItem {
  href: string
  label: string
  /** The heading it is listed under (nav.ts NAV_GROUPS). */
  group: string
}

export interface AdminContext {
  siteName: string
  /** The newsroom's time zone (TIME_ZONE): every time shown or typed here is in it. */
  timeZone: string
  cssHref: string
  /** The admin's small script (passkeys); pages work without it. */
  scriptHref?: string
  /** The rich editor's bundle, when it was built; only article forms load it. */
  editor?: { js: string; css: string }
  /** The edition page's script (stories reordered by dragging), when it was built. */
  editionJs?: string
  staff: StaffMember | null
  csrf: string
  can: (p: Permission) => boolean
  /** The navigation's links for this person, in order (`navFor` in admin/nav.ts). */
  nav: readonly NavItem[]
}

export function AdminLayout(props: {
  ctx: AdminContext
  title: string
  children: ComponentChildren
  /** Load the rich editor (article forms only). */
  editor?: boolean
  /** Load the edition page's script (dragging stories into order). */
  editionScript?: boolean
  /** Reload the page every so many seconds (progress of a long job; works without script). */
  refreshSeconds?: number
}) {
  const { ctx } = props
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} | ${ctx.siteName} admin`}</title>
        <link rel="icon" href="data:," />
        {props.refreshSeconds && (
          <meta http-equiv="refresh" content={String(props.refreshSeconds)} />
        )}
        <link rel="stylesheet" href={ctx.cssHref} />
        {ctx.scriptHref && <script type="module" src={ctx.scriptHref} />}
        {props.editor && ctx.editor && (
          <>
            <link rel="stylesheet" href={ctx.editor.css} />
            <script type="module" src={ctx.editor.js} />
          </>
        )}
        {props.editionScript && ctx.editionJs && <script type="module" src={ctx.editionJs} />}
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/admin/articles">
            {ctx.siteName}
          </a>
          {ctx.staff && (
            <a class="view-site" href="/">
              View site
            </a>
          )}
          {ctx.staff && (
            <>
              <nav aria-label="Admin" class="admin-nav">
                <ul class="nav-groups">
                  {navGroups(ctx.nav).map(([group, items], g) => (
                    <li class="nav-group">
                      <span class="nav-title" id={`nav-group-${g}`}>
                        {group}
                      </span>
                      <ul aria-labelledby={`nav-group-${g}`}>
                        {items.map((item) => (
                          <li>
                            <a href={item.href}>{item.label}</a>
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </nav>
              <form method="post" action="/admin/sign-out">
                <input type="hidden" name="_csrf" value={ctx.csrf} />
                <span class="small">{ctx.staff.name} · </span>
                <button class="secondary" type="submit">
                  Sign out
                </button>{' '}
                <button class="secondary" type="submit" formaction="/admin/sign-out-everywhere">
                  Sign out everywhere
                </button>
              </form>
            </>
          )}
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  )
}

/** The groups of the navigation in order, 'Your account' last under Settings. */
function navGroups(nav: readonly NavItem[]): [string, NavItem[]][] {
  const groups = new Map<string, NavItem[]>()
  for (const item of [...nav, { href: '/admin/account', label: 'Your account', group: 'Settings' }])
    groups.set(item.group, [...(groups.get(item.group) ?? []), item])
  return [...groups]
}

/**
 * A wide table's frame: on a phone it scrolls sideways inside the page, so it can be reached by
 * keyboard (focusable) and is named for whoever lands on it.
 */
export function Scroll(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  )
}

/** What stopped a save; `code`, when given, is the refusal's stable code (docs/errors.md). */
export function Problems(props: { problems: readonly string[]; code?: string | undefined }) {
  if (props.problems.length === 0) return null
  return (
    <div class="errors" role="alert" data-code={props.code}>
      <h2>Nothing was saved. Please fix:</h2>
      <ul>
        {props.problems.map((p) => (
          <li>{p}</li>
        ))}
      </ul>
    </div>
  )
}

export function AdminMessage(props: { ctx: AdminContext; title: string; message: string }) {
  return (
    <AdminLayout ctx={props.ctx} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/admin/articles">Back to the articles</a>
      </p>
    </AdminLayout>
  )
}
