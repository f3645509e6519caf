import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type AdminBrowser, signedInStaff } from '../../test/support/admin-browser.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics, type Basics } from '../../test/support/factories.js'
import { hostileLines, hostileSkipReason } from '../../test/support/hostile.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { leadImageChoice } from './article-form.js'

const PASSWORD = 'correct horse battery staple'
const FOLDERS = ['xss', 'sqli', 'crlf', 'open-redirect', 'blns', 'path-traversal', 'ssti', 'nosqli']
const skipHostile = hostileSkipReason()
const hostile = skipHostile ? [] : FOLDERS.flatMap((f) => hostileLines(f))

describe('the lead photo a form asks for', () => {
  it('takes a typed number over the radios, and a radio otherwise', () => {
    assert.deepEqual(leadImageChoice({ leadImageId: '3', leadImageNumber: ' 42 ' }), {
      id: 42,
      typed: true,
    })
    assert.deepEqual(leadImageChoice({ leadImageId: '3', leadImageNumber: '#42' }), {
      id: 42,
      typed: true,
    })
    assert.deepEqual(leadImageChoice({ leadImageId: '3', leadImageNumber: '' }), {
      id: 3,
      typed: false,
    })
    assert.deepEqual(leadImageChoice({ leadImageId: '', leadImageNumber: '  ' }), {
      id: null,
      typed: false,
    })
  })

  it('refuses anything but a number, in either field', () => {
    for (const bad of ['0', '-1', '4.2', '1e3', '0x10', '1234567890123', 'abc', '٤٢'])
      assert.ok('problem' in leadImageChoice({ leadImageId: '', leadImageNumber: bad }), bad)
    assert.ok('problem' in leadImageChoice({ leadImageId: 'x', leadImageNumber: '' }))
  })

  it('answers every hostile string with a number or a problem', { skip: skipHostile }, () => {
    for (const s of hostile) {
      for (const v of [
        { leadImageId: '', leadImageNumber: s },
        { leadImageId: s, leadImageNumber: '' },
      ]) {
        const r = leadImageChoice(v)
        if ('problem' in r) continue
        assert.ok(r.id === null || (Number.isSafeInteger(r.id) && r.id > 0), s)
      }
    }
  })
})

for (const dialect of testDialects) {
  describe(
    `${dialect}: an older lead photo and guests, in the story form`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let b: Basics
      let br: AdminBrowser
      let oldest = 0
      before(async () => {
        app = await buildTestApp(dialect)
        b = await seedBasics(app)
        br = await signedInStaff(app, {
          email: 'e@example.org',
          name: 'Eda',
          role: 'editor',
          password: PASSWORD,
        })
        // Thirteen photos after the factories' one: it is no longer among the latest twelve.
        oldest = b.imageId
        for (let i = 0; i < 13; i++)
          await app.repo.insertImage(
            {
              storageKey: `k${i}`,
              width: 800,
              height: 600,
              widths: [400],
              alt: `Photo ${i}`,
              caption: '',
              credit: '',
            },
            new Date(),
          )
        await app.content.createArticle(
          articleInput(b, { credits: [{ guest: 'Dr Ilse Varn' }, { authorId: b.authorId }] }),
        )
      })
      after(() => app.close())

      const story = (extra: Record<string, string>) => ({
        headline: 'Bridge reopens after repairs',
        sectionId: String(b.sectionId),
        body: '<p>Traffic crossed again at noon.</p>',
        status: 'draft',
        version: '',
        ...extra,
      })
      const post = async (extra: Record<string, string>) =>
        br.request('POST', '/admin/articles', {
          _csrf: await br.csrf('/admin/articles/new'),
          ...story(extra),
        })

      it('offers the latest photos, and takes an older one by its number', async () => {
        const form = (await br.request('GET', '/admin/articles/new')).body
        assert.doesNotMatch(form, new RegExp(`name="leadImageId" value="${oldest}"`))
        assert.match(form, /id="leadImageNumber" name="leadImageNumber"/)
        const res = await post({ leadImageNumber: String(oldest), slug: 'older-photo' })
        assert.equal(res.statusCode, 303, res.body.slice(0, 300))
        const id = Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location as string)![1])
        assert.equal((await app.repo.findArticleById(id))?.leadImage?.id, oldest)
        // Its form shows the older photo among the choices, checked, with its thumbnail.
        const again = (await br.request('GET', `/admin/articles/${id}`)).body
        assert.match(again, new RegExp(`name="leadImageId" value="${oldest}" checked/><img`))
      })

      it('refuses a number that names no photo, with its code, and keeps what was typed', async () => {
        const articles = await app.repo.countArticles()
        const res = await post({ leadImageNumber: '999999', slug: 'no-such-photo' })
        assert.equal(res.statusCode, 422)
        assert.match(res.body, /data-code="UNKNOWN_REFERENCE"/)
        assert.match(res.body, /no photo 999999 in the library/)
        assert.match(res.body, /name="leadImageNumber"[^>]*value="999999"/)
        assert.match(res.body, /value="Bridge reopens after repairs"/)
        const word = await post({ leadImageNumber: 'latest', slug: 'a-word' })
        assert.equal(word.statusCode, 422)
        assert.match(word.body, /Lead photo number: the number Media shows/)
        assert.equal(await app.repo.countArticles(), articles)
      })

      it('suggests guests credited before, beside staff and agencies', async () => {
        const form = (await br.request('GET', '/admin/articles/new')).body
        assert.match(form, /<option value="Dr Ilse Varn">Guest<\/option>/)
        assert.match(form, /<option value="[^"]+">Staff<\/option>/)
      })

      if (dialect === 'sqlite')
        it(
          'answers hostile strings in the photo fields with 422, never a 500',
          { skip: skipHostile },
          async () => {
            // Every 7th line of each file keeps the run short; the rule above takes them all.
            const sample = hostile.filter((_, i) => i % 7 === 0)
            const csrf = await br.csrf('/admin/articles/new')
            for (const s of sample) {
              for (const field of ['leadImageNumber', 'leadImageId']) {
                const res = await br.request('POST', '/admin/articles', {
                  _csrf: csrf,
                  ...story({ [field]: s, slug: 'hostile' }),
                })
                const r = leadImageChoice({ leadImageId: '', leadImageNumber: '', [field]: s })
                assert.ok(
                  res.statusCode < 500,
                  `${res.statusCode} for ${field}=${JSON.stringify(s)}`,
                )
                if ('problem' in r) {
                  assert.equal(res.statusCode, 422, `${field}=${JSON.stringify(s)}`)
                  assert.match(res.body, /Lead photo/)
                }
              }
            }
            console.log(`# ${sample.length * 2} hostile photo fields answered`)
          },
        )
    },
  )
}
