import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
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
