import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { describe, it } from 'node:test'
import { ConfigError, loadConfig, trustProxyOption } from './config.js'

describe('config', () => {
  it('needs no environment at all', () => {
    const c = loadConfig({})
    assert.equal(c.PORT, 3000)
    assert.equal(c.DATABASE_URL, 'sqlite:data/masthead.db')
    assert.equal(c.PUBLIC_URL, undefined)
    assert.equal(c.PAGE_CACHE, true)
  })

  it('reads and coerces settings', () => {
    const c = loadConfig({
      PORT: '8080',
      PAGE_CACHE: 'off',
      PUBLIC_URL: 'https://example.org/',
      DATABASE_URL: 'postgres://u@h/db',
    })
    assert.equal(c.PORT, 8080)
    assert.equal(c.PAGE_CACHE, false)
    assert.equal(c.PUBLIC_URL, 'https://example.org')
    assert.equal(c.DATABASE_URL, 'postgres://u@h/db')
  })

  it('keeps the worker staleness above two missed heartbeats', () => {
    assert.equal(loadConfig({}).WORKER_STALE_SECONDS, 60)
    assert.equal(loadConfig({ WORKER_STALE_SECONDS: '120' }).WORKER_STALE_SECONDS, 120)
    assert.throws(() => loadConfig({ WORKER_STALE_SECONDS: '10' }), ConfigError)
  })

  it('runs one web process unless told more; auto is one per core', () => {
    assert.equal(loadConfig({}).WEB_PROCESSES, 1)
    assert.equal(loadConfig({ WEB_PROCESSES: '4' }).WEB_PROCESSES, 4)
    assert.equal(loadConfig({ WEB_PROCESSES: 'auto' }).WEB_PROCESSES, os.availableParallelism())
    for (const bad of ['0', '65', '2.5', 'many', '-1', '007'])
      assert.throws(
        () => loadConfig({ WEB_PROCESSES: bad }),
        (e: unknown) =>
          e instanceof ConfigError &&
          e.problems.some((p) => p.startsWith('WEB_PROCESSES') && /auto or a whole number/.test(p)),
        bad,
      )
  })

  it('takes ?prepare=true or false on a PostgreSQL URL, and names anything else (ADR 033)', () => {
    for (const prepare of ['true', 'false']) {
      const url = `postgres://u@h/db?prepare=${prepare}`
      assert.equal(loadConfig({ DATABASE_URL: url }).DATABASE_URL, url)
    }
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'postgres://u@h/db?schema=x&prepare=maybe' }),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.problems.some((p) => /^DATABASE_URL: .*prepare parameter must be true or false/.test(p)),
    )
  })

  it('lists every problem at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        PUBLIC_URL: 'example.org/path',
        ONION_URL: 'http://example.org',
        TIME_ZONE: 'Mars/Olympus',
      })
      assert.fail('expected ConfigError')
    } catch (e) {
      assert.ok(e instanceof ConfigError)
      const fields = e.problems.map((p) => p.split(':')[0])
      assert.deepEqual(fields.sort(), [
        'DATABASE_URL',
        'ONION_URL',
        'PORT',
        'PUBLIC_URL',
        'TIME_ZONE',
      ])
    }
  })

  it('stops the process with exit code 2 and names each bad setting', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'migrate'], {
      env: { ...process.env, PORT: '-1', SITE_LANGUAGE: 'not a tag' },
      encoding: 'utf8',
    })
    assert.equal(r.status, 2)
    assert.match(r.stderr, /PORT/)
    assert.match(r.stderr, /SITE_LANGUAGE/)
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace')
  })

  it('turns TRUST_PROXY into fastify options', () => {
    assert.equal(trustProxyOption('false'), false)
    assert.equal(trustProxyOption('true'), true)
    assert.deepEqual(trustProxyOption('loopback, 10.0.0.0/8'), ['loopback', '10.0.0.0/8'])
  })
})

describe('SITE_LANGUAGES', () => {
  it('defaults to SITE_LANGUAGE alone, and makes its first the site language', () => {
    assert.deepEqual(loadConfig({}).SITE_LANGUAGES, ['en'])
    assert.deepEqual(loadConfig({ SITE_LANGUAGE: 'ru' }).SITE_LANGUAGES, ['ru'])
    const c = loadConfig({ SITE_LANGUAGES: ' ru , en ' })
    assert.deepEqual(c.SITE_LANGUAGES, ['ru', 'en'])
    assert.equal(c.SITE_LANGUAGE, 'ru')
    assert.deepEqual(loadConfig({ SITE_LANGUAGES: 'en,ru', SITE_LANGUAGE: 'en' }).SITE_LANGUAGES, [
      'en',
      'ru',
    ])
  })

  it('refuses tags that are not languages, repeats, prefixes that hide pages, and a mismatch', () => {
    for (const [value, reason] of [
      ['en,рус', /language tags/],
      ['en,ru,RU', /twice/],
      ['en,api', /hide a page/],
    ] as const)
      assert.throws(
        () => loadConfig({ SITE_LANGUAGES: value }),
        (e) => e instanceof ConfigError && reason.test(e.message),
        value,
      )
    assert.throws(
      () => loadConfig({ SITE_LANGUAGES: 'en,ru', SITE_LANGUAGE: 'ru' }),
      (e) => e instanceof ConfigError && /must be the first of SITE_LANGUAGES/.test(e.message),
    )
  })
})

describe('SITE_NAME_XX and SITE_DESCRIPTION_XX', () => {
  it('names each edition, falling back to the base settings', () => {
    const c = loadConfig({
      SITE_LANGUAGES: 'en,ru,pt-BR',
      SITE_NAME: 'The Example Times',
      SITE_DESCRIPTION: 'News from the example region.',
      SITE_NAME_RU: 'Пример',
      SITE_DESCRIPTION_PT_BR: 'Notícias da região.',
      SITE_NAME_DE: 'Not a language of this site',
    })
    assert.deepEqual(c.SITE_NAMES, {
      en: 'The Example Times',
      ru: 'Пример',
      'pt-BR': 'The Example Times',
    })
    assert.deepEqual(c.SITE_DESCRIPTIONS, {
      en: 'News from the example region.',
      ru: 'News from the example region.',
      'pt-BR': 'Notícias da região.',
    })
  })

  it('gives the demo its Russian description while the base settings are the demo’s', () => {
    const c = loadConfig({ SITE_LANGUAGES: 'en,ru' })
    assert.equal(c.SITE_NAMES.ru, 'The Lantern')
    assert.match(c.SITE_DESCRIPTIONS.ru!, /^Независимая журналистика о Варесии/)
    assert.equal(c.SITE_DESCRIPTIONS.en, c.SITE_DESCRIPTION)
    // A newsroom's own description is never swapped for the demo's.
    const own = loadConfig({ SITE_LANGUAGES: 'en,ru', SITE_DESCRIPTION: 'Ours.' })
    assert.equal(own.SITE_DESCRIPTIONS.ru, 'Ours.')
  })

  it('refuses a name or description longer than the base setting allows', () => {
    assert.throws(
      () => loadConfig({ SITE_LANGUAGES: 'en,ru', SITE_NAME_RU: 'я'.repeat(121) }),
      (e) => e instanceof ConfigError && /SITE_NAME_RU: at most 120/.test(e.message),
    )
    assert.throws(
      () => loadConfig({ SITE_LANGUAGES: 'en,ru', SITE_DESCRIPTION_RU: 'я'.repeat(301) }),
      (e) => e instanceof ConfigError && /SITE_DESCRIPTION_RU: at most 300/.test(e.message),
    )
  })
})
