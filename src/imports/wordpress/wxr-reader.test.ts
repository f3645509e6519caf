import assert from 'node:assert/strict'
import fs from 'node:fs'
import { describe, it } from 'node:test'
import { hostileLines, hostileSkipReason } from '../../../test/support/hostile.js'
import type { SourceItem, SourceWarning } from '../item.js'
import { ampersandRepair } from './ampersands.js'
import { WxrError, readWxr, wxrDate } from './wxr-reader.js'

async function read(text: string, chunk = 7) {
  const warnings: SourceWarning[] = []
  const pieces = async function* () {
    for (let i = 0; i < text.length; i += chunk) yield text.slice(i, i + chunk)
  }
  const items: SourceItem[] = []
  for await (const it of readWxr(pieces(), warnings)) items.push(it)
  return { items, warnings }
}

const wxr = (body: string) =>
  `<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="c" xmlns:dc="d" xmlns:excerpt="e"><channel>\n${body}\n</channel></rss>\n`

const post = `<item><title>A &amp; B</title><link>https://old.example/2019/04/02/a-b/</link>
<dc:creator><![CDATA[ana]]></dc:creator><content:encoded><![CDATA[<p>Tom & Jerry</p>]]></content:encoded>
<excerpt:encoded><![CDATA[Short.]]></excerpt:encoded><wp:post_id>12</wp:post_id>
<wp:post_date>2019-04-02 09:00:00</wp:post_date><wp:post_date_gmt>2019-04-02 07:00:00</wp:post_date_gmt>
<wp:post_name>a-b</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="news"><![CDATA[News]]></category>
<category domain="post_tag" nicename="cats"><![CDATA[Cats]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>40</wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_id>1</wp:comment_id></wp:comment><wp:comment><wp:comment_id>2</wp:comment_id></wp:comment>
</item>`

describe('the WXR reader', () => {
  it('reads a post whole, in pieces of any size', async () => {
    for (const size of [1, 7, 4096]) {
      const { items, warnings } = await read(wxr(post), size)
      assert.deepEqual(warnings, [])
      assert.equal(items.length, 1)
      const p = items[0]!
      assert.equal(p.kind, 'post')
      if (p.kind !== 'post') return
      assert.equal(p.title, 'A & B')
      assert.equal(p.body, '<p>Tom & Jerry</p>', 'an & inside CDATA is text, untouched')
      assert.equal(p.status, 'published')
      assert.deepEqual(p.publishedAt, new Date('2019-04-02T07:00:00Z'))
      assert.equal(p.addressDate, '2019/04/02')
      assert.deepEqual(p.authors, [{ key: 'ana', name: '' }])
      assert.deepEqual(p.categories, [{ slug: 'news', name: 'News' }])
      assert.deepEqual(p.tags, [{ slug: 'cats', name: 'Cats' }])
      assert.equal(p.featuredMediaId, '40')
      assert.equal(p.comments, 2)
    }
  })

  it('reads past a raw & outside CDATA, naming its line', async () => {
    const text = wxr(
      `<item><wp:post_id>5</wp:post_id><wp:post_type>attachment</wp:post_type>\n<wp:attachment_url>https://x.example/a.jpg?w=1&h=2</wp:attachment_url></item>`,
    )
    const { items, warnings } = await read(text)
    assert.equal(items[0]!.kind === 'media' && items[0]!.url, 'https://x.example/a.jpg?w=1&h=2')
    assert.deepEqual(warnings, [
      { line: 4, message: 'a raw & (not XML) was read as the character &' },
    ])
  })

  it('fails with a clear message naming the line when the file is cut short', async () => {
    const cut = wxr(post).slice(0, 300)
    await assert.rejects(read(cut), (e: unknown) => {
      assert.ok(e instanceof WxrError)
      assert.equal(e.code, 'IMPORT_NOT_WELL_FORMED')
      // The line the text stops on, counted here from the text itself.
      const lastLine = cut.split('\n').length
      assert.match(e.message, new RegExp(`^line ${lastLine}, column \\d+: the file ends inside <`))
      return true
    })
    await assert.rejects(read('<html><body>hi</body></html>'), { code: 'IMPORT_NOT_WXR' })
    await assert.rejects(read('not xml at all'), { code: 'IMPORT_NOT_WXR' })
  })

  it('reads no file and reaches no network for the XXE strings: a DOCTYPE is refused', async (t) => {
    const skip = hostileSkipReason()
    if (skip) return t.skip(skip)
    const realFetch = globalThis.fetch
    let fetched = 0
    globalThis.fetch = (() => {
      fetched++
      throw new Error('no network in the reader')
    }) as typeof fetch
    const passwd = fs.existsSync('/etc/passwd') ? fs.readFileSync('/etc/passwd', 'utf8') : ''
    const firstLine = passwd.split('\n')[0] ?? 'root:'
    try {
      for (const line of hostileLines('xxe')) {
        for (const doc of [line, wxr(line), line.replace(/(<\?xml[^>]*\?>)?/, '$1') + wxr(post)]) {
          try {
            const { items } = await read(doc, 64)
            assert.ok(!JSON.stringify(items).includes(firstLine), line)
          } catch (e) {
            assert.ok(e instanceof WxrError, `${line}: ${String(e)}`)
          }
        }
      }
      const refused = await read(
        `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>${wxr(post).replace('<?xml version="1.0"?>', '')}`,
      ).catch((e: unknown) => e)
      assert.ok(refused instanceof WxrError && refused.code === 'IMPORT_ENTITY_REFUSED')
    } finally {
      globalThis.fetch = realFetch
    }
    assert.equal(fetched, 0)
  })

  it("reads WordPress's dates, and its zero date as none", () => {
    assert.deepEqual(wxrDate('2013-04-02 05:16:20'), new Date('2013-04-02T05:16:20Z'))
    assert.equal(wxrDate('0000-00-00 00:00:00'), null)
    assert.deepEqual(wxrDate('Tue, 02 Apr 2013 05:16:20 +0000'), new Date('2013-04-02T05:16:20Z'))
    assert.equal(wxrDate('soon'), null)
  })
})

describe('the ampersand repair', () => {
  it('leaves references, CDATA and comments alone, and repairs the rest across pieces', () => {
    const lines: number[] = []
    const r = ampersandRepair((l) => lines.push(l))
    const input = 'a &amp; &#38; &#x26; &lt;\n<![CDATA[ & ]]> <!-- & -->\nb & c\n&broken'
    let out = ''
    for (const ch of input) out += r.push(ch)
    out += r.end()
    assert.equal(
      out,
      'a &amp; &#38; &#x26; &lt;\n<![CDATA[ & ]]> <!-- & -->\nb &amp; c\n&amp;broken',
    )
    assert.deepEqual(lines, [3, 4])
  })
})
