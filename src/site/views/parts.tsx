import type { ComponentChildren } from 'preact'
import {
  type ArticleSummary,
  type Credit,
  type Image,
  articlePath,
  authorPath,
  imagePath,
  widestWidth,
  readingMinutes,
} from '../../content/index.js'
import { useContext } from 'preact/hooks'
import { TimeZoneContext, formatDate, formatDateTime } from './format.js'
import { useTextFirst } from './text-first.js'
import { useLocale } from './locale.js'
import { Kept, keptParts } from './remembered.js'
import { cardKey } from './kept-keys.js'

/** A WebP image at every stored width; width and height set so nothing shifts as it loads. */
export function Picture(props: { image: Image; sizes: string; eager?: boolean; alt?: string }) {
  const { image } = props
  // Text-first (SOS mode): no picture; a figure keeps its caption, a card its headline.
  if (useTextFirst()) return null
  const widest = widestWidth(image)
  const shown = image.widths.find((w) => w >= 800) ?? widest
  return (
    <img
      src={imagePath(image, shown)}
      srcset={image.widths.map((w) => `${imagePath(image, w)} ${w}w`).join(', ')}
      sizes={props.sizes}
      width={image.width}
      height={image.height}
      alt={props.alt ?? image.alt}
      loading={props.eager ? undefined : 'lazy'}
      decoding="async"
      fetchpriority={props.eager ? 'high' : undefined}
    />
  )
}

/** Caption says what is shown; the credit says who made it. Kept apart, styled apart. */
export function Figure(props: { image: Image; sizes: string; eager?: boolean; class?: string }) {
  const { image } = props
  // Text-first: a picture with nothing said about it leaves nothing behind.
  if (useTextFirst() && !image.caption && !image.credit) return null
  return (
    <figure class={props.class ?? 'figure'}>
      <Picture image={image} sizes={props.sizes} eager={props.eager} />
      {(image.caption || image.credit) && (
        <figcaption>
          {image.caption && <span class="caption">{image.caption}</span>}{' '}
          {image.credit && <span class="credit">{image.credit}</span>}
        </figcaption>
      )}
    </figure>
  )
}

export function Byline(props: { credits: readonly Credit[]; link?: boolean }) {
  const { credits } = props
  const { t } = useLocale()
  if (credits.length === 0) return null
  return (
    <>
      {credits.map((c, i) => (
        <>
          {i > 0 && t(i === credits.length - 1 ? 'byline.and' : 'byline.comma')}
          <CreditName credit={c} link={props.link ?? true} />
        </>
      ))}
    </>
  )
}

function CreditName(props: { credit: Credit; link: boolean }) {
  const c = props.credit
  const { path } = useLocale()
  switch (c.kind) {
    case 'author':
      return props.link ? (
        <a href={path(authorPath(c.author.slug))} rel="author">
          {c.author.name}
        </a>
      ) : (
        <>{c.author.name}</>
      )
    case 'guest':
      return <span class="guest">{c.name}</span>
    case 'agency':
      return <span class="agency">{c.agency.name}</span>
  }
}

/** A date in the page's language and the newsroom's time zone. */
export function Time(props: { date: Date; short?: boolean }) {
  const timeZone = useContext(TimeZoneContext)
  const { language } = useLocale()
  return (
    <time datetime={props.date.toISOString()}>
      {props.short
        ? formatDate(props.date, language, timeZone)
        : formatDateTime(props.date, language, timeZone)}
    </time>
  )
}

export function ReadingTime(props: { words: number }) {
  const { t } = useLocale()
  return (
    <span class="reading-time">
      {t('card.readingTime', { minutes: readingMinutes(props.words) })}
    </span>
  )
}

interface CardProps {
  article: ArticleSummary
  siteLanguage: string
  image?: boolean
  headingLevel?: 2 | 3
  showSection?: boolean
  /** The headline and summary as shown, when not as stored (search marks the words found). */
  title?: ComponentChildren
  summary?: ComponentChildren
}

/**
 * Cards are the same on every list and beside every story that shows them: each is rendered
 * once per edition and kept (ADR 045), keyed by everything it shows. 512 per edition hold the
 * home page, every section's first page and the stories "Read more" offers; at about 1.5 KB of
 * key and HTML each, under a megabyte.
 */
const cards = keptParts(512)

/** One story in a list: what a reader needs to decide to open it. */
export function ArticleCard(props: CardProps) {
  const a = props.article
  const lang = a.language !== props.siteLanguage ? a.language : undefined
  const className = props.image && a.leadImage ? 'card has-image' : 'card'
  // Search's marked headline and summary are elements, not data: such a card is drawn each time.
  if (props.title !== undefined || props.summary !== undefined) {
    return (
      <article class={className} lang={lang}>
        <CardInside {...props} />
      </article>
    )
  }
  return (
    <Kept
      parts={cards}
      id={cardKey(props, a)}
      tag="article"
      attrs={{ class: className, lang }}
      render={() => <CardInside {...props} />}
    />
  )
}

function CardInside(props: CardProps) {
  const { languages } = useLocale()
  const a = props.article
  const H = props.headingLevel === 3 ? 'h3' : 'h2'
  return (
    <>
      {props.image && a.leadImage && (
        <Picture image={a.leadImage} sizes="(min-width: 760px) 240px, 100vw" alt="" />
      )}
      <div class="card-text">
        {props.showSection ? (
          <p class="kicker">{a.kicker ?? a.section.name}</p>
        ) : (
          a.kicker && <p class="kicker">{a.kicker}</p>
        )}
        <H class="card-title">
          <a href={articlePath(a, languages)}>{props.title ?? a.headline}</a>
        </H>
        <p class="summary">{props.summary ?? a.summary}</p>
        <p class="meta">
          {a.credits.length > 0 && (
            <>
              <Byline credits={a.credits} link={false} /> ·{' '}
            </>
          )}
          <Time date={a.publishedAt} short /> · <ReadingTime words={a.wordCount} />
        </p>
      </div>
    </>
  )
}

export function Pagination(props: {
  page: number
  prev?: string | undefined
  next?: string | undefined
}) {
  const { t } = useLocale()
  if (!props.prev && !props.next) return null
  return (
    <nav class="pagination" aria-label={t('pager.label')}>
      {props.prev ? (
        <a href={props.prev} rel="prev">
          {t('pager.newer')}
        </a>
      ) : (
        <span />
      )}
      <span>{t('pager.page', { page: props.page })}</span>
      {props.next ? (
        <a href={props.next} rel="next">
          {t('pager.older')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}
