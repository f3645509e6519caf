import {
  type Article,
  type CompareRow,
  type DiffPart,
  type Revision,
  compareBlocks,
  diffText,
  readableBlocks,
} from '../../content/index.js'
import { staffTime } from '../../lib/time-zone.js'
import type { ComponentChildren } from 'preact'
import { type AdminContext, AdminLayout } from './shell.js'

/** Unchanged words plain, removed ones struck through, added ones underlined. */
function Words(props: { parts: DiffPart[] }) {
  return (
    <>
      {props.parts.map((part) =>
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
}

const KIND_LABEL: Record<CompareRow['kind'], string> = {
  paragraph: '',
  heading: 'Heading',
  item: 'List item',
  quote: 'Quote',
  picture: 'Picture',
  caption: 'Caption',
  other: '',
}

/** A row of the table; `label` names a field (headline…) instead of the block's kind. */
function Row(props: { row: CompareRow; label?: string }) {
  const { row } = props
  const label = props.label ?? KIND_LABEL[row.kind]
  const cell = (content: ComponentChildren, cls: string) => (
    <td class={cls}>
      {label && <span class="block-kind">{label}: </span>}
      {content}
    </td>
  )
  if (row.op === 'same') {
    const text = row.text || '—'
    return (
      <tr>
        {cell(text, 'same')}
        {cell(text, 'same')}
      </tr>
    )
  }
  if (row.op === 'changed')
    return (
      <tr class="changed">
        {cell(<Words parts={row.before} />, 'before')}
        {cell(<Words parts={row.after} />, 'after')}
      </tr>
    )
  if (row.op === 'removed')
    return (
      <tr class="removed">
        {cell(<del>{row.text}</del>, 'before')}
        <td class="empty">
          <span class="visually-hidden">(not in the current version)</span>
        </td>
      </tr>
    )
  return (
    <tr class="added">
      <td class="empty">
        <span class="visually-hidden">(not in this version)</span>
      </td>
      {cell(<ins>{row.text}</ins>, 'after')}
    </tr>
  )
}

/** One line field (headline, kicker, standfirst) compared in one row. */
function fieldRow(before: string | null, after: string | null): CompareRow {
  const a = before ?? ''
  const b = after ?? ''
  if (a === b) return { op: 'same', kind: 'other', text: b }
  const words = diffText(a, b)
  return {
    op: 'changed',
    kind: 'other',
    before: words.filter((w) => w.op !== 'added'),
    after: words.filter((w) => w.op !== 'removed'),
  }
}

/**
 * A saved version beside the current one. By default as readers read them (the text, block by
 * block, side by side); `html` shows the stored HTML word by word, for a change in markup only.
 */
export function RevisionView(props: {
  ctx: AdminContext
  article: Article
  revision: Revision
  view: 'text' | 'html'
}) {
  const { article: a, revision: r } = props
  const here = `/admin/articles/${a.id}/revisions/${r.id}`
  const rows = compareBlocks(readableBlocks(r.snapshot.body), readableBlocks(a.body))
  const changes = rows.filter((x) => x.op !== 'same').length
  const fields: [string, string | null, string | null][] = [
    ['Kicker', r.snapshot.kicker, a.kicker],
    ['Headline', r.snapshot.headline, a.headline],
    ['Standfirst', r.snapshot.standfirst, a.standfirst],
  ]
  return (
    <AdminLayout ctx={props.ctx} title={`Version of ${a.headline}`}>
      <h1>Version saved {staffTime(r.savedAt, props.ctx.timeZone, { seconds: true })}</h1>
      <p>
        By {r.staffName ?? 'import or system'}. On the left this version, on the right the current
        one: removed words are struck through, added ones underlined.
      </p>
      {props.view === 'html' ? (
        <>
          <p>
            <a href={here}>Compare the text as readers see it</a>
          </p>
          <h2>Headline</h2>
          <p class="diff">
            <Words parts={diffText(r.snapshot.headline, a.headline)} />
          </p>
          <h2>Body (HTML)</h2>
          <pre class="diff">
            <Words parts={diffText(r.snapshot.body, a.body)} />
          </pre>
        </>
      ) : (
        <>
          <p>
            {changes === 0
              ? 'The text is the same; only its markup may differ.'
              : changes === 1
                ? '1 block of the body differs.'
                : `${changes} blocks of the body differ.`}{' '}
            <a href={`${here}?view=html`}>Compare the HTML instead</a>
          </p>
          <div class="table-scroll" tabindex={0} role="region" aria-label="The two versions">
            <table class="versions diff">
              <thead>
                <tr>
                  <th scope="col">This version</th>
                  <th scope="col">Current version</th>
                </tr>
              </thead>
              <tbody>
                {fields.map(([label, before, after]) => (
                  <Row row={fieldRow(before, after)} label={label} />
                ))}
                {rows.map((row) => (
                  <Row row={row} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <form method="post" action={`${here}/restore`}>
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
