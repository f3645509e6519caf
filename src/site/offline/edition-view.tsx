import { renderToString } from 'preact-render-to-string'
import { type Article, type Image, articlePath, bylineText } from '../../content/index.js'
import { translator } from '../../i18n/index.js'
import type { ReachAddress } from '../../reach/index.js'
import { absolutizeUrls } from '../views/body.js'
import { formatDate, formatDateTime, voidTagsAsHtml } from '../views/format.js'
import type { EditionData } from './edition-data.js'
import { EDITION_CSS } from './edition-css.js'
import { PICTURE } from './edition-images.js'

/** The file's pictures: data URIs by image id. A picture missing here is shown by its words. */
type Pictures = ReadonlyMap<number, string>

/** One picture: inline when it has a data URI, else its alt text, caption and credit. */
function Picture(props: { image: Image; uris: Pictures; class: string; language: string }) {
  const { image } = props
  const uri = props.uris.get(image.id)
  const words = [image.caption, image.credit].filter(Boolean).join(' ')
  return (
    <figure class={props.class}>
      {uri ? (
        <img
          src={uri}
          alt={image.alt}
          width={Math.min(PICTURE.width, image.width)}
          height={Math.round((Math.min(PICTURE.width, image.width) * image.height) / image.width)}
        />
      ) : (
        <p class="no-picture">
          {translator(props.language)('offline.picture', { alt: image.alt })}
        </p>
      )}
      {words && <figcaption>{words}</figcaption>}
    </figure>
  )
}

/**
 * The stored body (sanitised on save by content/body.ts) with each image placeholder made a
 * picture of this file, and links to the site made whole, since the file is read off-site.
 */
function storyBody(a: Article, data: EditionData, uris: Pictures): string {
  const html = a.body.replace(
    /<figure data-image-id="([0-9]+)">[\s\S]*?<\/figure>/g,
    (_m, id: string) => {
      const img = data.bodyImages.get(Number(id))
      return img
        ? renderToString(
            <Picture image={img} uris={uris} class="figure" language={data.language} />,
          )
        : ''
    },
  )
  return data.origin ? absolutizeUrls(html, data.origin) : html
}

function Story(props: { a: Article; n: number; data: EditionData; uris: Pictures }) {
  const { a, data } = props
  const t = translator(data.language)
  const byline = bylineText(a.credits)
  const online = data.origin && data.origin + articlePath(a, data.languages)
  const published = a.publishedAt ?? a.updatedAt
  return (
    <article
      id={`story-${props.n}`}
      aria-labelledby={`story-${props.n}-h`}
      lang={a.language !== data.language ? a.language : undefined}
    >
      <p class="kicker">{a.kicker ?? a.section.name}</p>
      <h2 id={`story-${props.n}-h`}>{a.headline}</h2>
      <p class="meta">
        {byline && <>{t('offline.by', { byline })} · </>}
        <time datetime={published.toISOString()}>
          {formatDateTime(published, data.language, data.timeZone)}
        </time>
      </p>
      {a.standfirst && <p class="standfirst">{a.standfirst}</p>}
      {a.leadImage && (
        <Picture
          image={a.leadImage}
          uris={props.uris}
          class="figure lead"
          language={data.language}
        />
      )}
      {/* Sanitised on save (content/body.ts); pictures made by storyBody above. */}
      <div class="body" dangerouslySetInnerHTML={{ __html: storyBody(a, data, props.uris) }} />
      {a.corrections.length > 0 && (
        <ul class="corrections">
          {a.corrections.map((c) => (
            <li>
              <strong>
                {t(c.kind === 'correction' ? 'article.correction' : 'article.update')}
              </strong>
              , {formatDateTime(c.at, data.language, data.timeZone)}: {c.text}
            </li>
          ))}
        </ul>
      )}
      <p class="small">
        {online && (
          <>
            {t('offline.online')} <a href={online}>{online}</a> ·{' '}
          </>
        )}
        <a href="#contents">{t('offline.back')}</a>
      </p>
    </article>
  )
}

function Address(props: { a: ReachAddress; language: string }) {
  const { a } = props
  const kind = translator(props.language)('offline.kind', { kind: a.kind })
  const name = a.label ? `${kind}, ${a.label}` : kind
  return (
    <li>
      {name}: {a.kind === 'other' ? a.value : <a href={a.value}>{a.value}</a>}
    </li>
  )
}

function Reach(props: { data: EditionData }) {
  const { data } = props
  const t = translator(data.language)
  return (
    <section id="reach" aria-labelledby="reach-h">
      <h2 id="reach-h">{t('reach.title')}</h2>
      <p>{t('offline.reachText', { site: data.siteName })}</p>
      {data.addresses.length > 0 ? (
        <ul>
          {data.addresses.map((a) => (
            <Address a={a} language={data.language} />
          ))}
        </ul>
      ) : (
        <p>{t('offline.noAddresses')}</p>
      )}
      {data.listUpdatedAt && (
        <p class="small">
          {t('reach.changed', {
            date: formatDate(data.listUpdatedAt, data.language, data.timeZone),
          })}
        </p>
      )}
      {data.publicKey ? (
        <p>
          {t('offline.signed')} <code class="key">{data.publicKey}</code>
        </p>
      ) : (
        <p>{t('offline.unsigned')}</p>
      )}
    </section>
  )
}

/** What the file says of itself, at the top and the bottom. */
function madeLine(data: EditionData): string {
  return translator(data.language)('offline.made', {
    time: formatDateTime(data.madeAt, data.language, data.timeZone),
    stories: data.stories.length,
  })
}

/** The offline edition: one HTML document holding everything it shows (ADR 021). */
export function renderEdition(data: EditionData, uris: Pictures): string {
  const t = translator(data.language)
  const title = t('offline.title', {
    site: data.siteName,
    date: formatDate(data.madeAt, data.language, data.timeZone),
  })
  const doc = (
    <html lang={data.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: EDITION_CSS }} />
      </head>
      <body>
        <header>
          <p class="site">{data.siteName}</p>
          <h1>{t('offline.heading')}</h1>
          <p class="small">{madeLine(data)}</p>
        </header>
        <nav aria-labelledby="contents">
          <h2 id="contents">{t('offline.contents')}</h2>
          <ol>
            {data.stories.map((a, i) => (
              <li>
                <a href={`#story-${i + 1}`}>{a.headline}</a>
              </li>
            ))}
            <li>
              <a href="#reach">{t('reach.title')}</a>
            </li>
          </ol>
        </nav>
        <main>
          {data.stories.length === 0 && <p>{t('home.empty')}</p>}
          {data.stories.map((a, i) => (
            <Story a={a} n={i + 1} data={data} uris={uris} />
          ))}
        </main>
        <Reach data={data} />
        <footer>
          <p class="small">{madeLine(data)}</p>
        </footer>
      </body>
    </html>
  )
  return `<!DOCTYPE html>\n${voidTagsAsHtml(renderToString(doc))}\n`
}
