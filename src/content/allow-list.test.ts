import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  type AllowList,
  BODY_ALLOW_LIST,
  IMAGE_ID,
  LINK_SCHEMES,
  RICH_ALLOW_LIST,
} from './allow-list.js'
import { sanitizeBody } from './body.js'

/** Every element of HTML, so the probe below can find any tag the sanitizer would keep. */
const HTML_TAGS = `a abbr address area article aside audio b base bdi bdo blockquote body br button
  canvas caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed
  fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img
  input ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup
  option output p picture pre progress q rp rt ruby s samp script search section select slot small
  source span strong style sub summary sup table tbody td template textarea tfoot th thead time
  title tr track u ul var video wbr svg math font center marquee`.split(/\s+/)
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '))

/** Attributes worth trying on every tag: the allow-list's own and the usual suspects. */
const ATTRIBUTES = [
  ...new Set([
    ...Object.values(BODY_ALLOW_LIST).flat(),
    ...'class style id onclick onerror src srcset target width height align name alt data-x'.split(
      ' ',
    ),
  ]),
]
const VALUES: Record<string, string> = {
  href: 'https://example.org/',
  'data-image-id': '12',
  colspan: '2',
  rowspan: '2',
  scope: 'col',
  dir: 'rtl',
  lang: 'fr',
  hreflang: 'fr',
}

/** What sanitizeBody actually keeps: each tag that survives, with the attributes it keeps. */
function probeSanitizer(): AllowList {
  const kept: Record<string, string[]> = {}
  const attrs = ATTRIBUTES.map((a) => `${a}="${VALUES[a] ?? 'v'}"`).join(' ')
  for (const tag of HTML_TAGS) {
    const out = sanitizeBody(VOID.has(tag) ? `<${tag} ${attrs}>` : `<${tag} ${attrs}>x</${tag}>`)
    const m = new RegExp(`<${tag}(\\s[^>]*)?>`).exec(out)
    if (m) kept[tag] = [...(m[1] ?? '').matchAll(/([a-z-]+)="/g)].map((a) => a[1]!).sort()
  }
  return kept
}

const sorted = (list: AllowList): AllowList =>
  Object.fromEntries(Object.entries(list).map(([t, a]) => [t, [...a].sort()]))

describe('the body allow-list', () => {
  it('is exactly what the sanitizer keeps, tag by tag and attribute by attribute', () => {
    assert.deepEqual(probeSanitizer(), sorted(BODY_ALLOW_LIST))
  })

  it('keeps links with its schemes or relative addresses, and drops the rest', () => {
    const href = (h: string) => /href="/.test(sanitizeBody(`<a href="${h}">x</a>`))
    for (const scheme of LINK_SCHEMES) assert.ok(href(`${scheme}://example.org/x`), scheme)
    for (const scheme of ['javascript', 'data', 'vbscript', 'ftp', 'file', 'tel'])
      assert.ok(!href(`${scheme}:x`), scheme)
    assert.ok(href('/politics/2024/05/a-story'))
    assert.ok(!href('//evil.example/x'))
  })

  it('gives the rich editor a part of itself, never more', () => {
    for (const [tag, attributes] of Object.entries(RICH_ALLOW_LIST)) {
      const allowed = BODY_ALLOW_LIST[tag]
      assert.ok(allowed, `<${tag}> is in the body's allow-list`)
      for (const a of attributes) assert.ok(allowed.includes(a), `${tag} ${a}`)
    }
  })

  it('takes an image placeholder only with a real id', () => {
    for (const ok of ['1', '12', '999999999999']) assert.ok(IMAGE_ID.test(ok), ok)
    for (const bad of ['0', '012', '1000000000000', '1e3', '-1', ''])
      assert.ok(!IMAGE_ID.test(bad), bad)
    assert.equal(sanitizeBody('<figure data-image-id="012"></figure><p>x</p>'), '<p>x</p>')
  })
})
