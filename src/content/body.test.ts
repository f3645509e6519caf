import assert from 'node:assert/strict'
import fs from 'node:fs'
import { describe, it } from 'node:test'
import { bodyImageIds, bodyText, countWords, sanitizeBody, summarize } from './body.js'

const XSS_DIR = new URL('../../../shared/fixtures/hostile/xss/', import.meta.url)

describe('article body', () => {
  it('keeps the allowed structure', () => {
    const html =
      '<h2>Sub</h2><p>A <strong>b</strong> <a href="https://example.org/x">link</a></p><blockquote><p>Q</p><cite>Who</cite></blockquote><figure data-image-id="7"></figure>'
    const out = sanitizeBody(html)
    assert.match(out, /<h2>Sub<\/h2>/)
    assert.match(out, /<a href="https:\/\/example.org\/x" rel="noopener noreferrer">link<\/a>/)
    assert.match(out, /<figure data-image-id="7"><\/figure>/)
  })

  it('removes scripts, handlers, styles, iframes and javascript: links', () => {
    const out = sanitizeBody(
      '<p onclick="x()">a<script>alert(1)</script></p><iframe src="https://evil"></iframe><a href="javascript:alert(1)">b</a><img src=x onerror=alert(1)><p style="color:red">c</p>',
    )
    assert.doesNotMatch(out, /script|onclick|onerror|iframe|javascript:|style=|<img/i)
    assert.match(out, /<p>a<\/p>/)
  })

  it('flattens nested figures and empties image placeholders', () => {
    assert.equal(
      sanitizeBody(
        '<figure data-image-id="1"><figure data-image-id="2"></figure>x</figure><p>after</p>',
      ),
      '<figure data-image-id="1"></figure><p>after</p>',
    )
    assert.equal(
      sanitizeBody('<figure><figure><p>inner</p></figure><figcaption>c</figcaption></figure>'),
      '<figure><p>inner</p><figcaption>c</figcaption></figure>',
    )
    assert.deepEqual(
      bodyImageIds(
        sanitizeBody('<figure data-image-id="4"><figure data-image-id="5"></figure></figure>'),
      ),
      [4],
    )
  })

  it('drops image placeholders whose id is not a number', () => {
    assert.equal(sanitizeBody('<figure data-image-id="1 onload=x"></figure>'), '')
    assert.deepEqual(
      bodyImageIds(
        sanitizeBody(
          '<figure data-image-id="3"></figure><p>x</p><figure data-image-id="12"></figure>',
        ),
      ),
      [3, 12],
    )
  })

  it(
    'renders every string of the hostile XSS lists inert',
    { skip: !fs.existsSync(XSS_DIR) && 'shared/fixtures/hostile/xss is absent here' },
    () => {
      let checked = 0
      for (const f of fs.readdirSync(XSS_DIR)) {
        if (!f.endsWith('.txt')) continue
        for (const line of fs.readFileSync(new URL(f, XSS_DIR), 'utf8').split('\n')) {
          if (!line.trim()) continue
          const out = sanitizeBody(`<p>${line}</p>`)
          // No executable element or attribute can survive the allow-list.
          assert.doesNotMatch(
            out,
            /<(script|iframe|object|embed|svg|math|img|style|link|meta|form|input|base)\b/i,
            line,
          )
          // Text keeps its characters (escaped); only real tags, which start with a raw <, matter.
          for (const tag of out.match(/<[^>]*>/g) ?? []) {
            assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, line)
            assert.doesNotMatch(tag, /(href|src)="\s*(javascript|data|vbscript):/i, line)
          }
          checked++
        }
      }
      assert.ok(checked > 1000, `checked ${checked} strings`)
    },
  )

  it('counts words in any script', () => {
    assert.equal(countWords('One two, three. Four’s five-six'), 5)
    assert.equal(countWords('Выборы прошли спокойно'), 3)
  })

  it('gives text without tags and entities', () => {
    assert.equal(bodyText('<p>Fish &amp; chips</p><p>Next</p>'), 'Fish & chips Next')
  })

  it('summarises with the standfirst, else the first sentence', () => {
    assert.equal(summarize('The dek.', 'Body.'), 'The dek.')
    assert.equal(
      summarize(null, 'The council met on Monday to vote. Then it rained.'),
      'The council met on Monday to vote.',
    )
    assert.ok(summarize(null, 'word '.repeat(100)).length <= 200)
  })
})
