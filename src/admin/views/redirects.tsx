import type { Redirect } from '../../imports/index.js'
import { MAX_PATH } from '../../imports/index.js'
import { counted } from './format.js'
import { type AdminContext, AdminLayout, Problems, Scroll } from './shell.js'

/** The redirects from old addresses: search, add, delete, export (ADR 025). */
export function RedirectsAdmin(props: {
  ctx: AdminContext
  q: string
  page: number
  rows: readonly Redirect[]
  total: number
  perPage: number
  from?: string
  to?: string
  notice?: string | undefined
  problems?: readonly string[]
}) {
  const { ctx, q, page, rows, total, perPage } = props
  const more = page * perPage < total
  const link = (p: number) =>
    `/admin/redirects?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`
  return (
    <AdminLayout ctx={ctx} title="Redirects">
      <h1>Redirects</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <p>
        An old address (from the site this newsroom moved from) that now answers with a permanent
        redirect to a page here. Only addresses no page answers are redirected, so a redirect never
        hides a live page. Both sides are paths on this site, such as{' '}
        <code>/2019/04/02/the-vote/</code>; WordPress's numbered addresses are written{' '}
        <code>/?p=123</code>.
      </p>
      <h2>Add a redirect</h2>
      <Problems problems={props.problems ?? []} />
      <form method="post" action="/admin/redirects">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <p>
          <label for="redirect-from">Old path</label>
          <input
            id="redirect-from"
            name="from"
            type="text"
            required
            maxLength={MAX_PATH}
            value={props.from ?? ''}
          />
        </p>
        <p>
          <label for="redirect-to">New path</label>
          <input
            id="redirect-to"
            name="to"
            type="text"
            required
            maxLength={MAX_PATH}
            value={props.to ?? ''}
          />
        </p>
        <p>
          <button type="submit">Add redirect</button>
        </p>
      </form>
      <h2>All redirects</h2>
      <form method="get" action="/admin/redirects" role="search">
        <label for="redirect-q">Find a path</label> <input id="redirect-q" name="q" value={q} />{' '}
        <button type="submit">Search</button>
      </form>
      <p>
        {counted(total, 'redirect', 'redirects')}
        {q ? ` matching “${q}”` : ''}. <a href="/admin/redirects/export.csv">Download as CSV</a>
      </p>
      {rows.length > 0 && (
        <Scroll label="Redirects">
          <table>
            <thead>
              <tr>
                <th scope="col">Old path</th>
                <th scope="col">New path</th>
                <th scope="col">Made by</th>
                <th scope="col">
                  <span class="visually-hidden">Delete</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <code>{r.from}</code>
                  </td>
                  <td>
                    <a href={r.to}>{r.to}</a>
                  </td>
                  <td>{r.source}</td>
                  <td>
                    <form method="post" action={`/admin/redirects/${r.id}/delete`}>
                      <input type="hidden" name="_csrf" value={ctx.csrf} />
                      <button type="submit" aria-label={`Delete the redirect from ${r.from}`}>
                        Delete
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      {(page > 1 || more) && (
        <nav class="pagination" aria-label="Pages">
          {page > 1 && <a href={link(page - 1)}>Newer</a>}{' '}
          {more && <a href={link(page + 1)}>Older</a>}
        </nav>
      )}
    </AdminLayout>
  )
}
