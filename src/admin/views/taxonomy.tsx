import {
  type Agency,
  type Author,
  type Image,
  type Section,
  type Topic,
  authorLinksText,
  imagePath,
} from '../../content/index.js'
import { languageName } from './translations.js'
import { type AdminContext, AdminLayout, Problems } from './shell.js'

export type TaxonomyKind = 'section' | 'topic' | 'author' | 'agency'

interface FieldSpec {
  name: string
  label: string
  hint?: string
  kind: 'text' | 'textarea' | 'number'
  required?: boolean
  /** The stored column as the form shows it, when that is not the column's text. */
  fromStored?: (stored: unknown) => string
}

/** The fields each kind of thing has, in the order a person fills them in. */
export const TAXONOMY_FIELDS: Record<TaxonomyKind, FieldSpec[]> = {
  section: [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    {
      name: 'slug',
      label: 'Address',
      hint: 'lowercase letters, digits and hyphens: /world',
      kind: 'text',
      required: true,
    },
    { name: 'description', label: 'Description', kind: 'textarea' },
    {
      name: 'position',
      label: 'Position in the navigation',
      hint: '0 comes first',
      kind: 'number',
    },
  ],
  topic: [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'slug', label: 'Address', hint: '/topic/…', kind: 'text', required: true },
    { name: 'description', label: 'Description', kind: 'textarea' },
  ],
  author: [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'slug', label: 'Address', hint: '/author/…', kind: 'text', required: true },
    { name: 'role', label: 'Role', hint: 'e.g. Correspondent', kind: 'text' },
    { name: 'bio', label: 'Biography', kind: 'textarea' },
    {
      name: 'links',
      label: 'Links',
      hint: 'their website or profiles elsewhere, one https:// address per line',
      kind: 'textarea',
      fromStored: (v) => authorLinksText(typeof v === 'string' ? v : null),
    },
  ],
  agency: [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    {
      name: 'slug',
      label: 'Short name',
      hint: 'lowercase letters, digits and hyphens',
      kind: 'text',
      required: true,
    },
    { name: 'url', label: 'Website', hint: 'optional, https://…', kind: 'text' },
  ],
}

export const TAXONOMY_TITLES: Record<TaxonomyKind, string> = {
  section: 'Sections',
  topic: 'Topics',
  author: 'Staff authors',
  agency: 'Wire agencies',
}

export function TaxonomyFields(props: {
  kind: TaxonomyKind
  values: Record<string, string>
  idPrefix: string
}) {
  return (
    <>
      {TAXONOMY_FIELDS[props.kind].map((f) => {
        const id = `${props.idPrefix}-${f.name}`
        return (
          <>
            <label for={id}>
              {f.label} {f.hint && <span class="hint">({f.hint})</span>}
            </label>
            {f.kind === 'textarea' ? (
              <textarea id={id} name={f.name} class="short">
                {props.values[f.name] ?? ''}
              </textarea>
            ) : f.kind === 'number' ? (
              <input
                id={id}
                name={f.name}
                type="number"
                min={0}
                value={props.values[f.name] ?? ''}
              />
            ) : (
              <input
                id={id}
                name={f.name}
                type="text"
                required={f.required}
                value={props.values[f.name] ?? ''}
              />
            )}
          </>
        )
      })}
    </>
  )
}

export function TaxonomyPage(props: {
  ctx: AdminContext
  sections: Section[]
  topics: Topic[]
  authors: Author[]
  agencies: Agency[]
  problems?: { kind: TaxonomyKind; list: string[]; values: Record<string, string> } | undefined
  notice?: string | undefined
}) {
  const lists: Record<TaxonomyKind, { id: number; name: string; slug: string }[]> = {
    section: props.sections,
    topic: props.topics,
    author: props.authors,
    agency: props.agencies,
  }
  return (
    <AdminLayout ctx={props.ctx} title="Sections, topics and bylines">
      <h1>Sections, topics and bylines</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {(Object.keys(lists) as TaxonomyKind[]).map((kind) => (
        <section aria-labelledby={`tx-${kind}`}>
          <h2 id={`tx-${kind}`}>{TAXONOMY_TITLES[kind]}</h2>
          <ul>
            {lists[kind].map((x) => (
              <li>
                <a href={`/admin/taxonomy/${kind}/${x.id}`}>{x.name}</a>{' '}
                <span class="small">{x.slug}</span>
              </li>
            ))}
          </ul>
          <details open={props.problems?.kind === kind}>
            <summary>Add</summary>
            {props.problems?.kind === kind && <Problems problems={props.problems.list} />}
            <form method="post" action={`/admin/taxonomy/${kind}`}>
              <input type="hidden" name="_csrf" value={props.ctx.csrf} />
              <TaxonomyFields
                kind={kind}
                idPrefix={`new-${kind}`}
                values={props.problems?.kind === kind ? props.problems.values : {}}
              />
              <p>
                <button type="submit">Add</button>
              </p>
            </form>
          </details>
        </section>
      ))}
    </AdminLayout>
  )
}

