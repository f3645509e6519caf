import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  AppealSettingsSchema,
  appealShowsOn,
  chooseCurrency,
  defaultAppeal,
  parseAmountList,
} from './appeal.js'

describe('appeal settings', () => {
  it('accepts the default appeal', () => {
    assert.equal(AppealSettingsSchema.safeParse(defaultAppeal('en', 'The Lantern')).success, true)
  })

  it('refuses suggested amounts below the minimum, unknown currencies and missing instructions', () => {
    const a = defaultAppeal('en', 'X')
    const bad = {
      ...a,
      currencies: {
        ...a.currencies,
        EUR: { ...a.currencies['EUR']!, minimum: 400 },
        XYZ: a.currencies['EUR'],
      },
      bankInstructions: '',
    }
    const r = AppealSettingsSchema.safeParse(bad)
    assert.equal(r.success, false)
    const paths = r.error!.issues.map((i) => i.path.join('.'))
    assert.ok(
      paths.some((p) => p.startsWith('currencies.EUR.amounts')),
      paths.join(),
    )
    assert.ok(paths.includes('currencies.XYZ'), paths.join())
    assert.ok(paths.includes('bankInstructions'), paths.join())
  })

  it('shows everywhere without rules, else in its sections or topics', () => {
    const every = { enabled: true, sections: [], topics: [] }
    assert.equal(appealShowsOn(every, { section: 'world' }), true)
    const some = { enabled: true, sections: ['world'], topics: ['elections'] }
    assert.equal(appealShowsOn(some, { section: 'world' }), true)
    assert.equal(appealShowsOn(some, { section: 'culture', topics: ['elections'] }), true)
    assert.equal(appealShowsOn(some, { section: 'culture', topics: ['film'] }), false)
    assert.equal(appealShowsOn({ ...every, enabled: false }, { section: 'world' }), false)
  })

  it('uses the reader’s currency when offered, else the default', () => {
    const a = defaultAppeal('en', 'X')
    assert.equal(chooseCurrency(a, 'usd', 'EUR'), 'USD')
    assert.equal(chooseCurrency(a, 'JPY', 'EUR'), 'EUR')
    assert.equal(chooseCurrency(a, undefined, 'CHF'), 'EUR')
  })

  it('reads amount lists typed in the admin', () => {
    assert.deepEqual(parseAmountList('3, 5 10', 'EUR'), [300, 500, 1000])
    assert.equal(parseAmountList('3, five', 'EUR'), undefined)
  })
})

describe('safety rules per country', () => {
  it('narrows the ways to pay in a risky country and nowhere else', async () => {
    const { appealForCountry, parseCountry } = await import('./appeal.js')
    const a = {
      ...defaultAppeal('en', 'X'),
      safetyCountries: ['VA'],
      safetyMethods: ['crypto' as const],
    }
    assert.deepEqual(appealForCountry(a, 'VA').methods, ['crypto'])
    assert.deepEqual(appealForCountry(a, 'FR').methods, ['card', 'bank', 'crypto'])
    assert.deepEqual(appealForCountry(a, undefined).methods, ['card', 'bank', 'crypto'])
    assert.equal(parseCountry(' va '), 'VA')
    assert.equal(parseCountry('VAR'), undefined)
    assert.equal(parseCountry(['VA']), undefined)
  })

  it('needs a note and a safer way that the appeal offers', () => {
    const a = defaultAppeal('en', 'X')
    const r = AppealSettingsSchema.safeParse({
      ...a,
      safetyCountries: ['VA'],
      safetyNote: '',
      safetyMethods: [],
    })
    assert.equal(r.success, false)
    const offered = AppealSettingsSchema.safeParse({
      ...a,
      methods: ['card'],
      safetyMethods: ['crypto'],
    })
    assert.equal(offered.success, false)
  })
})
