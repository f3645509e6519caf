import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { after, before, describe, it } from 'node:test'
import { seedBasics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { voidTagsAsHtml } from './views/format.js'

describe('void elements are written as HTML', () => {
  it('drops the XML slash of every void element, and only of void elements', () => {
    assert.equal(
      voidTagsAsHtml('<p><input type="radio" name="a" checked/><br/><img alt="x" src="/a"/></p>'),
      '<p><input type="radio" name="a" checked><br><img alt="x" src="/a"></p>',
    )
    // A value holding "/>" or ">" stays whole: values are read as values, not scanned for ends.
    assert.equal(
      voidTagsAsHtml('<img alt="a/>b &lt;c> &quot;d&quot;" src="/x"/>'),
      '<img alt="a/>b &lt;c> &quot;d&quot;" src="/x">',
    )
    // Text after a tag is text, even when it looks like the end of one.
    assert.equal(voidTagsAsHtml('<p>1 /> 0 &lt;input/></p>'), '<p>1 /> 0 &lt;input/></p>')
    assert.equal(voidTagsAsHtml('<svg><path d="M0"/></svg>'), '<svg><path d="M0"/></svg>')
  })
})

const hasW3m = spawnSync('w3m', ['-version']).status === 0
const w3mSkip = hasW3m ? false : 'w3m is not installed (apt-get install w3m)'
if (w3mSkip) console.log(`# skipping the text-browser checks: ${w3mSkip}`)

/** What w3m shows of `html`, as a reader in a terminal sees it. */
function w3mDump(html: string): string {
  const r = spawnSync('w3m', ['-dump', '-T', 'text/html', '-cols', '100', '-O', 'UTF-8'], {
    input: html,
    encoding: 'utf8',
  })
  assert.equal(r.status, 0, r.stderr)
  return r.stdout
}

describe('the chooser in a text browser (w3m)', { skip: w3mSkip }, () => {
  let app: TestApp
  before(async () => {
    app = await buildTestApp('sqlite')
    await seedBasics(app)
    await app.contributions.saveAppeal(app.contributions.draftAppeal('en'))
  })
  after(() => app.close())

  it('shows the chosen frequency and amounts as chosen, each question on its own line', async () => {
    const r = await app.http.inject({ url: '/support', headers: { host: 'example.org' } })
    assert.equal(r.statusCode, 200)
    assert.doesNotMatch(r.body, /\/>/, 'no XML-style void elements in the page')
    const text = w3mDump(r.body)
    const lines = text.split('\n').map((l) => l.trim())
    // w3m marks a chosen radio button (*) and the others ( ).
    assert.ok(
      lines.some((l) => /^\(\*\)\s*Monthly$/.test(l)),
      `the default frequency is shown chosen:\n${text}`,
    )
    assert.equal(lines.filter((l) => l.startsWith('(*)')).length, 5, 'one per question')
    for (const legend of [
      'How often',
      'Amount, once',
      'Amount, monthly',
      'Amount, annual',
      'Pay by',
    ]) {
      assert.ok(lines.includes(legend), `"${legend}" stands on its own line:\n${text}`)
    }
  })
})
