import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { Newsletter } from '../../newsletter/index.js'
import { type Locale, LocaleContext, createLocale } from './locale.js'
import { NewsletterBox, NewsletterBoxInside, newsletterBoxKey } from './newsletter-views.js'

const en = createLocale('en', '', ['en', 'ru'])
const ru = createLocale('ru', '/ru', ['en', 'ru'])
const render = (locale: Locale, node: VNode) =>
  renderToString(<LocaleContext.Provider value={locale}>{node}</LocaleContext.Provider>)

const weekly = (): Newsletter => ({
  id: 3,
  slug: 'weekly',
  name: 'The Week <in> Exile',
  description: 'What happened & why',
  cadence: 'Every Friday',
  language: 'en',
  senderName: '',
  senderAddress: '',
  scheduleMode: 'off',
  scheduleDay: null,
  scheduleTime: '09:00',
  scheduleTz: 'UTC',
})

/** The box drawn afresh, as the kept one must read. */
const fresh = (locale: Locale, n: Newsletter, siteName: string, headingLevel?: 2 | 3) =>
  render(
    locale,
    <section class="newsletter-box" aria-labelledby={`nl-${n.id}-title`}>
      <NewsletterBoxInside newsletter={n} siteName={siteName} headingLevel={headingLevel} />
    </section>,
  )

test('the kept sign-up box is the box drawn afresh, in each edition, asked twice', () => {
  const ruWeekly = { ...weekly(), id: 4, language: 'ru', name: 'Неделя', cadence: '' }
  for (const locale of [en, ru])
    for (const n of [weekly(), ruWeekly])
      for (const level of [undefined, 3] as const)
        for (let i = 0; i < 2; i++) {
          const kept = render(
            locale,
            <NewsletterBox newsletter={n} siteName="The Lantern" headingLevel={level} />,
          )
          assert.equal(kept, fresh(locale, n, 'The Lantern', level), `${locale.language} ${n.id}`)
        }
  const box = render(ru, <NewsletterBox newsletter={weekly()} siteName="Фонарь" />)
  assert.match(box, /action="\/ru\/newsletters\/subscribe"/)
  assert.match(box, /The Week &lt;in> Exile/)
})

test('whatever a newsletter field changes in the box, it changes the key too', () => {
  const base = weekly()
  const key = newsletterBoxKey({ newsletter: base, siteName: 'The Lantern' })
  const drawn = fresh(en, base, 'The Lantern')
  const shown: string[] = []
  for (const field of Object.keys(base) as (keyof Newsletter)[]) {
    const v = base[field]
    // A language is a language tag: another one, so the consent text really changes.
    const other =
      field === 'language' ? 'ru' : typeof v === 'number' ? v + 1 : v === null ? 1 : `${v}x`
    const n = { ...base, [field]: other } as Newsletter
    if (fresh(en, n, 'The Lantern') === drawn) continue
    shown.push(field)
    assert.notEqual(newsletterBoxKey({ newsletter: n, siteName: 'The Lantern' }), key, field)
  }
  // What the box shows of a newsletter: the walk must have seen each change the page.
  assert.deepEqual(shown, ['id', 'slug', 'name', 'description', 'cadence', 'language'])
  assert.notEqual(newsletterBoxKey({ newsletter: base, siteName: 'The Lamp' }), key)
  assert.notEqual(newsletterBoxKey({ newsletter: base, siteName: 'x', headingLevel: 3 }), key)
})

test('a box that gives the reader’s address back is drawn for them, never kept', () => {
  const first = render(en, <NewsletterBox newsletter={weekly()} siteName="L" email="a@b.example" />)
  assert.match(first, /value="a@b\.example"/)
  const next = render(en, <NewsletterBox newsletter={weekly()} siteName="L" email="c@d.example" />)
  assert.match(next, /value="c@d\.example"/)
  const kept = render(en, <NewsletterBox newsletter={weekly()} siteName="L" />)
  assert.match(
    kept,
    /<input id="nl-3-email" name="email" type="email" autocomplete="email" required maxlength="254"\/>/,
  )
})
