import { FRONT_SLOTS } from '../../content/index.js'
import { languageName } from './translations.js'
import { type AdminContext, AdminLayout, Problems } from './shell.js'

/** One front as the list shows it: where, in which edition, and what is placed there. */
export interface FrontSummary {
  /** `home` or a section's id. */
  sectionId: number | null
  name: string
  language: string
  placed: { id: number; headline: string; status: string }[]
}

/** A story an editor may place: published or scheduled, in the front's language. */
export interface FrontCandidate {
  id: number
  headline: string
  status: string
}

const editHref = (f: { sectionId: number | null; language: string }) =>
  `/admin/fronts/edit?${new URLSearchParams({
    ...(f.sectionId ? { section: String(f.sectionId) } : {}),
    language: f.language,
  }).toString()}`

/** Every front of every edition, with the stories placed on it. */
export function FrontsPage(props: {
  ctx: AdminContext
  fronts: FrontSummary[]
  multilingual: boolean
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Front pages">
      <h1>Front pages</h1>
      <p>
        Place the lead and the next stories of the home page and of each section’s first page.
        Places left empty show the newest stories, as before.
      </p>
      <div class="table-scroll" tabindex={0} role="region" aria-label="Front pages">
        <table>
          <thead>
            <tr>
              <th scope="col">Front</th>
              <th scope="col">Placed stories</th>
              <th scope="col">
                <span class="visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.fronts.map((f) => (
              <tr>
                <td>
                  {f.name}
                  {props.multilingual && <span class="small"> · {languageName(f.language)}</span>}
                </td>
                <td>
                  {f.placed.length === 0 ? (
                    <span class="small">The newest stories</span>
                  ) : (
                    <ol class="placed">
                      {f.placed.map((p) => (
                        <li>
                          {p.headline}
                          {p.status !== 'published' && <span class="small"> ({p.status})</span>}
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
                <td>
                  <a href={editHref(f)}>
                    Change<span class="visually-hidden"> {f.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  )
}

/** The places of one front: the lead, then the stories under it, each a choice of stories. */
export function FrontEdit(props: {
  ctx: AdminContext
  front: FrontSummary
  candidates: FrontCandidate[]
  chosen: (number | null)[]
  problems: string[]
  notice?: string | undefined
}) {
  const { front } = props
  return (
    <AdminLayout ctx={props.ctx} title={`Front: ${front.name}`}>
      <h1>Front: {front.name}</h1>
      <p class="small">
        {languageName(front.language)} edition. A story placed here shows once it is published; an
        empty place shows the newest story not shown already.
      </p>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <Problems problems={props.problems} />
      <form method="post" action="/admin/fronts/edit">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <input type="hidden" name="language" value={front.language} />
        {front.sectionId && <input type="hidden" name="section" value={String(front.sectionId)} />}
        {Array.from({ length: FRONT_SLOTS }, (_, i) => {
          const id = `slot-${i}`
          const chosen = props.chosen[i] ?? null
          return (
            <p>
              <label for={id}>{i === 0 ? 'The lead' : `Story ${i + 1}`}</label>
              <select id={id} name="slot">
                <option value="">The newest story</option>
                {props.candidates.map((c) => (
                  <option value={String(c.id)} selected={c.id === chosen}>
                    {c.headline}
                    {c.status !== 'published' ? ` (${c.status})` : ''}
                  </option>
                ))}
              </select>
            </p>
          )
        })}
        <p>
          <button type="submit">Save the front</button> <a href="/admin/fronts">All fronts</a>
        </p>
      </form>
    </AdminLayout>
  )
}
