import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { WORDS_PER_MINUTE } from '../../content/index.js'
import { defaultAppeal } from '../../contributions/index.js'
import { TimeZoneContext } from './format.js'
import { ErrorView } from './list-views.js'
import { Layout } from './layout.js'
import { type Locale, LocaleContext, createLocale } from './locale.js'
import { Pagination, ReadingTime, Time } from './parts.js'
import { Chooser } from './chooser-view.js'
import { InstructionsPage, ThanksPage } from './support-views.js'
import { ReachPage } from './reach-view.js'
import { ManageGiftPage } from './supporter-views.js'
import type { Contribution } from '../../contributions/index.js'
import type { SiteContext } from './context.js'

const ru = createLocale('ru', '/ru')
const en = createLocale('en', '')

function render(locale: Locale, node: VNode): string {
  return renderToString(
    <LocaleContext.Provider value={locale}>
      <TimeZoneContext.Provider value="Europe/Riga">{node}</TimeZoneContext.Provider>
    </LocaleContext.Provider>,
  )
}
/** Text as a reader reads it: tags out, no-break spaces as spaces. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/&nbsp;/g, ' ')

test('createLocale: language, direction, prefix and paths; one Locale per edition', () => {
  assert.equal(ru.language, 'ru')
  assert.equal(ru.dir, 'ltr')
  assert.equal(ru.path('/support'), '/ru/support')
  assert.equal(ru.path('/'), '/ru/')
  assert.equal(en.path('/support'), '/support')
  assert.equal(createLocale('ru', '/ru'), ru)
  // No Arabic catalogue yet: English words, but its own tag and direction.
  const ar = createLocale('ar', '/ar')
  assert.equal(ar.dir, 'rtl')
  assert.equal(ar.language, 'ar')
  assert.equal(ar.t('pager.page', { page: 2 }), 'Page 2')
})

test('reading times in Russian take the plural form of their number', () => {
  const minutes = (n: number) => text(render(ru, <ReadingTime words={n * WORDS_PER_MINUTE} />))
  assert.equal(minutes(1), '1 минута чтения')
  assert.equal(minutes(2), '2 минуты чтения')
  assert.equal(minutes(5), '5 минут чтения')
  assert.equal(minutes(21), '21 минута чтения')
  assert.equal(text(render(en, <ReadingTime words={5 * WORDS_PER_MINUTE} />)), '5 min read')
})

test('a date in Russian, in the newsroom time zone', () => {
  const html = render(ru, <Time date={new Date('2026-03-05T22:30:00Z')} short />)
  assert.match(text(html), /^6 мар\.? 2026/)
  const long = text(render(ru, <Time date={new Date('2026-03-05T10:30:00Z')} />))
  assert.match(long, /5 марта 2026/)
  assert.match(long, /12:30/)
})

test('amounts in the chooser and on the instructions page are written the Russian way', () => {
  const appeal = { ...defaultAppeal('ru', 'Фонарь'), methods: ['card' as const] }
  const chooser = text(render(ru, <Chooser appeal={appeal} currency="EUR" />))
  assert.match(chooser, /5 € в месяц/)
  assert.match(chooser, /60 € в год/)
  assert.match(chooser, /25 € один раз/)
  assert.match(chooser, /\(не меньше 2 €\)/)
  assert.match(chooser, /Как часто/)
  const html = render(ru, <Chooser appeal={appeal} currency="EUR" />)
  assert.match(html, /action="\/ru\/support\/checkout"/)
  assert.match(html, /href="\/ru\/support\?currency=USD"/)

  const enChooser = text(render(en, <Chooser appeal={appeal} currency="EUR" />))
  assert.match(enChooser, /€5 a month/)
  assert.match(enChooser, /€25 once/)

  const ins = text(
    render(
      ru,
      <InstructionsPage
        method="bank"
        appeal={appeal}
        amount={550}
        currency="EUR"
        frequency="monthly"
      />,
    ),
  )
  assert.match(ins, /Вы выбрали: 5,50 € в месяц\./)
})

test('plurals and links on support and reach pages in Russian', () => {
  const thanks = render(ru, <ThanksPage siteName="Фонарь" hideDays={31} testMode={false} />)
  assert.match(text(thanks), /Ещё 31 день мы не будем просить вас о поддержке/)
  assert.match(thanks, /href="\/ru\/support\/manage"/)
  assert.match(thanks, /href="\/ru\/"/)
  const reach = render(
    ru,
    <ReachPage
      siteName="Фонарь"
      addresses={[]}
      updatedAt={null}
      publicKey={null}
      edition={{ bytes: 1_234_567, stories: 22 }}
    />,
  )
  assert.match(text(reach), /Скачать последние 22 материала одним файлом/)
  assert.match(text(reach), /1,2 МБ/)
  assert.match(reach, /href="\/ru\/feed\.xml"/)
  // One signed list for the whole site, never under a prefix; the Russian file: its stories and its words (/ru/reach/edition.html).
  assert.match(reach, /href="\/ru\/reach\/edition\.html"/)
  assert.match(reach, /href="\/reach\.json"/)
})

test('the layout and error page under /ru link inside the Russian edition', () => {
  const site: SiteContext = {
    name: 'Фонарь',
    description: 'Независимые новости',
    language: 'ru',
    origin: 'https://example.org',
    canonicalOrigin: 'https://example.org',
    sections: [{ id: 1, slug: 'world', name: 'Мир' }],
    cssHref: '/assets/site.css',
    path: '/ru/world',
    locale: ru,
  }
  const html = render(
    ru,
    <Layout site={site} meta={{ title: 'Мир', description: '' }}>
      <ErrorView status={404} title="Страница не найдена" message="…" />
      <Pagination page={2} prev="/ru/world" next="/ru/world?page=3" />
    </Layout>,
  )
  assert.match(html, /<a class="brand" href="\/ru\/">/)
  assert.match(html, /href="\/ru\/world" aria-current="page"/)
  assert.match(html, /action="\/ru\/search"/)
  assert.match(html, /href="\/ru\/reach">Как до нас добраться<\/a>/)
  assert.match(html, /href="\/ru\/feed\.atom"/)
  assert.match(html, /href="\/assets\/site\.css"/)
  const words = text(html)
  assert.match(words, /Перейти к содержанию/)
  assert.match(words, /Ошибка 404/)
  assert.match(words, /На главную или выберите раздел выше\./)
  assert.match(words, /Страница 2/)
  assert.match(words, /Раньше →/)
})

test('a supporter’s date is the newsroom’s day, written as the page’s language writes it', () => {
  // 23:30 UTC on 30 November is 1 December in Riga.
  const paidAt = new Date('2026-11-30T23:30:00Z')
  const gift = {
    id: 7,
    status: 'active',
    provider: 'test',
    amount: 500,
    currency: 'EUR',
    frequency: 'monthly',
    paidAt,
    createdAt: paidAt,
  } as unknown as Contribution
  const r = render(ru, <ManageGiftPage contribution={gift} action="/ru/support/manage/7/1/x" />)
  assert.match(text(r), /5 € в месяц, с 1 дек\. 2026 г\./)
  assert.match(r, /<time datetime="2026-11-30T23:30:00\.000Z">/)
  assert.doesNotMatch(r, />2026-11-30</)
  const e = render(en, <ManageGiftPage contribution={gift} action="/support/manage/7/1/x" />)
  assert.match(text(e), /€5 a month, since Dec 1, 2026\./)
})