export function TaxonomyEdit(props: {
  ctx: AdminContext
  kind: TaxonomyKind
  id: number
  values: Record<string, string>
  problems: string[]
  notice?: string | undefined
  /** A section's or topic's names in the site's other languages (ADR 026). */
  names?: { language: string; name: string; description: string }[]
  /** An author's page photo: null when none; absent for the other kinds. */
  photo?: Image | null
}) {
  return (
    <AdminLayout ctx={props.ctx} title={`Edit ${props.values['name'] ?? ''}`}>
      <h1>
        Edit {props.kind}: {props.values['name']}
      </h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <Problems problems={props.problems} />
      <form method="post" action={`/admin/taxonomy/${props.kind}/${props.id}`}>
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <TaxonomyFields kind={props.kind} idPrefix="edit" values={props.values} />
        <p>
          <button type="submit">Save</button> <a href="/admin/taxonomy">Back</a>
        </p>
      </form>
      {props.photo !== undefined && (
        <AuthorPhotoForms ctx={props.ctx} id={props.id} photo={props.photo} />
      )}
      {props.names && props.names.length > 0 && (
        <section aria-labelledby="names-title">
          <h2 id="names-title">Names in the other editions</h2>
          <p class="small">Readers of that edition see these; an empty name shows the one above.</p>
          {props.names.map((n) => (
            <form
              method="post"
              action={`/admin/taxonomy/${props.kind}/${props.id}/names/${n.language}`}
            >
              <input type="hidden" name="_csrf" value={props.ctx.csrf} />
              <fieldset>
                <legend>{languageName(n.language)}</legend>
                <label for={`name-${n.language}`}>Name</label>
                <input
                  id={`name-${n.language}`}
                  name="name"
                  lang={n.language}
                  maxLength={80}
                  value={n.name}
                />
                <label for={`description-${n.language}`}>Description</label>
                <textarea
                  id={`description-${n.language}`}
                  name="description"
                  class="short"
                  lang={n.language}
                  maxLength={500}
                >
                  {n.description}
                </textarea>
                <p>
                  <button type="submit">Save the {languageName(n.language)} name</button>
                </p>
              </fieldset>
            </form>
          ))}
        </section>
      )}
    </AdminLayout>
  )
}

/** The author page's photo: what is there, a new one uploaded (no JavaScript), or none. */
function AuthorPhotoForms(props: { ctx: AdminContext; id: number; photo: Image | null }) {
  const action = `/admin/taxonomy/author/${props.id}/photo`
  return (
    <section aria-labelledby="photo-title">
      <h2 id="photo-title">Photo on the author page</h2>
      {props.photo ? (
        <>
          <p>
            <img
              src={imagePath(props.photo, props.photo.widths[0] ?? props.photo.width)}
              alt={props.photo.alt}
              width={96}
              height={96}
              class="author-photo-preview"
            />
          </p>
          <form method="post" action={`${action}/remove`}>
            <input type="hidden" name="_csrf" value={props.ctx.csrf} />
            <button type="submit">Remove the photo</button>{' '}
            <span class="small">It stays in the media library.</span>
          </form>
        </>
      ) : (
        <p class="small">No photo yet.</p>
      )}
      <form method="post" action={action} enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <label for="photo-file">A square photo works best (JPEG, PNG, WebP, AVIF or GIF)</label>
        <input id="photo-file" name="file" type="file" accept="image/*" required />
        <label for="photo-alt">
          Alt text <span class="hint">(what the photo shows, e.g. “Ana Petrova, smiling”)</span>
        </label>
        <input id="photo-alt" name="alt" type="text" required maxLength={500} />
        <label for="photo-credit">
          Credit <span class="hint">(optional)</span>
        </label>
        <input id="photo-credit" name="credit" type="text" maxLength={200} />
        <p>
          <button type="submit">{props.photo ? 'Replace the photo' : 'Upload the photo'}</button>
        </p>
      </form>
    </section>
  )
}
