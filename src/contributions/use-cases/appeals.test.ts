import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { type AppealSettings, defaultAppeal } from '../appeal.js'
import { createAppealCache, createAppealService } from './appeals.js'

const NOW = new Date('2026-11-26T12:00:00Z')

function setup(opts: { hasCard?: boolean; stored?: AppealSettings[] } = {}) {
  let stored = opts.stored ?? [defaultAppeal('en', 'The Lantern')]
  const calls = { list: 0 }
  const saved: [AppealSettings, Date][] = []
  const appeals = createAppealCache({
    repo: {
      listAppeals: async () => {
        calls.list++
        return stored
      },
    },
    defaultLanguage: 'en',
    hasCard: opts.hasCard ?? true,
  })
  const service = createAppealService({
    repo: {
      saveAppeal: async (a, now) => {
        saved.push([a, now])
        stored = [...stored.filter((s) => s.language !== a.language), a]
      },
    },
    appeals,
    clock: fixedClock(NOW),
    siteName: 'The Lantern',
    defaultCurrency: 'EUR',
    testMode: true,
  })
  return { service, calls, saved }
}

describe('the appeal', () => {
  it('reads the appeals once, and again after a save or when told another instance saved', async () => {
    const { service, calls } = setup()
    await service.appealIn('en')
    await service.appealFor({ language: 'en' })
    await service.isRiskyAnywhere('XX')
    assert.equal(calls.list, 1)
    service.forgetAppeals()
    await service.listAppeals()
    assert.equal(calls.list, 2)
    await service.saveAppeal({ ...defaultAppeal('fr', 'La Lanterne') })
    assert.equal((await service.listAppeals()).length, 2)
    assert.equal(calls.list, 3)
  })

  it('gives the same appeal object until the appeals change, one per side of the safety rules', async () => {
    const risky: AppealSettings = {
      ...defaultAppeal('en', 'The Lantern'),
      safetyCountries: ['XX'],
      safetyNote: 'Take care.',
      safetyMethods: ['crypto'],
      methods: ['card', 'crypto'],
    }
    const { service } = setup({ stored: [risky] })
    const here = await service.appealFor({ language: 'en' })
    assert.ok(here)
    assert.equal(await service.appealFor({ language: 'en', country: 'DE' }), here, 'kept')
    assert.deepEqual(here.methods, ['card', 'crypto'])
    const there = await service.appealFor({ language: 'en', country: 'XX' })
    assert.notEqual(there, here)
    assert.deepEqual(there?.methods, ['crypto'])
    assert.equal(await service.appealIn('en', 'XX'), there)
    service.forgetAppeals()
    const reloaded = await service.appealFor({ language: 'en' })
    assert.deepEqual(reloaded, here)
    assert.equal(await service.appealFor({ language: 'en' }), reloaded)
  })

  it('falls back to the default language, and offers cards only with a gateway', async () => {
    const withCard = setup()
    const a = await withCard.service.appealIn('ru')
    assert.equal(a?.language, 'en')
    assert.ok(a?.methods.includes('card'))
    const noCard = setup({ hasCard: false })
    assert.ok(!(await noCard.service.appealIn('en'))?.methods.includes('card'))
    assert.equal(await setup({ stored: [] }).service.appealIn('en'), undefined)
  })

  it('shows on no page when disabled, yet stays on the support page', async () => {
    const { service } = setup({ stored: [{ ...defaultAppeal('en', 'x'), enabled: false }] })
    assert.equal(await service.appealFor({ language: 'en' }), undefined)
    assert.equal((await service.appealIn('en'))?.language, 'en')
  })

  it('refuses an invalid appeal with every problem, saving nothing', async () => {
    const { service, saved } = setup()
    await assert.rejects(
      service.saveAppeal({ ...defaultAppeal('en', 'x'), headline: '', letter: '' }),
      (e: { code?: string; details?: readonly string[] }) =>
        e.code === 'VALIDATION_FAILED' && (e.details?.length ?? 0) >= 2,
    )
    assert.deepEqual(saved, [])
  })

  it('drafts a starting appeal, says it is in test mode, and picks a currency', () => {
    const { service } = setup()
    assert.equal(service.draftAppeal('de').language, 'de')
    assert.equal(service.testMode, true)
    assert.equal(service.defaultCurrency, 'EUR')
    const a = defaultAppeal('en', 'x')
    assert.equal(service.chooseCurrency(a, 'XYZ'), 'EUR')
  })
})
