import { test } from 'node:test'
import assert from 'node:assert/strict'
import { CATALOGUES, compileMessage, translator } from './messages.js'
import { en } from './en.js'
import { formatMoney } from './money.js'

/** The argument names a message uses, found in its parsed form (plural and select branches too). */
function argumentNames(message: string, language: string): string[] {
  const names = new Set<string>()
  const walk = (elements: unknown[]) => {
    for (const el of elements as { type: number; value?: unknown; options?: object }[]) {
      // 0: literal text, 7: `#` in a plural; every other element names an argument.
      if (el.type !== 0 && el.type !== 7 && typeof el.value === 'string') names.add(el.value)
      for (const option of Object.values(el.options ?? {}) as { value: unknown[] }[])
        walk(option.value)
    }
  }
  walk(compileMessage(message, language).getAst())
  return [...names].sort()
}

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

test('every catalogue has exactly the English keys', () => {
  const keys = Object.keys(en).sort()
  for (const [language, catalogue] of Object.entries(CATALOGUES))
    assert.deepEqual(Object.keys(catalogue).sort(), keys, `${language} keys`)
})

test('every message parses, and each uses the same placeholders as its English', () => {
  for (const [language, catalogue] of Object.entries(CATALOGUES))
    for (const [key, message] of Object.entries(catalogue)) {
      const names = argumentNames(message, language)
      assert.deepEqual(names, argumentNames(en[key as keyof typeof en], 'en'), `${language} ${key}`)
    }
})

test('Russian reading times take the right plural form; English keeps "min read"', () => {
  const ru = translator('ru')
  assert.deepEqual(
    [1, 2, 5, 11, 21, 22].map((minutes) => ru('card.readingTime', { minutes })),
    [
      '1 минута чтения',
      '2 минуты чтения',
      '5 минут чтения',
      '11 минут чтения',
      '21 минута чтения',
      '22 минуты чтения',
    ],
  )
  const t = translator('en')
  assert.equal(t('card.readingTime', { minutes: 1 }), '1 min read')
  assert.equal(t('card.readingTime', { minutes: 5 }), '5 min read')
})

test('amounts with their frequency, in each language', () => {
  const en = translator('en')
  const ru = translator('ru')
  const amount = (language: string, minor: number) => formatMoney(minor, 'EUR', language)
  assert.equal(
    en('money.amount', { amount: amount('en', 500), frequency: 'monthly' }),
    '€5 a month',
  )
  assert.equal(en('money.amount', { amount: amount('en', 550), frequency: 'once' }), '€5.50 once')
  assert.equal(
    nbsp(ru('money.amount', { amount: amount('ru', 500), frequency: 'monthly' })),
    '5 € в месяц',
  )
  assert.equal(
    nbsp(ru('money.amount', { amount: amount('ru', 6000), frequency: 'annual' })),
    '60 € в год',
  )
  assert.equal(nbsp(formatMoney(550, 'EUR', 'ru')), '5,50 €')
  assert.equal(formatMoney(500, 'JPY', 'en'), '¥500')
  assert.equal(formatMoney(5, 'NOPE', 'en'), '5 NOPE')
})

test('a language with no catalogue reads English; an unknown key reads as itself', () => {
  assert.equal(translator('de')('card.readingTime', { minutes: 3 }), '3 min read')
  assert.equal(translator('ru-RU')('pager.page', { page: 2 }), 'Страница 2')
  assert.equal(translator('en')('no.such.key'), 'no.such.key')
})

test('a message without values reads the same each time; one that needs values still asks', () => {
  const t = translator('ru')
  const first = t('layout.skip')
  assert.ok(first.length > 0)
  assert.equal(t('layout.skip'), first, 'kept text, not another key’s')
  // Asked without its values it fails as before, and nothing is kept for it.
  assert.throws(() => t('card.readingTime'))
  assert.throws(() => t('card.readingTime'))
  assert.equal(t('card.readingTime', { minutes: 2 }), '2 минуты чтения')
})

test('a message with short values is kept per values, and reads as one formatted afresh', () => {
  const t = translator('ru')
  const fresh = (key: string, values: Record<string, string | number>) =>
    String(compileMessage(CATALOGUES.ru![key as keyof typeof en]!, 'ru').format(values))
  for (const minutes of [1, 2, 5, 21, 1, 2, 5]) {
    assert.equal(
      t('card.readingTime', { minutes }),
      fresh('card.readingTime', { minutes }),
      String(minutes),
    )
  }
  assert.equal(t('pager.page', { page: 7 }), fresh('pager.page', { page: 7 }))
  // Long values (a reader's words) are formatted each time, and still right.
  const long = 'слово '.repeat(60)
  assert.equal(t('pager.page', { page: long }), fresh('pager.page', { page: long }))
})
