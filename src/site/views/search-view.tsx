import type { Section, TextPart, Topic } from '../../content/index.js'
import type { SearchAnswer } from '../../content/index.js'
import { ArticleCard } from './parts.js'
import { useLocale } from './locale.js'

/** The header's search box: a plain GET form, so it works without JavaScript and in w3m. */
export function SearchBox(props: { action: string }) {
  const { t } = useLocale()
  return (
    <form class="search-box" role="search" action={props.action} method="get">
      <label for="site-search" class="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        maxLength={200}
        placeholder={t('search.placeholder')}
      />
      <button type="submit">{t('search.button')}</button>
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
  const { t } = useLocale()
  return (
    <section class="search-page">
      <h1>{t('search.title')}</h1>
      <form class="search-form" action={props.action} method="get">
        <p>
          <label for="search-q">{t('search.words')}</label>
          <input id="search-q" type="search" name="q" value={a.q} maxLength={200} />
          <button type="submit">{t('search.button')}</button>
        </p>
        <fieldset>
          <legend>{t('search.narrow')}</legend>
          <label>
            {t('search.section')}{' '}
            <select name="section">
              <option value="">{t('search.any')}</option>
              {props.sections.map((s) => (
                <option value={s.slug} selected={a.section?.slug === s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('search.topic')}{' '}
            <select name="topic">
              <option value="">{t('search.any')}</option>
              {props.topics.map((t) => (
                <option value={t.slug} selected={a.topic?.slug === t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('search.from')} <input type="date" name="from" value={a.from ?? ''} />
          </label>{' '}
          <label>
            {t('search.to')} <input type="date" name="to" value={a.to ?? ''} />
          </label>
        </fieldset>
      </form>
      {o.kind === 'no-query' && <p class="hint">{t('search.noQuery')}</p>}
      {o.kind === 'too-short' && <p class="hint">{t('search.tooShort')}</p>}
      {o.kind === 'results' && o.total === 0 && (
        <p class="hint" role="status">
          {t('search.none', { q: a.q })}
        </p>
      )}
      {o.kind === 'results' && o.total > 0 && (
        <>
          <p class="small" role="status">
            {t('search.found', { more: o.more ? 'yes' : 'no', total: o.total })}
            {o.pages > 1 ? t('search.pageOf', { page: o.page, pages: o.pages }) : ''}.
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
  const { t } = useLocale()
  if (pages <= 1) return null
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((x, y) => x - y)
  return (
    <nav class="pagination search-pages" aria-label={t('search.resultPages')}>
      {page > 1 ? (
        <a href={props.href(page - 1)} rel="prev">
          {t('search.previous')}
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
          {t('search.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}
