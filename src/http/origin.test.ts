import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hostAllowed, isOnionHost, isValidHost, mailOrigin, originOf } from './origin.js'
import { cacheIdOf } from './responses.js'

describe('request origin', () => {
  it('accepts names, mirrors, onion addresses, IPs and ports', () => {
    for (const h of [
      'example.org',
      'mirror-2.example.net:8443',
      'abcdefghijklmnop.onion',
      '127.0.0.1:3000',
      '[::1]:3000',
      'localhost',
      'example.org.',
    ]) {
      assert.equal(isValidHost(h), true, h)
    }
  })

  it('refuses anything else a Host header might carry', () => {
    for (const h of [
      '',
      'evil.test"><script>',
      'a b',
      'example.org/path',
      'ex@mple.org',
      'example.org:99999999',
      '-bad.example',
      'a'.repeat(300),
      'example.org\r\nX: y',
    ]) {
      assert.equal(isValidHost(h), false, h)
    }
    assert.equal(isValidHost(undefined), false)
  })

  it('builds a lowercase origin with the scheme used', () => {
    assert.equal(originOf('https', 'Example.ORG'), 'https://example.org')
    assert.equal(originOf('http', 'example.org.:8080'), 'http://example.org:8080')
    assert.equal(originOf('gopher', 'example.org'), 'http://example.org')
  })

  it('knows an onion address', () => {
    assert.equal(isOnionHost('abc.onion'), true)
    assert.equal(isOnionHost('abc.onion:80'), true)
    assert.equal(isOnionHost('onion.example.org'), false)
  })

  it('allows every host with an empty list, else only the listed ones and their wildcards', () => {
    assert.equal(hostAllowed('anything.example', []), true)
    const list = ['example.org', '*.mirror.example.net', 'abc.onion', 'localhost:3000']
    for (const h of [
      'example.org',
      'EXAMPLE.org:8080',
      'a.mirror.example.net',
      'abc.onion',
      'localhost:3000',
      'example.org.',
    ]) {
      assert.equal(hostAllowed(h, list), true, h)
    }
    for (const h of [
      'evil.test',
      'mirror.example.net.evil.test',
      'notexample.org',
      'localhost:4000',
      'xmirror.example.net',
    ]) {
      assert.equal(hostAllowed(h, list), false, h)
    }
  })

  it('builds emailed links only from a trusted origin', () => {
    const none = { allowedHosts: [] as string[] }
    assert.equal(
      mailOrigin('http://evil.test', 'evil.test', {
        ...none,
        publicUrl: 'https://lantern.example',
      }),
      'https://lantern.example',
    )
    assert.equal(mailOrigin('http://evil.test', 'evil.test', none), null)
    assert.equal(mailOrigin('http://localhost:3000', 'localhost', none), 'http://localhost:3000')
    assert.equal(
      mailOrigin('http://a.example', 'a.example', { allowedHosts: ['a.example'] }),
      'http://a.example',
    )
  })

  it('keys the page cache by origin, path and page number only', () => {
    assert.equal(cacheIdOf('http://a', '/x'), 'http://a/x')
    assert.equal(cacheIdOf('http://a', '/x?utm_source=y&page=2'), 'http://a/x?page=2')
    assert.equal(cacheIdOf('http://a', '/x?page=0&z=1'), 'http://a/x')
    assert.equal(cacheIdOf('http://a', '/x?page=abc'), 'http://a/x')
    // Read as the route reads it: decoded, one value only.
    assert.equal(cacheIdOf('http://a', '/x?page=%32'), 'http://a/x?page=2')
    assert.equal(cacheIdOf('http://a', '/x?pag%65=3'), 'http://a/x?page=3')
    assert.equal(cacheIdOf('http://a', '/x?page=2&page=2'), 'http://a/x')
    assert.equal(cacheIdOf('http://a', 'http://evil/x'), null)
  })
})
