import {
  type Article,
  type ArticleSummary,
  articlePath,
  shownAsUpdated,
  topicPath,
} from '../../content/index.js'
import { ArticleCard, Byline, Figure, ReadingTime, Time } from './parts.js'
import { Slot } from './slots.js'
import type { Newsletter } from '../../newsletter/index.js'
import { NewsletterBox } from './newsletter-views.js'
import { useTextFirst, withPictures } from './text-first.js'
import { useLocale } from './locale.js'
import { Msg } from './msg.js'

export interface ArticleViewModel {
  article: Article
  /** Body HTML with images expanded (views/body.tsx). */
  bodyHtml: string
  related: ArticleSummary[]
  siteLanguage: string
  siteName: string
  /** The newsletter offered under the article, if the newsroom has one. */
  newsletter?: Newsletter | undefined
  /** The story's published translations (ADR 026). */
  translations?: readonly { language: string; path: string; headline: string }[]
}

/**
 * "Read in English", "Читать по-русски": each link in its own language, for a reader of that
 * language who landed on the wrong edition. Other languages name themselves through Intl.
 */
const READ_IN: Readonly<Record<string, string>> = {
  en: 'Read in English',
  ru: 'Читать по-русски',
  uk: 'Читати українською',
  be: 'Чытаць па-беларуску',
}

export function readInLabel(language: string): string {
  const known = READ_IN[language.toLowerCase()]
  if (known) return known
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(language)
    if (name && name !== language) return name.charAt(0).toLocaleUpperCase(language) + name.slice(1)
  } catch {
    // Not a language Intl knows: its tag says it.
  }
  return language
}

function Translations(props: { items: NonNullable<ArticleViewModel['translations']> }) {
  if (props.items.length === 0) return null
  return (
    <p class="translations">
      {props.items.map((t, i) => (
        <>
          {i > 0 && ' · '}
          <a href={t.path} hreflang={t.language} lang={t.language} title={t.headline}>
            {readInLabel(t.language)}
          </a>
        </>
      ))}
    </p>
  )
}

/** The reader's article page, part by part, in PRODUCT.md's order. */
export function ArticleView(props: ArticleViewModel) {
  const { languages } = useLocale()
  const { article: a } = props
  const { t, path } = useLocale()
  const lang = a.language !== props.siteLanguage ? a.language : undefined
  // Text-first (SOS mode): the pictures are one link away, on the usual page.
  const picturesLeftOut =
    useTextFirst() && (a.leadImage !== null || a.body.includes('data-image-id'))
  return (
    <>
      <Slot name="support-banner" />
      <article class="story" lang={lang}>
        <header class="story-header">
          <p class="kicker">
            <a href={path(`/${a.section.slug}`)}>{a.section.name}</a>
            {a.kicker && <> · {a.kicker}</>}
          </p>
          <h1>{a.headline}</h1>
          {a.standfirst && <p class="standfirst">{a.standfirst}</p>}
          <Translations items={props.translations ?? []} />
          <div class="byline">
            {a.credits.length > 0 && (
              <p>
                <Msg k="article.by" parts={{ byline: <Byline credits={a.credits} /> }} />
              </p>
            )}
            <p class="meta">
              {a.publishedAt && <Time date={a.publishedAt} />}
              {shownAsUpdated(a.publishedAt, a.updatedAt) && (
                <>
                  {' '}
                  · <Msg k="article.updated" parts={{ time: <Time date={a.updatedAt} /> }} />
                </>
              )}{' '}
              · <ReadingTime words={a.wordCount} />
            </p>
            {picturesLeftOut && (
              <p class="pictures">
                {t('article.picturesLeftOut')}{' '}
                <a href={withPictures(articlePath(a, languages))}>{t('article.showPictures')}</a>
              </p>
            )}
          </div>
        </header>
        {a.leadImage && (
          <Figure
            image={a.leadImage}
            sizes="(min-width: 760px) 720px, 100vw"
            eager
            class="figure lead"
          />
        )}
        {/* Sanitized on save (content/body.ts); images expanded by views/body.tsx. */}
        <div class="story-body" dangerouslySetInnerHTML={{ __html: props.bodyHtml }} />
        {a.corrections.length > 0 && (
          <aside class="corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title">{t('article.corrections')}</h2>
            <ul>
              {a.corrections.map((c) => (
                <li>
                  <strong>
                    {t(c.kind === 'correction' ? 'article.correction' : 'article.update')}
                  </strong>
                  , <Time date={c.at} />: {c.text}
                </li>
              ))}
            </ul>
          </aside>
        )}
        {a.topics.length > 0 && (
          <nav class="topics" aria-label={t('article.topics')}>
            <p>
              {t('article.readMoreAbout')}{' '}
              {a.topics.map((topic, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={path(topicPath(topic.slug))}>{topic.name}</a>
                </>
              ))}
            </p>
          </nav>
        )}
      </article>
      {props.newsletter ? (
        <NewsletterBox newsletter={props.newsletter} siteName={props.siteName} />
      ) : (
        <Slot name="newsletter-box" />
      )}
      <Slot name="appeal" />
      {props.related.length > 0 && (
        <section class="related" aria-labelledby="related-title">
          <h2 id="related-title">{t('article.related')}</h2>
          <div class="related-list">
            {props.related.map((r) => (
              <ArticleCard
                article={r}
                siteLanguage={props.siteLanguage}
                headingLevel={3}
                showSection
              />
            ))}
          </div>
        </section>
      )}
    </>
  )
}
