import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fillTemplate } from './edition.js'
import { renderEdition } from './edition-render.js'

const input = {
  siteName: 'The Lantern',
  newsletterName: 'The Weekly',
  subject: 'Subject <b>&</b>',
  intro: 'First paragraph.\n\nSecond "quoted" paragraph.',
  items: [
    {
      kicker: 'Analysis',
      headline: 'A <script>alert(1)</script> headline',
      blurb: 'Why & how',
      url: 'https://x.example/a?b=1&c="2"',
    },
  ],
  webUrl: 'https://x.example/newsletters/weekly/issues/1',
  privacyUrl: 'https://x.example/privacy',
  language: 'en',
}

describe('edition rendering', () => {
  it('makes HTML whose attributes are all well-formed and whose text is escaped', async () => {
    const r = await renderEdition(input)
    const html = fillTemplate(r.html, {
      unsubscribe_url: 'https://x.example/u/1',
      email: 'a@b.example',
    })
    // A quote inside a style="…" value ends the attribute early and hides the text in browsers.
    const broken = [...html.matchAll(/\s[a-z-]+="[^"]*"(?=[^\s>/])/g)].map((m) => m[0])
    assert.deepEqual(broken, [])
    assert.ok(!html.includes('<script>alert(1)</script>'))
    assert.match(html, /A &lt;script&gt;alert\(1\)&lt;\/script&gt; headline/)
    assert.match(html, /href="https:\/\/x\.example\/a\?b=1&amp;c=&quot;2&quot;"/)
    assert.match(html, /Second &quot;quoted&quot; paragraph\.|Second "quoted" paragraph\./)
    assert.ok(!/^[ \t]+</m.test(html), 'no indentation left')
    assert.doesNotMatch(html, /<img/i)
  })

  it('makes a text part with every link and the per-recipient fields', async () => {
    const r = await renderEdition(input)
    const text = fillTemplate(r.text, {
      unsubscribe_url: 'https://x.example/u/1',
      email: 'a@b.example',
    })
    for (const s of [
      'ANALYSIS',
      'A <script>alert(1)</script> headline',
      'https://x.example/a?b=1&c="2"',
      'https://x.example/u/1',
      'a@b.example',
      input.webUrl,
    ])
      assert.ok(text.includes(s), s)
  })

  it('speaks the newsletter’s language around the newsroom’s words', async () => {
    const r = await renderEdition({ ...input, newsletterName: 'Неделя', language: 'ru' })
    const values = { unsubscribe_url: 'https://x.example/ru/u/1', email: 'a@b.example' }
    const html = fillTemplate(r.html, values)
    const text = fillTemplate(r.text, values)
    assert.match(html, /<html[^>]* lang="ru"/)
    for (const s of [
      'Открыть в браузере',
      'Читать материал',
      'Отписаться или выбрать другие рассылки',
      'Конфиденциальность',
    ])
      assert.ok(html.includes(s) && (s === 'Читать материал' || text.includes(s)), s)
    assert.match(text, /Вы получаете «Неделя», потому что подписались на адрес a@b\.example\./)
    assert.doesNotMatch(
      `${html}\n${text}`,
      /Read this in your browser|You get|Read the story|Unsubscribe or change/,
    )
  })
})
