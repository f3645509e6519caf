import type { ComponentChildren } from 'preact'
import type { PageMeta, SiteContext } from './context.js'
import { jsonForScript } from './format.js'
import { SosLine, TextFirst } from './text-first.js'
import { SearchBox } from './search-view.js'
import { directionOf, useLocale } from './locale.js'
import { Msg } from './msg.js'
import { Kept, keptParts } from './remembered.js'
import { keyText } from './kept-keys.js'

export function Layout(props: { site: SiteContext; meta: PageMeta; children: ComponentChildren }) {
  const { site, meta } = props
  const { t, path } = site.locale
  // Text-first (SOS mode): the small stylesheet inside the page, no pictures, no structured
  // data, so the page is one request (ADR 022).
  const sos = site.sos
  const canonical =
    meta.canonicalPath === undefined ? undefined : site.canonicalOrigin + meta.canonicalPath
  const language = meta.language ?? site.language
  // x-default: the version in the site's first language, else the page itself.
  const alternates = meta.alternates ?? []
  const fallback = alternates.find((a) => a.language === site.locale.languages[0]) ?? alternates[0]
  // Which section the page is in, and the navigation's every name and address: the masthead's key.
  const current = site.sections.findIndex((s) => {
    const href = path(`/${s.slug}`)
    return site.path === href || site.path.startsWith(`${href}/`)
  })
  const navKey = site.sections.map((s) => `${s.slug} ${keyText(s.name)}`).join('')
  return (
    <html lang={language} dir={directionOf(language)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{meta.title}</title>
        <meta name="description" content={meta.description} />
        {canonical && <link rel="canonical" href={canonical} />}
        {meta.robots && <meta name="robots" content={meta.robots} />}
        {alternates.map((a) => (
          <link rel="alternate" hreflang={a.language} href={site.canonicalOrigin + a.path} />
        ))}
        {fallback && (
          <link rel="alternate" hreflang="x-default" href={site.canonicalOrigin + fallback.path} />
        )}
        {meta.prev && <link rel="prev" href={meta.prev} />}
        {meta.next && <link rel="next" href={meta.next} />}
        <meta name="color-scheme" content="light dark" />
        {/* No favicon request: one fewer round trip on a slow link. */}
        <link rel="icon" href="data:," />
        {sos ? (
          <style dangerouslySetInnerHTML={{ __html: sos.css }} />
        ) : (
          <link rel="stylesheet" href={site.cssHref} />
        )}
        {(meta.feeds ?? []).map((f) => (
          <link rel="alternate" type="application/rss+xml" title={f.title} href={f.path} />
        ))}
        <meta property="og:site_name" content={site.name} />
        <meta property="og:type" content={meta.type ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        {canonical && <meta property="og:url" content={canonical} />}
        {meta.image && !sos && (
          <>
            <meta property="og:image" content={site.canonicalOrigin + meta.image.path} />
            <meta property="og:image:width" content={String(meta.image.width)} />
            <meta property="og:image:height" content={String(meta.image.height)} />
            <meta property="og:image:alt" content={meta.image.alt} />
          </>
        )}
        {(meta.og ?? []).map(([p, c]) => (
          <meta property={p} content={c} />
        ))}
        <meta
          name="twitter:card"
          content={meta.image && !sos ? 'summary_large_image' : 'summary'}
        />
        <meta name="twitter:title" content={meta.title} />
        <meta name="twitter:description" content={meta.description} />
        {(sos ? [] : (meta.jsonLd?.(site.canonicalOrigin) ?? [])).map((data) => (
          // Serialised by jsonForScript, which escapes < > & so the data cannot end the element.
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{ __html: jsonForScript(data) }}
          />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('layout.skip')}
        </a>
        {sos && <SosLine sos={sos} />}
        <Kept
          parts={chrome}
          id={`masthead ${current} ${keyText(site.name)}${navKey}`}
          tag="header"
          attrs={{ class: 'masthead' }}
          render={() => <MastheadInside site={site} current={current} />}
        />
        <main id="main" class="wrap">
          <TextFirst.Provider value={sos !== undefined}>{props.children}</TextFirst.Provider>
        </main>
        <Kept
          parts={chrome}
          id={`footer ${keyText(site.name)}${keyText(site.description)}`}
          tag="footer"
          attrs={{ class: 'site-footer' }}
          render={() => <FooterInside site={site} />}
        />
      </body>
    </html>
  )
}

/**
 * The masthead and the footer are the same on every page of an edition but for the current
 * section: rendered once per edition, site name, sections and current section, and kept
 * (ADR 045). A renamed section or site is a new key.
 */
const chrome = keptParts(64)

// The insides read the edition from the context, as Kept keeps them by it (the shell gives the
// context site.locale).
function MastheadInside(props: { site: SiteContext; current: number }) {
  const { site } = props
  const { t, path } = useLocale()
  return (
    <div class="wrap">
      <a class="brand" href={path('/')}>
        {site.name}
      </a>
      <nav aria-label={t('layout.sections')}>
        <ul>
          {site.sections.map((s, i) => (
            <li>
              <a href={path(`/${s.slug}`)} aria-current={i === props.current ? 'page' : undefined}>
                {s.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SearchBox action={path('/search')} />
    </div>
  )
}

function FooterInside(props: { site: SiteContext }) {
  const { site } = props
  const { t, path } = useLocale()
  return (
    <div class="wrap">
      <p>
        <strong>{site.name}</strong> — {site.description}
      </p>
      <p>
        <Msg
          k="layout.blocked"
          parts={{ link: <a href={path('/reach')}>{t('layout.reachLink')}</a> }}
        />
      </p>
      <p>
        <Msg
          k="layout.follow"
          parts={{
            rss: <a href={path('/feed.xml')}>RSS</a>,
            atom: <a href={path('/feed.atom')}>Atom</a>,
            json: <a href={path('/feed.json')}>JSON Feed</a>,
          }}
        />
      </p>
      <p class="small">{t('layout.noTracking')}</p>
    </div>
  )
}
