import type { Section, TextPart, Topic } from '../../content/index.js'
import type { SearchAnswer } from '../../content/index.js'
import { ArticleCard } from './parts.js'

/** The header's search box: a plain GET form, so it works without JavaScript and in w3m. */
export function SearchBox(props: { action: string }) {
  return (
    <form class="search-box" role="search" action={props.action} method="get">
      <label for="site-search" class="visually-hidden">
        Search the site
      </label>
      <input id="site-search" type="search" name="q" maxLength={200} placeholder="Search" />
      <button type="submit">Search</button>
    </form>
  )
}

/** Text with the searched words in <mark>; every part is text, escaped like any other. */
export function Marked(props: { parts: readonly TextPart[] }) {
  return <>{props.parts.map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}</>
}

export interface SearchViewModel {
  answer: SearchAnswer
  action: string
  siteLanguage: string
  sections: Pick<Section, 'slug' | 'name'>[]
  topics: Pick<Topic, 'slug' | 'name'>[]
  /** The address of result page N with the same query and filters. */
  pageHref: (page: number) => string
}

export function SearchView(props: SearchViewModel) {
  const { answer: a } = props
  const o = a.outcome
  return (
    <section class="search-page">
      <h1>Search</h1>
      <form class="search-form" action={props.action} method="get">
        <p>
          <label for="search-q">Words to look for</label>
          <input id="search-q" type="search" name="q" value={a.q} maxLength={200} />
          <button type="submit">Search</button>
        </p>
        <fieldset>
          <legend>Narrow down</legend>
          <label>
            Section{' '}
            <select name="section">
              <option value="">Any</option>
              {props.sections.map((s) => (
                <option value={s.slug} selected={a.section?.slug === s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            Topic{' '}
            <select name="topic">
              <option value="">Any</option>
              {props.topics.map((t) => (
                <option value={t.slug} selected={a.topic?.slug === t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            From <input type="date" name="from" value={a.from ?? ''} />
          </label>{' '}
          <label>
            To <input type="date" name="to" value={a.to ?? ''} />
          </label>
        </fieldset>
      </form>
      {o.kind === 'no-query' && (
        <p class="hint">Type a word or two from a headline, a story or a name.</p>
      )}
      {o.kind === 'too-short' && (
        <p class="hint">
          That is too short to search for: use at least one word of two letters or more, other than
          words such as “the” or “and”.
        </p>
      )}
      {o.kind === 'results' && o.total === 0 && (
        <p class="hint" role="status">
          No stories found for “{a.q}”. Try fewer words, another form of a word, or remove the
          filters.
        </p>
      )}
      {o.kind === 'results' && o.total > 0 && (
        <>
          <p class="small" role="status">
            {o.more
              ? `More than ${o.total.toLocaleString('en')} stories`
              : o.total === 1
                ? '1 story'
                : `${o.total.toLocaleString('en')} stories`}{' '}
            found
            {o.pages > 1 ? `, page ${o.page} of ${o.pages}` : ''}.
          </p>
          <ol class="search-results">
            {o.results.map((r) => (
              <li>
                <ArticleCard
                  article={r.article}
                  siteLanguage={props.siteLanguage}
                  showSection
                  title={<Marked parts={r.headline} />}
                  summary={<Marked parts={r.snippet} />}
                />
              </li>
            ))}
          </ol>
          <Pages page={o.page} pages={o.pages} href={props.pageHref} />
        </>
      )}
    </section>
  )
}

/** Page numbers: the first, the last, and two either side of this one. */
function Pages(props: { page: number; pages: number; href: (n: number) => string }) {
  const { page, pages } = props
  if (pages <= 1) return null
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((x, y) => x - y)
  return (
    <nav class="pagination search-pages" aria-label="Result pages">
      {page > 1 ? (
        <a href={props.href(page - 1)} rel="prev">
          ← Previous
        </a>
      ) : (
        <span />
      )}
      <ul>
        {shown.map((n, i) => (
          <li>
            {i > 0 && shown[i - 1]! < n - 1 && <span aria-hidden="true">… </span>}
            {n === page ? (
              <a aria-current="page" href={props.href(n)}>
                {n}
              </a>
            ) : (
              <a href={props.href(n)}>{n}</a>
            )}
          </li>
        ))}
      </ul>
      {page < pages ? (
        <a href={props.href(page + 1)} rel="next">
          Next →
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}
