import type { ComponentChildren } from 'preact'
import {
  ARTICLE_STATUSES,
  type Agency,
  type Article,
  type ArticleListing,
  type ArticleStatus,
  DRAFTING_STATUSES,
  type Author,
  type Image,
  type Section,
  type Revision,
  type Topic,
  diffText,
  articlePath,
  bylineText,
  imagePath,
} from '../../content/index.js'
import type { AuditEntry, StaffMember } from '../../staff/staff-repository.js'
import { ROLES, type Permission } from '../../staff/policy.js'
import type { Newsletter } from '../../newsletter/index.js'
import { BYLINE_SLOTS } from '../article-form.js'

export interface AdminContext {
  siteName: string
  cssHref: string
  /** The admin's small script (passkeys); pages work without it. */
  scriptHref?: string
  /** The rich editor's bundle, when it was built; only article forms load it. */
  editor?: { js: string; css: string }
  staff: StaffMember | null
  csrf: string
  can: (p: Permission) => boolean
}

export function AdminLayout(props: {
  ctx: AdminContext
  title: string
  children: ComponentChildren
  /** Load the rich editor (article forms only). */
  editor?: boolean
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
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/admin/articles">
            {ctx.siteName}
          </a>
          {ctx.staff && (
            <>
              <nav aria-label="Admin">
                <ul>
                  <li>
                    <a href="/admin/articles">Articles</a>
                  </li>
                  <li>
                    <a href="/admin/articles/new">New article</a>
                  </li>
                  <li>
                    <a href="/admin/media">Media</a>
                  </li>
                  {ctx.can('taxonomy.manage') && (
                    <li>
                      <a href="/admin/taxonomy">Sections &amp; topics</a>
                    </li>
                  )}
                  {ctx.can('newsletter.manage') && (
                    <li>
                      <a href="/admin/newsletters">Newsletters</a>
                    </li>
                  )}
                  {ctx.can('newsletter.manage') && (
                    <li>
                      <a href="/admin/subscribers">Subscribers</a>
                    </li>
                  )}
                  {ctx.can('settings.manage') && (
                    <li>
                      <a href="/admin/privacy">Privacy page</a>
                    </li>
                  )}
                  {ctx.can('revenue.read') ? (
                    <li>
                      <a href="/admin/contributions">Contributions</a>
                    </li>
                  ) : (
                    ctx.can('appeal.manage') && (
                      <li>
                        <a href="/admin/appeal">Appeal</a>
                      </li>
                    )
                  )}
                  {ctx.can('staff.manage') && (
                    <li>
                      <a href="/admin/staff">Staff</a>
                    </li>
                  )}
                  {ctx.can('audit.read') && (
                    <li>
                      <a href="/admin/audit">Audit log</a>
                    </li>
                  )}
                  <li>
                    <a href="/admin/account">Your account</a>
                  </li>
                  <li>
                    <a href="/">View site</a>
                  </li>
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

export function Problems(props: { problems: readonly string[] }) {
  if (props.problems.length === 0) return null
  return (
    <div class="errors" role="alert">
      <h2>Nothing was saved. Please fix:</h2>
      <ul>
        {props.problems.map((p) => (
          <li>{p}</li>
        ))}
      </ul>
    </div>
  )
}

export function SignInView(props: {
  ctx: AdminContext
  email: string
  message?: string | undefined
  next: string
  /** A form that was sent after the session ended, carried through sign-in (see admin-plugin). */
  resume?: string | undefined
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Sign in">
      <div class="signin">
        <h1>Sign in to {props.ctx.siteName}</h1>
        {props.message && (
          <div class="errors" role="alert">
            <p>{props.message}</p>
          </div>
        )}
        <form method="post" action="/admin/sign-in">
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <input type="hidden" name="next" value={props.next} />
          {props.resume && <input type="hidden" name="resume" value={props.resume} />}
          <label for="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={props.email}
          />
          <label for="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
          <p>
            <button type="submit">Sign in</button>
          </p>
        </form>
        <p>
          <button
            type="button"
            class="secondary"
            hidden
            data-passkey="sign-in"
            data-csrf={props.ctx.csrf}
            data-next={props.next}
          >
            Sign in with a passkey
          </button>
        </p>
        <p id="passkey-status" role="status" aria-live="polite" />
        <p>
          <a href="/admin/password/forgot">Forgotten your password?</a>
        </p>
      </div>
    </AdminLayout>
  )
}

const statusLabel: Record<ArticleStatus, string> = {
  draft: 'Draft',
  review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
}

export interface ArticleListView {
  ctx: AdminContext
  items: ArticleListing[]
  sections: Section[]
  authors: Author[]
  filter: { status: string; section: string; author: string; q: string }
  page: number
  prev?: string | undefined
  next?: string | undefined
  notice?: string | undefined
}

export function ArticleList(props: ArticleListView) {
  const f = props.filter
  return (
    <AdminLayout ctx={props.ctx} title="Articles">
      <h1>Articles</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <form class="filters" method="get" action="/admin/articles" role="search">
        <div>
          <label for="q">Headline</label>
          <input id="q" name="q" type="search" value={f.q} />
        </div>
        <div>
          <label for="status">Status</label>
          <select id="status" name="status">
            <option value="">Any</option>
            {ARTICLE_STATUSES.map((s) => (
              <option value={s} selected={f.status === s}>
                {statusLabel[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="section">Section</label>
          <IdSelect id="section" any="Any" options={props.sections} selected={f.section} />
        </div>
        <div>
          <label for="author">Author</label>
          <IdSelect id="author" any="Anyone" options={props.authors} selected={f.author} />
        </div>
        <div>
          <button type="submit">Filter</button>
        </div>
      </form>
      {props.items.length === 0 ? (
        <p>No articles match.</p>
      ) : (
        <table class="articles">
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Status</th>
              <th scope="col">Section</th>
              <th scope="col">Byline</th>
              <th scope="col">Last saved (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((a) => (
              <tr>
                <td>
                  <a href={`/admin/articles/${a.id}`}>{a.headline}</a>
                </td>
                <td>
                  <span class={`status status-${a.status}`}>{statusLabel[a.status]}</span>
                </td>
                <td>{a.section.name}</td>
                <td>{bylineText(a.credits)}</td>
                <td>{a.updatedAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pagination" aria-label="Pages">
        {props.prev ? <a href={props.prev}>← Newer</a> : <span />}
        <span>Page {props.page}</span>
        {props.next ? <a href={props.next}>Older →</a> : <span />}
      </nav>
    </AdminLayout>
  )
}

export interface ArticleFormValues {
  headline: string
  kicker: string
  standfirst: string
  slug: string
  sectionId: string
  body: string
  status: string
  publishedAt: string
  unpublishAt: string
  topicIds: string[]
  /** Names in byline order: staff, agencies and guests alike. */
  byline: string[]
  leadImageId: string
  version: string
}

export interface ArticleFormView {
  ctx: AdminContext
  article: Article | null
  values: ArticleFormValues
  sections: Section[]
  topics: Topic[]
  authors: Author[]
  agencies: Agency[]
  problems: string[]
  notice?: string | undefined
  /** Set when someone else saved first: their version, to compare with ours (in `values`). */
  theirs?: Article | undefined
  revisions?: Revision[] | undefined
  /** Recent photos to choose the lead from. */
  images?: Image[]
  /** A newer automatic copy exists: when, and where to open it. */
  autosaved?: { at: Date; href: string } | undefined
}

export function ArticleForm(props: ArticleFormView) {
  const v = props.values
  const a = props.article
  const action = a ? `/admin/articles/${a.id}` : '/admin/articles'
  const canPublish = props.ctx.can('article.publish')
  return (
    <AdminLayout ctx={props.ctx} title={a ? `Edit: ${a.headline}` : 'New article'} editor>
      <h1>{a ? 'Edit article' : 'New article'}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {a && (
        <p>
          <a href={`/admin/articles/${a.id}/preview`}>Preview</a> ·{' '}
          <a href={`/admin/articles/${a.id}/preview/phone`}>at phone width</a>
        </p>
      )}
      {a && a.status === 'published' && a.publishedAt && (
        <p>
          Live at <a href={articlePath(a)}>{articlePath(a)}</a>
        </p>
      )}
      {props.theirs && (
        <section class="errors" aria-labelledby="conflict-title">
          <h2 id="conflict-title">Someone else saved this article while you were editing</h2>
          <p>
            Nothing of yours was lost and nothing of theirs was overwritten. Compare the two bodies,
            merge what you need into the form below, and save again to replace their version.
          </p>
          <div class="compare">
            <div>
              <h3>
                Theirs (saved {props.theirs.updatedAt.toISOString().slice(0, 16).replace('T', ' ')}{' '}
                UTC)
              </h3>
              <p>
                <strong>{props.theirs.headline}</strong>
              </p>
              <pre>{props.theirs.body}</pre>
            </div>
            <div>
              <h3>Yours (not saved)</h3>
              <p>
                <strong>{v.headline}</strong>
              </p>
              <pre>{v.body}</pre>
            </div>
          </div>
        </section>
      )}
      {props.autosaved && (
        <p class="notice" role="status">
          Text kept automatically at {props.autosaved.at.toISOString().slice(11, 16)} UTC is newer
          than this version. <a href={props.autosaved.href}>Open the kept text</a> (nothing changes
          until you save).
        </p>
      )}
      <Problems problems={props.problems} />
      <form method="post" action={action}>
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <input type="hidden" name="version" value={v.version} />
        <label for="headline">Headline</label>
        <input
          id="headline"
          name="headline"
          type="text"
          required
          maxLength={300}
          value={v.headline}
        />
        <label for="kicker">
          Kicker <span class="hint">(optional, e.g. Analysis)</span>
        </label>
        <input id="kicker" name="kicker" type="text" maxLength={60} value={v.kicker} />
        <label for="standfirst">
          Standfirst <span class="hint">(one or two sentences under the headline)</span>
        </label>
        <input id="standfirst" name="standfirst" type="text" maxLength={600} value={v.standfirst} />
        <label for="slug">
          Address <span class="hint">(made from the headline when empty)</span>
        </label>
        <input
          id="slug"
          name="slug"
          type="text"
          maxLength={80}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          value={v.slug}
        />
        <label for="sectionId">Section</label>
        <select id="sectionId" name="sectionId" required>
          <option value="">Choose a section</option>
          {props.sections.map((s) => (
            <option value={String(s.id)} selected={v.sectionId === String(s.id)}>
              {s.name}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>Byline, in order</legend>
          <p class="small">
            Type names as they should read. A staff author's or agency's name links to them
            (suggestions appear as you type); any other name is credited as a guest.
          </p>
          {Array.from({ length: BYLINE_SLOTS }, (_, n) => (
            <>
              <label for={`byline-${n}`} class="visually-hidden">
                Byline name {n + 1}
              </label>
              <input
                id={`byline-${n}`}
                name="byline"
                type="text"
                list="byline-people"
                maxLength={120}
                value={v.byline[n] ?? ''}
              />
            </>
          ))}
          <datalist id="byline-people">
            {props.authors.map((au) => (
              <option value={au.name}>Staff</option>
            ))}
            {props.agencies.map((ag) => (
              <option value={ag.name}>Agency</option>
            ))}
          </datalist>
        </fieldset>
        <Checkboxes legend="Topics" name="topicIds" options={props.topics} checked={v.topicIds} />
        <label for="newTopics">
          New topics <span class="hint">(names separated by commas; made when you save)</span>
        </label>
        <input id="newTopics" name="newTopics" type="text" maxLength={700} />
        <fieldset class="lead-choices">
          <legend>Lead photo</legend>
          <p class="small">
            The latest photos from <a href="/admin/media">Media</a>; upload one there first. Its alt
            text, caption and credit come with it.
          </p>
          <label>
            <input type="radio" name="leadImageId" value="" checked={!v.leadImageId} />
            None
          </label>
          {(props.images ?? []).map((img) => (
            <label>
              <input
                type="radio"
                name="leadImageId"
                value={String(img.id)}
                checked={v.leadImageId === String(img.id)}
              />
              <img
                src={imagePath(img, img.widths[0] ?? img.width)}
                width={96}
                height={Math.round((96 * img.height) / Math.max(1, img.width))}
                alt=""
              />
              <span>
                {img.id}: {img.caption || img.alt}
              </span>
            </label>
          ))}
          {v.leadImageId &&
            !(props.images ?? []).some((img) => String(img.id) === v.leadImageId) && (
              <label>
                <input type="radio" name="leadImageId" value={v.leadImageId} checked />
                Image {v.leadImageId} (kept)
              </label>
            )}
        </fieldset>
        <label for="body">
          Body{' '}
          <span class="hint">
            (with JavaScript, a rich editor; without it, HTML, cleaned to the allowed tags on save)
          </span>
        </label>
        <textarea id="body" name="body">
          {v.body}
        </textarea>
        <label for="status">Status</label>
        <select id="status" name="status">
          {ARTICLE_STATUSES.filter((st) => canPublish || DRAFTING_STATUSES.includes(st)).map(
            (st) => (
              <option value={st} selected={v.status === st}>
                {statusLabel[st]}
              </option>
            ),
          )}
        </select>
        {!canPublish && (
          <p class="small">
            Your role saves drafts and sends them for review; an editor publishes them.
          </p>
        )}
        <label for="publishedAt">
          Publication time, UTC{' '}
          <span class="hint">(empty: now when published; required when scheduled)</span>
        </label>
        <input id="publishedAt" name="publishedAt" type="datetime-local" value={v.publishedAt} />
        <label for="unpublishAt">
          Take down at, UTC{' '}
          <span class="hint">(optional: an embargo's end or a planned takedown)</span>
        </label>
        <input id="unpublishAt" name="unpublishAt" type="datetime-local" value={v.unpublishAt} />
        <p>
          <button type="submit">Save</button>
        </p>
      </form>
      {a && canPublish && (a.status === 'published' || a.corrections.length > 0) && (
        <section aria-labelledby="corrections-title">
          <h2 id="corrections-title">Corrections and updates</h2>
          {a.corrections.length > 0 && (
            <ul>
              {a.corrections.map((c) => (
                <li>
                  {c.kind === 'correction' ? 'Correction' : 'Update'},{' '}
                  {c.at.toISOString().slice(0, 16).replace('T', ' ')} UTC: {c.text}
                </li>
              ))}
            </ul>
          )}
          <form method="post" action={`/admin/articles/${a.id}/corrections`}>
            <input type="hidden" name="_csrf" value={props.ctx.csrf} />
            <label for="kind">Kind</label>
            <select id="kind" name="kind">
              <option value="correction">Correction (something was wrong)</option>
              <option value="update">Update (news moved on)</option>
            </select>
            <label for="note">What readers should know</label>
            <textarea id="note" name="text" class="short" required maxLength={2000} />
            <p>
              <button type="submit">Add to the article</button>
            </p>
          </form>
        </section>
      )}
      {a && props.revisions && props.revisions.length > 0 && (
        <section aria-labelledby="revisions-title">
          <h2 id="revisions-title">Versions</h2>
          <ul>
            {props.revisions.map((r) => (
              <li>
                <a href={`/admin/articles/${a.id}/revisions/${r.id}`}>
                  {r.savedAt.toISOString().slice(0, 19).replace('T', ' ')} UTC
                </a>{' '}
                · {r.staffName ?? 'import or system'} · {r.snapshot.headline}
              </li>
            ))}
          </ul>
        </section>
      )}
    </AdminLayout>
  )
}

export function StaffList(props: {
  ctx: AdminContext
  staff: StaffMember[]
  problems: string[]
  notice?: string | undefined
  values: { email: string; name: string; role: string }
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Staff">
      <h1>Staff</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Access</th>
          </tr>
        </thead>
        <tbody>
          {props.staff.map((s) => (
            <tr>
              <td>{s.name}</td>
              <td>{s.email}</td>
              <td>{s.role}</td>
              <td>
                {s.disabledAt ? (
                  `Disabled ${s.disabledAt.toISOString().slice(0, 10)}`
                ) : s.id === props.ctx.staff?.id ? (
                  'You'
                ) : (
                  <form method="post" action={`/admin/staff/${s.id}/disable`}>
                    <input type="hidden" name="_csrf" value={props.ctx.csrf} />
                    <button class="secondary" type="submit">
                      Disable
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a staff member</h2>
      <Problems problems={props.problems} />
      <form method="post" action="/admin/staff">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <label for="name">Name</label>
        <input id="name" name="name" type="text" required value={props.values.name} />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" required value={props.values.email} />
        <label for="role">Role</label>
        <select id="role" name="role">
          {ROLES.map((r) => (
            <option value={r} selected={props.values.role === r}>
              {r}
            </option>
          ))}
        </select>
        <label for="password">
          First password{' '}
          <span class="hint">
            (leave empty to email them a link to choose their own; otherwise at least 12 characters,
            told in person)
          </span>
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="new-password"
          minLength={12}
        />
        <p>
          <button type="submit">Add</button>
        </p>
      </form>
    </AdminLayout>
  )
}

export function AuditLog(props: {
  ctx: AdminContext
  entries: AuditEntry[]
  next?: string | undefined
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Audit log">
      <h1>Audit log</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">On</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>{e.at.toISOString().slice(0, 19).replace('T', ' ')}</td>
              <td>{e.staffName ?? '—'}</td>
              <td>{e.action}</td>
              <td>{e.subject}</td>
              <td>{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.next && (
        <p>
          <a href={props.next}>Older entries →</a>
        </p>
      )}
    </AdminLayout>
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

export function CodeView(props: {
  ctx: AdminContext
  next: string
  message?: string | undefined
  resume?: string | undefined
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Two-factor code">
      <div class="signin">
        <h1>Enter the code from your app</h1>
        {props.message && (
          <div class="errors" role="alert">
            <p>{props.message}</p>
          </div>
        )}
        <form method="post" action="/admin/sign-in/code">
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <input type="hidden" name="next" value={props.next} />
          {props.resume && <input type="hidden" name="resume" value={props.resume} />}
          <label for="code">Six-digit code</label>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            required
          />
          <p>
            <button type="submit">Continue</button>
          </p>
        </form>
        <p class="small">
          Lost your phone? An admin can turn two-factor off for you after checking who you are.
        </p>
      </div>
    </AdminLayout>
  )
}

export function AccountView(props: {
  ctx: AdminContext
  passkeys?: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[]
  enrolment?: { secret: string; uri: string; proof: string } | undefined
  notice?: string | undefined
  problems?: string[]
}) {
  const staff = props.ctx.staff!
  return (
    <AdminLayout ctx={props.ctx} title="Your account">
      <h1>Your account</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <Problems problems={props.problems ?? []} />
      <p>
        {staff.name} · {staff.email} · {staff.role}
      </p>
      <h2>Two-factor sign-in</h2>
      {staff.twoFactor ? (
        <form method="post" action="/admin/account/two-factor/disable">
          <p>On: signing in asks for a code from your authenticator app.</p>
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <label for="off-code">A current code, to turn it off</label>
          <input
            id="off-code"
            name="code"
            type="text"
            inputMode="numeric"
            autocomplete="one-time-code"
            required
          />
          <p>
            <button class="secondary" type="submit">
              Turn off
            </button>
          </p>
        </form>
      ) : props.enrolment ? (
        <form method="post" action="/admin/account/two-factor/enable">
          <p>
            Add this key to an authenticator app (for example one that works offline on your phone),
            then enter the code it shows.
          </p>
          <p>
            Key: <code>{props.enrolment.secret}</code>
          </p>
          <p class="small">
            On the phone itself: <a href={props.enrolment.uri}>open in the authenticator app</a>
          </p>
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <input type="hidden" name="secret" value={props.enrolment.secret} />
          <input type="hidden" name="proof" value={props.enrolment.proof} />
          <label for="on-code">Code from the app</label>
          <input
            id="on-code"
            name="code"
            type="text"
            inputMode="numeric"
            autocomplete="one-time-code"
            required
          />
          <p>
            <button type="submit">Turn on</button>
          </p>
        </form>
      ) : (
        <form method="post" action="/admin/account/two-factor/begin">
          <p>Off. With it on, a stolen password alone cannot open your account.</p>
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <button type="submit">Set up two-factor sign-in</button>
        </form>
      )}
      <h2>Passkeys</h2>
      <p>
        A passkey signs you in with your device's lock (fingerprint, face or PIN) instead of a
        password and code.
      </p>
      {(props.passkeys ?? []).length > 0 && (
        <ul>
          {(props.passkeys ?? []).map((k) => (
            <li>
              <form
                method="post"
                action={`/admin/account/passkeys/${encodeURIComponent(k.id)}/delete`}
              >
                {k.name}, added {k.createdAt.toISOString().slice(0, 10)}
                {k.lastUsedAt && <>, last used {k.lastUsedAt.toISOString().slice(0, 10)}</>}{' '}
                <input type="hidden" name="_csrf" value={props.ctx.csrf} />
                <button class="secondary" type="submit">
                  Remove
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <label for="passkey-password">Your current password</label>
      <input id="passkey-password" type="password" autocomplete="current-password" />
      <label for="passkey-name">Name for a new passkey</label>
      <input id="passkey-name" type="text" maxLength={80} value="My phone" />
      <p>
        <button type="button" hidden data-passkey="register" data-csrf={props.ctx.csrf}>
          Add a passkey
        </button>
      </p>
      <p id="passkey-status" role="status" aria-live="polite" />
      <noscript>
        <p class="small">
          Adding a passkey needs JavaScript; everything else here works without it.
        </p>
      </noscript>
    </AdminLayout>
  )
}

export function MediaView(props: {
  ctx: AdminContext
  images: Image[]
  q: string
  problems?: string[]
  notice?: string | undefined
  values?: { alt: string; caption: string; credit: string }
}) {
  const v = props.values ?? { alt: '', caption: '', credit: '' }
  return (
    <AdminLayout ctx={props.ctx} title="Media">
      <h1>Media</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <h2>Upload a photo</h2>
      <Problems problems={props.problems ?? []} />
      <form method="post" action="/admin/media" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <label for="alt">
          Alt text <span class="hint">(what the photo shows, for readers who cannot see it)</span>
        </label>
        <input id="alt" name="alt" type="text" required maxLength={500} value={v.alt} />
        <label for="caption">
          Caption <span class="hint">(what and where)</span>
        </label>
        <input id="caption" name="caption" type="text" maxLength={1000} value={v.caption} />
        <label for="credit">
          Credit <span class="hint">(photographer, pool or agency)</span>
        </label>
        <input id="credit" name="credit" type="text" maxLength={200} value={v.credit} />
        <label for="file">
          File{' '}
          <span class="hint">
            (JPEG, PNG, WebP, AVIF or GIF, up to 20 MB; location data is removed)
          </span>
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          required
        />
        <p>
          <button type="submit">Upload</button>
        </p>
      </form>
      <h2>Library</h2>
      <form class="filters" method="get" action="/admin/media" role="search">
        <div>
          <label for="mq">Caption, credit or alt text</label>
          <input id="mq" name="q" type="search" value={props.q} />
        </div>
        <div>
          <button type="submit">Search</button>
        </div>
      </form>
      {props.images.length === 0 ? (
        <p>No images match.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Image</th>
              <th scope="col">Id</th>
              <th scope="col">Alt text</th>
              <th scope="col">Caption</th>
              <th scope="col">Credit</th>
              <th scope="col">Size</th>
            </tr>
          </thead>
          <tbody>
            {props.images.map((img) => (
              <tr>
                <td>
                  <img
                    src={imagePath(img, img.widths[0] ?? img.width)}
                    width={120}
                    height={Math.round((120 * img.height) / Math.max(1, img.width))}
                    alt=""
                    loading="lazy"
                  />
                </td>
                <td>{img.id}</td>
                <td>{img.alt}</td>
                <td>{img.caption}</td>
                <td>{img.credit}</td>
                <td>
                  {img.width}×{img.height}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  )
}

export function RevisionView(props: { ctx: AdminContext; article: Article; revision: Revision }) {
  const { article: a, revision: r } = props
  const headline = diffText(r.snapshot.headline, a.headline)
  const body = diffText(r.snapshot.body, a.body)
  const Diff = (p: { parts: ReturnType<typeof diffText> }) => (
    <>
      {p.parts.map((part) =>
        part.op === 'same' ? (
          <span>{part.text}</span>
        ) : part.op === 'added' ? (
          <ins>{part.text}</ins>
        ) : (
          <del>{part.text}</del>
        ),
      )}
    </>
  )
  return (
    <AdminLayout ctx={props.ctx} title={`Version of ${a.headline}`}>
      <h1>Version saved {r.savedAt.toISOString().slice(0, 19).replace('T', ' ')} UTC</h1>
      <p>
        By {r.staffName ?? 'import or system'}. Below: what changed from this version (struck out)
        to the current one (underlined).
      </p>
      <h2>Headline</h2>
      <p class="diff">
        <Diff parts={headline} />
      </p>
      <h2>Body (HTML)</h2>
      <pre class="diff">
        <Diff parts={body} />
      </pre>
      <form method="post" action={`/admin/articles/${a.id}/revisions/${r.id}/restore`}>
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <p>
          <button type="submit">Restore this version</button>{' '}
          <a href={`/admin/articles/${a.id}`}>Back to the article</a>
        </p>
        <p class="small">
          Restoring saves it as the newest version; nothing is lost, and the status stays as it is.
        </p>
      </form>
    </AdminLayout>
  )
}

export function PhonePreview(props: { ctx: AdminContext; article: Article }) {
  return (
    <AdminLayout ctx={props.ctx} title={`Phone preview: ${props.article.headline}`}>
      <h1>At phone width</h1>
      <p>
        <a href={`/admin/articles/${props.article.id}/preview`}>Full width</a> ·{' '}
        <a href={`/admin/articles/${props.article.id}`}>Back to the article</a>
      </p>
      <iframe
        class="phone"
        src={`/admin/articles/${props.article.id}/preview`}
        width={375}
        height={740}
        title="The article at phone width"
      />
    </AdminLayout>
  )
}

/** A group of checkboxes for things with an id and a name (byline parts, topics). */
function Checkboxes(props: {
  legend: string
  name: string
  options: readonly { id: number; name: string }[]
  checked: readonly string[]
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label>
          <input
            type="checkbox"
            name={props.name}
            value={String(o.id)}
            checked={props.checked.includes(String(o.id))}
          />
          {o.name}
        </label>
      ))}
    </fieldset>
  )
}

export function ForgotView(props: { ctx: AdminContext; sent?: boolean }) {
  return (
    <AdminLayout ctx={props.ctx} title="Forgotten password">
      <div class="signin">
        <h1>Forgotten password</h1>
        {props.sent ? (
          <p class="notice" role="status">
            If that address belongs to an account, a link to choose a new password is on its way. It
            works for an hour.
          </p>
        ) : (
          <form method="post" action="/admin/password/forgot">
            <input type="hidden" name="_csrf" value={props.ctx.csrf} />
            <label for="forgot-email">Your email</label>
            <input id="forgot-email" name="email" type="email" autocomplete="username" required />
            <p>
              <button type="submit">Send me a link</button>
            </p>
          </form>
        )}
        <p>
          <a href="/admin/sign-in">Back to sign-in</a>
        </p>
      </div>
    </AdminLayout>
  )
}

export function SetPasswordView(props: {
  ctx: AdminContext
  name: string
  action: string
  problems: string[]
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Choose a password">
      <div class="signin">
        <h1>Choose a password, {props.name}</h1>
        <Problems problems={props.problems} />
        <form method="post" action={props.action}>
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <label for="new-password">
            New password <span class="hint">(at least 12 characters; a few words work well)</span>
          </label>
          <input
            id="new-password"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            minLength={12}
          />
          <label for="new-password-again">The same again</label>
          <input
            id="new-password-again"
            name="again"
            type="password"
            autocomplete="new-password"
            required
            minLength={12}
          />
          <p>
            <button type="submit">Set password</button>
          </p>
        </form>
      </div>
    </AdminLayout>
  )
}

export function NewslettersAdmin(props: {
  ctx: AdminContext
  newsletters: (Newsletter & { counts: Record<'pending' | 'confirmed' | 'unsubscribed', number> })[]
  problems?: string[]
  notice?: string | undefined
  values?: Record<string, string>
}) {
  const v = props.values ?? {}
  return (
    <AdminLayout ctx={props.ctx} title="Newsletters">
      <h1>Newsletters</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {props.newsletters.length === 0 ? (
        <p>No newsletters yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Newsletter</th>
              <th scope="col">Confirmed</th>
              <th scope="col">Waiting to confirm</th>
              <th scope="col">Unsubscribed</th>
            </tr>
          </thead>
          <tbody>
            {props.newsletters.map((n) => (
              <tr>
                <td>
                  <a href={`/admin/newsletters/${n.id}`}>{n.name}</a>{' '}
                  <span class="small">{n.cadence}</span>
                </td>
                <td>{n.counts.confirmed}</td>
                <td>{n.counts.pending}</td>
                <td>{n.counts.unsubscribed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Add a newsletter</h2>
      <Problems problems={props.problems ?? []} />
      <form method="post" action="/admin/newsletters">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <label for="nl-name">Name</label>
        <input
          id="nl-name"
          name="name"
          type="text"
          required
          maxLength={120}
          value={v['name'] ?? ''}
        />
        <label for="nl-slug">
          Address <span class="hint">(lowercase letters, digits and hyphens)</span>
        </label>
        <input
          id="nl-slug"
          name="slug"
          type="text"
          required
          maxLength={80}
          value={v['slug'] ?? ''}
        />
        <label for="nl-description">What it contains</label>
        <input
          id="nl-description"
          name="description"
          type="text"
          maxLength={600}
          value={v['description'] ?? ''}
        />
        <label for="nl-cadence">
          How often <span class="hint">(e.g. Weekly, every Friday)</span>
        </label>
        <input
          id="nl-cadence"
          name="cadence"
          type="text"
          maxLength={120}
          value={v['cadence'] ?? ''}
        />
        <label for="nl-language">Language</label>
        <input
          id="nl-language"
          name="language"
          type="text"
          required
          maxLength={20}
          value={v['language'] ?? 'en'}
        />
        <p>
          <button type="submit">Add</button>
        </p>
      </form>
    </AdminLayout>
  )
}

/** A filter choice among things with an id and a name, with a first option meaning "all". */
function IdSelect(props: {
  id: string
  any: string
  options: readonly { id: number; name: string }[]
  selected: string
}) {
  return (
    <select id={props.id} name={props.id}>
      <option value="">{props.any}</option>
      {props.options.map((o) => (
        <option value={String(o.id)} selected={props.selected === String(o.id)}>
          {o.name}
        </option>
      ))}
    </select>
  )
}
