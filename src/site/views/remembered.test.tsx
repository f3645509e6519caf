import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { ArticleSummary } from '../../content/index.js'
import type { SiteContext } from './context.js'
import { TimeZoneContext, voidTagsAsHtml } from './format.js'
import { Layout } from './layout.js'
import { type Locale, LocaleContext, createLocale, useLocale } from './locale.js'
import { ArticleCard, Time } from './parts.js'
import { Kept, keptParts } from './remembered.js'
import { TextFirst, useTextFirst } from './text-first.js'

const en = createLocale('en', '', ['en', 'ru'])
const ru = createLocale('ru', '/ru', ['en', 'ru'])

const render = (locale: Locale, node: VNode, timeZone = 'UTC', textFirst = false) =>
  voidTagsAsHtml(
    renderToString(
      <LocaleContext.Provider value={locale}>
        <TimeZoneContext.Provider value={timeZone}>
          <TextFirst.Provider value={textFirst}>{node}</TextFirst.Provider>
        </TimeZoneContext.Provider>
      </LocaleContext.Provider>,
    ),
  )

const story = (over: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id: 11,
  slug: 'court-refuses',
  section: { id: 2, slug: 'world', name: 'World' },
  kicker: null,
  headline: 'Court refuses <to> send the blogger home',
  summary: 'The judges called the charges "political" & unfair.',
  wordCount: 940,
  language: 'en',
  leadImage: {
    id: 3,
    storageKey: 'abc123',
    alt: 'A courthouse',
    caption: '',
    credit: '',
    width: 1600,
    height: 900,
    widths: [400, 800, 1200],
  },
  publishedAt: new Date('2026-11-30T23:30:00Z'),
  updatedAt: new Date('2026-12-01T10:00:00Z'),
  credits: [
    { kind: 'author', author: { id: 1, slug: 'aren-holub', name: 'Aren Holub' } },
    { kind: 'agency', agency: { id: 4, slug: 'north-wire', name: 'North Wire', url: null } },
  ],
  ...over,
})

test('a kept card is the card drawn afresh: editions, zones, text-first, every shape, twice', () => {
  const stories = [
    story(),
    story({ id: 12, kicker: 'Exile', language: 'ru', leadImage: null, credits: [] }),
  ]
  let compared = 0
  for (const locale of [en, ru])
    for (const zone of ['UTC', 'Asia/Tbilisi'])
      for (const textFirst of [false, true])
        for (const a of stories)
          for (const image of [false, true])
            for (const showSection of [false, true])
              for (const headingLevel of [2, 3] as const) {
                const shape = { siteLanguage: 'en', image, showSection, headingLevel }
                // Given its own headline and summary (as search does), a card is never kept.
                const fresh = render(
                  locale,
                  <ArticleCard article={a} {...shape} title={a.headline} summary={a.summary} />,
                  zone,
                  textFirst,
                )
                for (let i = 0; i < 2; i++) {
                  const kept = render(
                    locale,
                    <ArticleCard article={a} {...shape} />,
                    zone,
                    textFirst,
                  )
                  assert.equal(kept, fresh, `${locale.language} ${zone} ${textFirst} ${a.id} #${i}`)
                  compared++
                }
              }
  assert.equal(compared, 256)
  const card = render(
    ru,
    <ArticleCard article={story()} siteLanguage="ru" showSection />,
    'Asia/Tbilisi',
  )
  assert.match(card, /Court refuses &lt;to> send/, 'the headline, escaped')
  assert.match(card, /href="\/world\/2026\/11\/court-refuses"/)
  assert.match(card, /lang="en"/)
  assert.match(card, /1 дек\. 2026 г\./)
})

test('an edited story is drawn again: a new headline, byline or date is seen at once', () => {
  const draw = (a: ArticleSummary) => render(en, <ArticleCard article={a} siteLanguage="en" />)
  assert.match(draw(story()), /Court refuses/)
  assert.match(draw(story({ headline: 'Court agrees after all' })), /Court agrees after all/)
  const renamed = story({
    credits: [{ kind: 'author', author: { id: 1, slug: 'aren-holub', name: 'Aren Holub-Lenz' } }],
  })
  assert.match(draw(renamed), /Aren Holub-Lenz/)
  assert.match(draw(story({ publishedAt: new Date('2026-10-02T12:00:00Z') })), /Oct 2, 2026/)
})

