import { test } from 'node:test'
import assert from 'node:assert/strict'
import { localPath } from './local-path.js'

test('keeps a path on this site, query included', () => {
  assert.equal(localPath('/world/2026/12/a-story'), '/world/2026/12/a-story')
  assert.equal(localPath('/topics/x?page=2'), '/topics/x?page=2')
  assert.equal(localPath('/'), '/')
})

test('re-serialises what it keeps as plain ASCII', () => {
  assert.equal(
    localPath('/новости/тест'),
    '/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/%D1%82%D0%B5%D1%81%D1%82',
  )
  assert.equal(localPath('/a/../b'), '/b')
  assert.equal(localPath('/a"b<c>'), '/a%22b%3Cc%3E')
})

test('refuses whatever could lead to another site', () => {
  for (const v of [
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    '/.//evil.example',
    '/%2e//evil.example',
    '/\tevil',
    '/a b',
    '/a\r\nSet-Cookie: x=1',
    'evil.example',
    '',
    null,
    42,
    '/' + 'a'.repeat(2001),
  ]) {
    assert.equal(localPath(v), null, String(v))
  }
})

test('within a prefix only', () => {
  assert.equal(localPath('/admin/articles?x=1', '/admin'), '/admin/articles?x=1')
  assert.equal(localPath('/admin', '/admin'), '/admin')
  assert.equal(localPath('/administrator', '/admin'), null)
  assert.equal(localPath('/admin/../etc', '/admin'), null)
  assert.equal(localPath('/', '/admin'), null)
})
