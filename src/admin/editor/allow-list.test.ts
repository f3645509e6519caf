import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BODY_ALLOW_LIST, RICH_ALLOW_LIST } from '../../content/allow-list.js'
import { sanitizeBody } from '../../content/body.js'
import {
  IMAGE_ID,
  RICH_ATTRIBUTES,
  RICH_TAGS,
  isAllowedStoredHref,
  linkHref,
} from './rules.client.js'

/** The attributes sanitizeBody keeps of `attributes` on `tag`, or null when it drops the tag. */
function keptBySanitizer(tag: string, attributes: readonly string[]): string[] | null {
  const value = (a: string) =>
    ({ href: 'https://example.org/', 'data-image-id': '12', rel: 'noopener noreferrer' })[a] ?? 'v'
  const attrs = attributes.map((a) => ` ${a}="${value(a)}"`).join('')
  const out = sanitizeBody(
    tag === 'br' || tag === 'hr' ? `<p>x<${tag}${attrs}></p>` : `<${tag}${attrs}>x</${tag}>`,
  )
  const m = new RegExp(`<${tag}(\\s[^>]*)?>`).exec(out)
  return m ? [...(m[1] ?? '').matchAll(/([a-z-]+)="/g)].map((x) => x[1]!) : null
}

describe("the editor's allow-list and the sanitizer's", () => {
  it('are one list: the editor reads the rich part of the body allow-list', () => {
    assert.deepEqual([...RICH_TAGS].sort(), Object.keys(RICH_ALLOW_LIST).sort())
    assert.deepEqual(RICH_ATTRIBUTES, RICH_ALLOW_LIST)
  })

  it('agree on every tag and attribute the editor accepts: the sanitizer keeps each one', () => {
    for (const tag of RICH_TAGS) {
      const attributes = RICH_ATTRIBUTES[tag] ?? []
      const kept = keptBySanitizer(tag, attributes)
      assert.ok(kept, `the sanitizer keeps <${tag}>`)
      assert.deepEqual([...kept].sort(), [...attributes].sort(), `attributes of <${tag}>`)
    }
  })

  it('differ only where the editor keeps the body in the HTML textarea instead', () => {
    const textareaOnly = Object.keys(BODY_ALLOW_LIST)
      .filter((t) => !RICH_TAGS.has(t))
      .sort()
    assert.deepEqual(textareaOnly, [
      'abbr',
      'caption',
      'cite',
      'figcaption',
      'sub',
      'sup',
      'table',
      'tbody',
      'td',
      'th',
      'thead',
      'tr',
    ])
    const attributesDropped = [...RICH_TAGS].flatMap((t) =>
      (BODY_ALLOW_LIST[t] ?? [])
        .filter((a) => !(RICH_ATTRIBUTES[t] ?? []).includes(a))
        .map((a) => `${t} ${a}`),
    )
    assert.deepEqual(attributesDropped.sort(), [
      'a hreflang',
      'blockquote dir',
      'blockquote lang',
      'p dir',
      'p lang',
    ])
  })

  it('agree on link schemes: a stored link survives the sanitizer exactly when the editor keeps it', () => {
    const survives = (href: string) => /href="/.test(sanitizeBody(`<a href="${href}">x</a>`))
    for (const scheme of [
      'http',
      'https',
      'HTTPS',
      'mailto',
      'ftp',
      'javascript',
      'JavaScript',
      'data',
      'vbscript',
      'file',
      'tel',
      'sms',
      'blob',
    ]) {
      const href = `${scheme}://example.org/x`
      assert.equal(isAllowedStoredHref(href), survives(href), href)
      assert.equal(linkHref(href) !== null, survives(href), `typed ${href}`)
    }
    for (const href of ['/politics/2024/05/a-story', '#notes', '//evil.example/x'])
      assert.equal(isAllowedStoredHref(href), survives(href), href)
  })

  it('agree on what an image placeholder is', () => {
    for (const id of ['7', '012', '0', '1000000000000'])
      assert.equal(
        IMAGE_ID.test(id),
        sanitizeBody(`<figure data-image-id="${id}"></figure>`) !== '',
        id,
      )
  })
})