test('Kept renders its part under the page’s edition, zone and text-first, and keeps each apart', () => {
  const parts = keptParts(2)
  let renders = 0
  function Part() {
    renders++
    const { language, path } = useLocale()
    return (
      <>
        {language} {path('/x')} {useTextFirst() ? 'text' : 'pictures'}{' '}
        <Time date={new Date('2026-11-30T23:30:00Z')} short />
      </>
    )
  }
  const kept = (locale: Locale, id: string, zone = 'UTC', textFirst = false) =>
    render(
      locale,
      <Kept parts={parts} id={id} tag="footer" attrs={{ class: 'f' }} render={() => <Part />} />,
      zone,
      textFirst,
    )
  assert.equal(
    kept(en, 'a'),
    '<footer class="f">en /x pictures <time datetime="2026-11-30T23:30:00.000Z">Nov 30, 2026</time></footer>',
  )
  assert.equal(kept(en, 'a'), kept(en, 'a'))
  assert.equal(renders, 1, 'asked again: read, not drawn')
  assert.match(kept(ru, 'a'), /^<footer class="f">ru \/ru\/x pictures/)
  assert.match(kept(en, 'a', 'Asia/Tbilisi'), /Dec 1, 2026/)
  assert.match(kept(en, 'a', 'UTC', true), / text /)
  assert.equal(renders, 4)
  // At most two per edition: a third starts the store again, and the first is drawn anew.
  kept(en, 'b')
  kept(en, 'c')
  const before = renders
  kept(en, 'a')
  assert.equal(renders, before + 1)
})

function site(over: Partial<SiteContext> = {}): SiteContext {
  return {
    name: 'The Lantern',
    description: 'News & <views>',
    language: 'en',
    origin: 'https://example.org',
    canonicalOrigin: 'https://example.org',
    sections: [
      { id: 1, slug: 'world', name: 'World' },
      { id: 2, slug: 'culture', name: 'Culture' },
    ],
    cssHref: '/assets/site.css',
    path: '/',
    locale: en,
    ...over,
  }
}

const page = (s: SiteContext) =>
  render(
    s.locale,
    <Layout site={s} meta={{ title: 'T', description: '' }}>
      <p>body</p>
    </Layout>,
  )

test('the kept masthead marks the current section, and follows renamed sections and sites', () => {
  const home = page(site())
  assert.doesNotMatch(home, /aria-current/)
  const world = page(site({ path: '/world/2026/11/court-refuses' }))
  assert.equal(world.match(/aria-current="page"/g)?.length, 1)
  assert.match(world, /<a href="\/world" aria-current="page">World<\/a>/)
  const culture = page(site({ path: '/culture' }))
  assert.match(culture, /<a href="\/culture" aria-current="page">Culture<\/a>/)
  assert.match(culture, /<a href="\/world">World<\/a>/)
  // A section whose slug begins another's is not current on the other's pages.
  const cult = page(
    site({ path: '/cult', sections: [...site().sections, { id: 3, slug: 'cult', name: 'Cult' }] }),
  )
  assert.match(cult, /<a href="\/culture">Culture<\/a>/)
  assert.match(cult, /<a href="\/cult" aria-current="page">Cult<\/a>/)
  const renamed = page(
    site({ name: 'The Lamp', sections: [{ id: 1, slug: 'world', name: 'Abroad' }] }),
  )
  assert.match(renamed, /<a class="brand" href="\/">The Lamp<\/a>/)
  assert.match(renamed, />Abroad<\/a>/)
  assert.doesNotMatch(renamed, />Culture</)
  assert.match(renamed, /<strong>The Lamp<\/strong> — News &amp; &lt;views>/)
  const russian = page(site({ locale: ru, path: '/ru/world' }))
  assert.match(russian, /<a href="\/ru\/world" aria-current="page">World<\/a>/)
  assert.match(russian, /href="\/ru\/reach">Как до нас добраться<\/a>/)
  // The footer and masthead sit where they did: after the skip link, around main.
  assert.match(
    home,
    /<body><a class="skip" href="#main">[^<]*<\/a><header class="masthead"><div class="wrap">/,
  )
  assert.match(home, /<\/main><footer class="site-footer"><div class="wrap"><p>/)
})
