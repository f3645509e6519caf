import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { type AppealSettings, defaultAppeal } from '../../contributions/index.js'
import { Chooser } from './chooser-view.js'
import { voidTagsAsHtml } from './format.js'
import { type Locale, LocaleContext, createLocale } from './locale.js'
import { RememberedChooser } from './remembered-chooser.js'

const render = (locale: Locale, node: VNode) =>
  voidTagsAsHtml(
    renderToString(<LocaleContext.Provider value={locale}>{node}</LocaleContext.Provider>),
  )

const base = defaultAppeal('en', 'The Lantern')
const appeal: AppealSettings = {
  ...base,
  currencies: { ...base.currencies, USD: base.currencies[Object.keys(base.currencies)[0]!]! },
  methods: ['card', 'bank'],
  safetyCountries: ['XX'],
  safetyNote: 'Pay by bank transfer only & tell no one <here>.',
  safetyMethods: ['bank'],
}

test('the kept chooser is the chooser: every edition, currency and country, asked twice', () => {
  const editions = [createLocale('en', '', ['en', 'ru']), createLocale('ru', '/ru', ['en', 'ru'])]
  for (const l of editions) {
    for (const currency of Object.keys(appeal.currencies)) {
      for (const country of [undefined, 'DE', 'XX']) {
        const fresh = render(l, <Chooser appeal={appeal} currency={currency} country={country} />)
        for (let i = 0; i < 2; i++) {
          const kept = render(
            l,
            <RememberedChooser appeal={appeal} currency={currency} country={country} />,
          )
          assert.equal(kept, fresh, `${l.language} ${currency} ${country ?? '-'} #${i}`)
        }
      }
    }
  }
  const ru = render(editions[1]!, <RememberedChooser appeal={appeal} currency="USD" />)
  assert.match(ru, /action="\/ru\/support\/checkout"/)
  assert.match(ru, /в месяц/)
  const risky = render(
    editions[0]!,
    <RememberedChooser appeal={appeal} currency="USD" country="XX" />,
  )
  assert.match(risky, /tell no one &lt;here>/, 'the safety note, escaped')
})

test('an edited appeal renders anew; a currency it does not offer renders nothing', () => {
  const en = createLocale('en', '')
  const currency = Object.keys(appeal.currencies)[0]!
  const before = render(en, <RememberedChooser appeal={appeal} currency={currency} />)
  const edited: AppealSettings = {
    ...appeal,
    currencies: {
      ...appeal.currencies,
      [currency]: { ...appeal.currencies[currency]!, minimum: 777 },
    },
  }
  const after = render(en, <RememberedChooser appeal={edited} currency={currency} />)
  assert.notEqual(after, before)
  assert.equal(after, render(en, <Chooser appeal={edited} currency={currency} />))
  assert.match(after, /7\.77/)
  assert.equal(render(en, <RememberedChooser appeal={appeal} currency="XXX" />), '')
})

test('many countries: the kept texts start again past their bound and stay right', () => {
  const en = createLocale('en', '')
  const currency = Object.keys(appeal.currencies)[0]!
  for (let i = 0; i < 100; i++) {
    const country =
      String.fromCharCode(65 + (i % 26)) + String.fromCharCode(65 + Math.floor(i / 26))
    assert.equal(
      render(en, <RememberedChooser appeal={appeal} currency={currency} country={country} />),
      render(en, <Chooser appeal={appeal} currency={currency} country={country} />),
    )
  }
})
