import type { Newsletter } from '../../newsletter/index.js'
import { type AdminContext, AdminLayout, Problems, Scroll } from './shell.js'

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
        <Scroll label="Newsletters">
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
        </Scroll>
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
