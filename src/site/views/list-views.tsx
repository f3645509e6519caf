import { type ArticleSummary, type AuthorProfile, articlePath } from '../../content/index.js'
import { ArticleCard, Figure, Pagination, Picture } from './parts.js'
import { Slot } from './slots.js'
import { useLocale } from './locale.js'
import { Msg } from './msg.js'

export interface HomeViewModel {
  lead: ArticleSummary | null
  /** Under the lead: the stories editors placed next, or the next newest. */
  top: ArticleSummary[]
  latest: ArticleSummary[]
  sections: { slug: string; name: string; articles: ArticleSummary[] }[]
  siteLanguage: string
  siteName: string
  /** Page 2 of the stories, when there are more than the front page shows. */
  next?: string | undefined
}

export function HomeView(props: HomeViewModel) {
  const { languages } = useLocale()
  const { lead } = props
  const { t, path } = useLocale()
  return (
    <>
      <Slot name="support-banner" />
      <h1 class="visually-hidden">{props.siteName}</h1>
      <div class="home-top">
        {lead && (
          <section class="home-lead" aria-label={t('home.topStory')}>
            {lead.leadImage && (
              <a href={articlePath(lead, languages)} tabindex={-1} aria-hidden="true">
                <Figure
                  image={{ ...lead.leadImage, caption: '', credit: '' }}
                  sizes="(min-width: 760px) 720px, 100vw"
                  eager
                />
              </a>
            )}
            <ArticleCard article={lead} siteLanguage={props.siteLanguage} showSection />
          </section>
        )}
        {props.top.length > 0 && (
          <section class="home-next" aria-label={t('home.moreTopStories')}>
            <div class="card-grid">
              {props.top.map((a) => (
                <ArticleCard
                  article={a}
                  siteLanguage={props.siteLanguage}
                  headingLevel={3}
                  image
                  showSection
                />
              ))}
            </div>
          </section>
        )}
        {props.latest.length > 0 && (
          <section class="latest" aria-labelledby="latest-title">
            <h2 id="latest-title" class="block-title">
              {t('home.latest')}
            </h2>
            <div class="card-list">
              {props.latest.map((a) => (
                <ArticleCard
                  article={a}
                  siteLanguage={props.siteLanguage}
                  headingLevel={3}
                  showSection
                />
              ))}
            </div>
          </section>
        )}
      </div>
      {props.sections.map((s) => (
        <section class="section-block" aria-labelledby={`s-${s.slug}`}>
          <h2 id={`s-${s.slug}`} class="block-title">
            <a href={path(`/${s.slug}`)}>{s.name}</a>
          </h2>
          <div class="card-grid">
            {s.articles.map((a, i) => (
              <ArticleCard
                article={a}
                siteLanguage={props.siteLanguage}
                headingLevel={3}
                image={i === 0}
              />
            ))}
          </div>
        </section>
      ))}
      {!lead && <p>{t('home.empty')}</p>}
      <Pagination page={1} next={props.next} />
    </>
  )
}

export interface ListViewModel {
  /** `latest`: the home page's later pages, every story newest first. */
  kind: 'section' | 'topic' | 'author' | 'latest'
  title: string
  /** e.g. "Correspondent" for an author. */
  subtitle?: string
  description: string
  /** An author page's photo and their own addresses elsewhere. */
  profile?: Pick<AuthorProfile, 'photo' | 'links'>
  articles: ArticleSummary[]
  page: number
  prev?: string | undefined
  next?: string | undefined
  feedPath: string
  siteLanguage: string
}

export function ListView(props: ListViewModel) {
  const { t } = useLocale()
  return (
    <>
      <header class={props.profile?.photo ? 'list-header with-photo' : 'list-header'}>
        {props.profile?.photo && (
          <p class="author-photo">
            <Picture image={props.profile.photo} sizes="8rem" eager />
          </p>
        )}
        <p class="kicker">{t(`list.kicker.${props.kind}`)}</p>
        <h1>{props.title}</h1>
        {props.subtitle && <p class="role">{props.subtitle}</p>}
        {props.description && <p class="description">{props.description}</p>}
        {props.profile && props.profile.links.length > 0 && (
          <ul class="author-links" aria-label={t('author.links', { name: props.title })}>
            {props.profile.links.map((l) => (
              <li>
                <a href={l.url} rel="me noopener noreferrer">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        )}
        <p class="small">
          <a href={props.feedPath}>{t('list.feed', { title: props.title })}</a>
        </p>
      </header>
      {props.articles.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <div class="card-list">
          {props.articles.map((a) => (
            <ArticleCard
              article={a}
              siteLanguage={props.siteLanguage}
              image
              showSection={props.kind !== 'section'}
            />
          ))}
        </div>
      )}
      <Pagination page={props.page} prev={props.prev} next={props.next} />
    </>
  )
}

export function ErrorView(props: { status: number; title: string; message: string }) {
  const { t, path } = useLocale()
  return (
    <section class="error-page">
      <p class="kicker">{t('error.kicker', { status: String(props.status) })}</p>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        <Msg k="error.goHome" parts={{ link: <a href={path('/')}>{t('common.frontPage')}</a> }} />
      </p>
    </section>
  )
}
