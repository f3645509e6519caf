import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hostileLines, hostileSkipReason } from '../../test/support/hostile.js'
import { localPath } from '../http/local-path.js'
import { checkPath, checkRedirect, lookupKeys } from './redirect.js'

const local = (v: unknown) => localPath(v)
const codeOf = (v: string, side: 'from' | 'to' = 'to') => {
  const c = checkPath(v, side, local)
  return c.ok ? 'ok' : c.code
}

describe('redirect paths', () => {
  it('keeps local paths, normalised by the URL parser', () => {
    assert.deepEqual(checkPath('/2019/04/02/the-vote/', 'from', local), {
      ok: true,
      path: '/2019/04/02/the-vote/',
    })
    assert.deepEqual(checkPath('/?p=123', 'from', local), { ok: true, path: '/?p=123' })
    assert.deepEqual(checkPath('/café', 'from', local), { ok: true, path: '/caf%C3%A9' })
  })

  it('refuses what could lead off the site, with a stable code', () => {
    const cases: [string, string][] = [
      ['', 'REDIRECT_PATH_REQUIRED'],
      ['https://evil.example/', 'REDIRECT_PATH_NOT_LOCAL'],
      ['//evil.example', 'REDIRECT_PATH_NOT_LOCAL'],
      ['/\\evil.example', 'REDIRECT_PATH_NOT_LOCAL'],
      ['javascript:alert(1)', 'REDIRECT_PATH_NOT_LOCAL'],
      ['evil.example/x', 'REDIRECT_PATH_NOT_LOCAL'],
      ['/a b', 'REDIRECT_PATH_NOT_LOCAL'],
      ['/a#b', 'REDIRECT_PATH_NOT_LOCAL'],
      ['/a/../admin', 'REDIRECT_PATH_DOT_SEGMENT'],
      ['/a/%2e%2e/admin', 'REDIRECT_PATH_DOT_SEGMENT'],
      ['/a/./b', 'REDIRECT_PATH_DOT_SEGMENT'],
      ['/a\r\nLocation: https://evil.example', 'REDIRECT_PATH_CONTROL'],
      ['/a\u0000b', 'REDIRECT_PATH_CONTROL'],
      ['/a\u0085b', 'REDIRECT_PATH_CONTROL'],
      [`/${'a'.repeat(10_000)}`, 'REDIRECT_PATH_TOO_LONG'],
      ['/.//evil.example', 'REDIRECT_PATH_DOT_SEGMENT'],
    ]
    for (const [v, code] of cases) assert.equal(codeOf(v), code, JSON.stringify(v.slice(0, 60)))
  })

  it('takes a query on the old side only for WordPress numbers on /', () => {
    assert.equal(codeOf('/?p=12', 'from'), 'ok')
    assert.equal(codeOf('/?page_id=12', 'from'), 'ok')
    assert.equal(codeOf('/?s=x', 'from'), 'REDIRECT_FROM_QUERY')
    assert.equal(codeOf('/old?p=12', 'from'), 'REDIRECT_FROM_QUERY')
    assert.equal(codeOf('/?p=12&x=1', 'from'), 'REDIRECT_FROM_QUERY')
    assert.equal(codeOf('/', 'from'), 'REDIRECT_FROM_RESERVED')
    assert.equal(codeOf('/admin/staff', 'from'), 'REDIRECT_FROM_RESERVED')
    assert.equal(codeOf('/media/x', 'from'), 'REDIRECT_FROM_RESERVED')
  })

  it('lists every problem with its side, and refuses a loop', () => {
    const c = checkRedirect('//evil', 'https://evil.example', local)
    assert.equal(c.ok, false)
    assert.deepEqual(
      c.problems.map((p) => /^(\w+): .*\[(\w+)\]$/.exec(p)?.slice(1)),
      [
        ['from', 'REDIRECT_PATH_NOT_LOCAL'],
        ['to', 'REDIRECT_PATH_NOT_LOCAL'],
      ],
    )
    assert.match(checkRedirect('/a', '/a', local).problems[0]!, /REDIRECT_LOOP/)
  })

  it('never accepts a hostile string as a target unless it is a plain local path', (t) => {
    const skip = hostileSkipReason()
    if (skip) return t.skip(skip)
    for (const line of ['open-redirect', 'path-traversal', 'crlf', 'xss'].flatMap(hostileLines)) {
      const c = checkPath(line, 'to', local)
      if (!c.ok) continue
      assert.ok(c.path.startsWith('/') && !c.path.startsWith('//'), line)
      assert.equal(new URL(c.path, 'http://site.invalid').origin, 'http://site.invalid', line)
      assert.doesNotMatch(c.path, /[\s\\]|(^|\/)\.\.?(\/|$)/, line)
    }
  })

  it('looks a request up by its path (both slash forms), or by its old number on /', () => {
    assert.deepEqual(lookupKeys('/2019/04/02/vote/?utm=x', local), [
      '/2019/04/02/vote/',
      '/2019/04/02/vote',
    ])
    assert.deepEqual(lookupKeys('/tag/y', local), ['/tag/y', '/tag/y/'])
    assert.deepEqual(lookupKeys('/?p=123', local), ['/?p=123'])
    assert.deepEqual(lookupKeys('/?p=abc', local), [])
    assert.deepEqual(lookupKeys('/', local), [])
  })
})
