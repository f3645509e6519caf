import { staffTime } from '../../lib/time-zone.js'
import {
  ARTICLE_STATUSES,
  type Article,
  type ArticleListing,
  type ArticleStatus,
  type Author,
  type Section,
  bylineText,
} from '../../content/index.js'
import { languageName } from './translations.js'
import { type AdminContext, AdminLayout, Scroll } from './shell.js'

export const statusLabel: Record<ArticleStatus, string> = {
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
  filter: { status: string; section: string; author: string; language: string; q: string }
  /** SITE_LANGUAGES: with several, the list filters by language (ADR 026). */
  languages?: readonly string[]
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
        {(props.languages?.length ?? 0) > 1 && (
          <div>
            <label for="language">Language</label>
            <select id="language" name="language">
              <option value="">Any</option>
              {props.languages!.map((l) => (
                <option value={l} selected={f.language === l}>
                  {languageName(l)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <button type="submit">Filter</button>
        </div>
      </form>
      {props.items.length === 0 ? (
        <p>No articles match.</p>
      ) : (
        <Scroll label="Articles">
          <table class="articles">
            <thead>
              <tr>
                <th scope="col">Headline</th>
                <th scope="col">Status</th>
                <th scope="col">Section</th>
                <th scope="col">Byline</th>
                <th scope="col">Last saved</th>
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
                  <td>{staffTime(a.updatedAt, props.ctx.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      <nav class="pagination" aria-label="Pages">
        {props.prev ? <a href={props.prev}>← Newer</a> : <span />}
        <span>Page {props.page}</span>
        {props.next ? <a href={props.next}>Older →</a> : <span />}
      </nav>
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
