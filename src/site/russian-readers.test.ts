import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createMemoryTransport } from '../email/index.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../test/support/factories.js'
import { hostileLines, hostileSkipReason } from '../../test/support/hostile.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

/** The domains' English refusals: none may reach a page of the Russian edition. */
const ENGLISH_REFUSALS =
  /does not look like an email|Choose a month|No such newsletter|The address or the form holds/

/** The text of the page's alert: what the reader is told went wrong. */
const alertOf = (html: string) => /role="alert"[^>]*>([^<]*)</.exec(html)?.[1] ?? ''

const hostileSkip = hostileSkipReason()

const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar'
const vnuSkip =
  fs.existsSync(VNU) && spawnSync('java', ['-version']).status === 0
    ? false
    : 'java or vnu-jar is missing'
if (vnuSkip) console.log(`# skipping the Nu HTML check of the Russian readers' pages: ${vnuSkip}`)

for (const dialect of testDialects) {
  describe(
    `${dialect}: Russian readers get Russian forms, refusals, links and files`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      const mail = createMemoryTransport()
      let ruId = 0
      let enId = 0
      let ip = 0
      /** Each request from its own address: the sign-up limits are not what is tested here. */
      const form = (url: string, body: Record<string, string>) =>
        app.http.inject({
          method: 'POST',
          url,
          remoteAddress: `127.0.${Math.floor(++ip / 250) % 250}.${(ip % 250) + 1}`,
          headers: { host: 'example.org', 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(body).toString(),
        })
      const get = (url: string) =>
        app.http.inject({ method: 'GET', url, headers: { host: 'example.org' } })

      before(async () => {
        app = await buildTestApp(dialect, {
          mail,
          env: {
            PUBLIC_URL: 'http://example.org',
            SITE_LANGUAGES: 'en,ru',
            SITE_NAME: 'The Lantern',
            SITE_NAME_RU: 'Фонарь',
            SITE_DESCRIPTION_RU: 'Независимая журналистика о Варесии.',
            TIME_ZONE: 'Europe/Riga',
          },
        })
        const b = await seedBasics(app)
        await app.contributions.saveAppeal(app.contributions.draftAppeal('ru'))
        await app.content.nameInLanguage('topic', b.topicIds[0]!, 'ru', {
          name: 'Суды и право',
          description: '',
        })
        await app.content.nameInLanguage('section', b.sectionId, 'ru', {
          name: 'В мире',
          description: '',
        })
        ruId = await app.newsletters.createNewsletter({
          slug: 'nedelya',
          name: 'Неделя',
          description: 'Главное за неделю.',
          cadence: 'Раз в неделю, по пятницам',
          language: 'ru',
        })
        enId = await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'The Weekly',
          description: 'The week.',
          cadence: 'Fridays, at eight',
          language: 'en',
        })
        await app.content.createArticle(
          articleInput(b, { slug: 'english-story', headline: 'An English story', language: 'en' }),
        )
        await app.content.createArticle(
          articleInput(b, {
            slug: 'russkij',
            headline: 'Русский материал о реке',
            language: 'ru',
          }),
        )
      })
      after(() => app?.close())

      it('answers every refused reader form under /ru in Russian, keeping the sign-up form', async () => {
        const cases: [string, Record<string, string>][] = [
          ['/ru/newsletters/subscribe', { email: 'не адрес', newsletter: String(ruId) }],
          ['/ru/newsletters/subscribe', { email: 'a@example.org', newsletter: '999999' }],
          ['/ru/newsletters/subscribe', { email: 'a@example.org', newsletter: '../../etc' }],
          ['/ru/support/remind', { email: 'не адрес', month: '2030-01' }],
          ['/ru/support/remind', { email: 'r@example.org', month: '1999-01' }],
          ['/ru/support/manage', { email: 'не адрес' }],
        ]
        for (const [url, body] of cases) {
          const res = await form(url, body)
          assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`)
          assert.match(res.body, /<html lang="ru"/)
          assert.doesNotMatch(res.body, ENGLISH_REFUSALS, url)
          assert.match(alertOf(res.body), /[а-яё]{4}/i, `${url}: ${alertOf(res.body)}`)
        }
        // The sign-up refusal keeps the form, what was typed and where it posts.
        const again = await form('/ru/newsletters/subscribe', {
          email: 'chitatel@example',
          newsletter: String(ruId),
        })
        assert.equal(again.statusCode, 422)
        assert.match(again.body, /<form method="post" action="\/ru\/newsletters\/subscribe">/)
        assert.match(again.body, /value="chitatel@example"/)
        assert.match(again.body, new RegExp(`name="newsletter" value="${ruId}"`))
        assert.match(
          again.body,
          /Я хочу получать рассылку «Неделя» по электронной почте\. Фонарь хранит/,
        )
        // The same in English, on the first edition.
        const en = await form('/newsletters/subscribe', {
          email: 'reader@example',
          newsletter: String(enId),
        })
        assert.equal(en.statusCode, 422)
        assert.match(alertOf(en.body), /does not look like an email address/)
        assert.match(en.body, /<form method="post" action="\/newsletters\/subscribe">/)
        assert.match(en.body, /value="reader@example"/)
      })

      it(
        'gives hostile strings back escaped and refused in Russian, never a 500',
        { skip: hostileSkip },
        async () => {
          const folders = ['xss', 'sqli', 'crlf', 'ssti', 'path-traversal', 'open-redirect', 'blns']
          const lines = folders.flatMap((f) => hostileLines(f).slice(0, 25))
          await app.newsletters.signUp('hostile@example.org', ruId, 'http://example.org')
          const sub = (
            await app.storage.db
              .selectFrom('subscriber')
              .select('id')
              .where('email', '=', 'hostile@example.org')
              .executeTakeFirstOrThrow()
          ).id
          const prefs = `/ru${await app.subscribers.preferencesPath(sub)}`
          // The checkout is there to refuse: a refused amount gets the chooser again, in Russian.
          const chooser = await form('/ru/support/checkout', {
            frequency: 'once',
            custom: '<b>',
            currency: 'EUR',
            method: 'card',
          })
          assert.equal(chooser.statusCode, 422)
          assert.match(alertOf(chooser.body), /^Введите сумму числом/)
          for (const line of lines) {
            for (const [url, body] of [
              ['/ru/newsletters/subscribe', { email: line, newsletter: String(ruId) }],
              ['/ru/newsletters/subscribe', { email: 'a@example.org', newsletter: line }],
              ['/ru/support/remind', { email: line, month: line }],
              ['/ru/support/manage', { email: line }],
              [
                '/ru/support/checkout',
                { frequency: 'once', custom: line, currency: 'EUR', method: 'card' },
              ],
              [
                '/ru/support/checkout',
                { frequency: line, custom: '5', currency: line, method: line },
              ],
              [prefs, { action: line, newsletter: line }],
            ] as const) {
              const res = await form(url, body)
              const what = `${url} ${JSON.stringify(line)}`
              assert.ok(res.statusCode < 500, `${what}: ${res.statusCode}`)
              assert.doesNotMatch(res.body, ENGLISH_REFUSALS, what)
              // A refusal says why in Russian.
              if (res.statusCode >= 400 && res.statusCode !== 404 && /role="alert"/.test(res.body))
                assert.match(alertOf(res.body), /[а-яё]{4}/i, `${what}: ${alertOf(res.body)}`)
              // What was typed comes back as text, never as markup.
              assert.doesNotMatch(res.body, /<script\b(?![^>]*type="application\/ld\+json")/i)
              assert.doesNotMatch(res.body, /<[a-z]+[^>]*\son[a-z]+=/i)
            }
          }
        },
      )

      it('links the subscribed page to the preferences, with the cadence lowered as Russian writes it', async () => {
        await app.newsletters.signUp('chitatel@example.org', ruId, 'http://example.org')
        const text = mail.sent.at(-1)!.message.text
        const confirm = new URL(
          /(http:\/\/example\.org\/ru\/newsletters\/confirm\/\S+)/.exec(text)![1]!,
        )
        const page = await get(confirm.pathname)
        assert.equal(page.statusCode, 200)
        assert.match(page.body, /Рассылка выходит раз в неделю, по пятницам\./)
        const prefs = /href="(\/ru\/newsletters\/preferences\/[^"]+)"/.exec(page.body)?.[1]
        assert.ok(prefs, 'the subscribed page links to the preferences')
        const p = await get(prefs)
        assert.equal(p.statusCode, 200)
        assert.match(p.body, /<html lang="ru"/)
        // Its buttons post inside the Russian edition.
        assert.match(p.body, /<form method="post" action="\/ru\/newsletters\/preferences\//)
        assert.doesNotMatch(p.body, /action="\/newsletters\//)
      })

      it('keeps an English weekday’s capital inside the sentence: never “every friday”', async () => {
        await app.newsletters.signUp('reader@example.org', enId, 'http://example.org')
        const text = mail.sent.at(-1)!.message.text
        assert.match(text, /\(Fridays, at eight\)/)
        const confirm = new URL(
          /(http:\/\/example\.org\/newsletters\/confirm\/\S+)/.exec(text)![1]!,
        )
        const page = await get(confirm.pathname)
        assert.match(page.body, /It arrives Fridays, at eight\./)
        assert.match(page.body, /href="\/newsletters\/preferences\/[^"]+">Your newsletters/)
        const preview = await get('/newsletters/weekly/preview')
        assert.match(preview.body, /arrives Fridays, at eight:/)
      })

      it('opens a Russian newsletter’s unsubscribe page in Russian, and answers one click in Russian', async () => {
        const sub = (
          await app.storage.db
            .selectFrom('subscriber')
            .select('id')
            .where('email', '=', 'chitatel@example.org')
            .executeTakeFirstOrThrow()
        ).id
        const link = new URL(await app.newsletters.unsubscribeLink('http://example.org', sub, ruId))
        assert.match(link.pathname, /^\/ru\/newsletters\/unsubscribe\//)
        // A link from an older email, without the prefix, is sent on to the Russian page.
        const old = link.pathname.replace(/^\/ru/, '')
        const moved = await get(old)
        assert.equal(moved.statusCode, 303)
        assert.equal(moved.headers.location, link.pathname)
        const page = await get(link.pathname)
        assert.equal(page.statusCode, 200)
        assert.match(page.body, /<html lang="ru"/)
        assert.match(page.body, /Отписаться от рассылки «Неделя»/)
        // A mail provider's one click, at either address: a Russian plain answer.
        for (const url of [old, link.pathname]) {
          const res = await app.http.inject({
            method: 'POST',
            url,
            headers: { host: 'example.org', 'content-type': 'application/x-www-form-urlencoded' },
            payload: 'List-Unsubscribe=One-Click',
          })
          assert.equal(res.statusCode, 200)
          assert.equal(res.body, 'Вы отписаны.\n')
          assert.equal(res.headers['content-language'], 'ru')
          assert.match(String(res.headers['content-type']), /^text\/plain; charset=utf-8/)
        }
      })

      it('samples a Russian newsletter with Russian stories, and names the search filters in Russian', async () => {
        const preview = await get('/ru/newsletters/nedelya/preview')
        assert.equal(preview.statusCode, 200)
        assert.match(preview.body, /Русский материал о реке/)
        assert.doesNotMatch(preview.body, /An English story/)
        const search = await get('/ru/search?q=%D1%80%D0%B5%D0%BA%D0%B0')
        assert.match(search.body, />Суды и право</)
        assert.match(search.body, />В мире</)
        // A result's section is named as the edition names it, not as stored.
        assert.match(search.body, /<p class="kicker">В мире<\/p>/)
      })

      it('names each edition with its own SITE_NAME in titles and feeds', async () => {
        const ru = await get('/ru/')
        assert.match(ru.body, /<title>Фонарь: Независимая журналистика о Варесии\.<\/title>/)
        assert.match(ru.body, /content="Независимая журналистика о Варесии\."/)
        const feed = await get('/ru/feed.xml')
        assert.match(feed.body, /<channel>\s*<title>Фонарь<\/title>/)
        // The news sitemap names each story's publication as its edition does.
        const news = (await get('/sitemaps/news.xml')).body
        assert.match(news, /<news:name>Фонарь<\/news:name><news:language>ru<\/news:language>/)
        assert.match(news, /<news:name>The Lantern<\/news:name><news:language>en<\/news:language>/)
        const en = await get('/')
        assert.match(en.body, /<title>[^<]*The Lantern/)
        assert.doesNotMatch(en.body, /Фонарь/)
      })

      it('offers each edition its own offline file: the Russian one with Russian stories and words', async () => {
        const reach = await get('/ru/reach')
        assert.match(reach.body, /href="\/ru\/reach\/edition\.html" download/)
        const ru = await get('/ru/reach/edition.html')
        assert.equal(ru.statusCode, 200)
        assert.match(
          String(ru.headers['content-disposition']),
          /filename="[a-z-]+-ru-\d{4}-\d{2}-\d{2}\.html"/,
        )
        assert.match(ru.body, /<html lang="ru">/)
        assert.match(ru.body, /<h1>Последние материалы<\/h1>/)
        assert.match(ru.body, /Русский материал о реке/)
        assert.doesNotMatch(ru.body, /An English story/)
        assert.match(ru.body, /Фонарь/)
        assert.match(ru.body, /Собрано /)
        assert.doesNotMatch(ru.body, /The latest stories|How to reach us|Back to the contents/)
        // Nothing from elsewhere: no script, no address to load from.
        assert.doesNotMatch(ru.body, /<script|src="https?:|href="\/\/|@import/)
        const en = await get('/reach/edition.html')
        assert.match(en.body, /<html lang="en">/)
        assert.match(en.body, /An English story/)
        assert.doesNotMatch(en.body, /Русский материал о реке/)
        assert.match(String(en.headers['content-disposition']), /filename="the-lantern-\d{4}/)
      })

      it(
        'serves the changed pages as valid HTML (vnu), once per run on SQLite',
        {
          skip: vnuSkip || (dialect !== 'sqlite' && 'the same pages: checked on SQLite'),
        },
        async () => {
          const sub = (
            await app.storage.db
              .selectFrom('subscriber')
              .select('id')
              .where('email', '=', 'chitatel@example.org')
              .executeTakeFirstOrThrow()
          ).id
          const unsubscribe = await app.newsletters.unsubscribeLink('', sub, ruId)
          const prefs = `/ru${await app.subscribers.preferencesPath(sub)}`
          const pages: Record<string, string> = {
            'signup-ru': (
              await form('/ru/newsletters/subscribe', { email: '<b>x', newsletter: String(ruId) })
            ).body,
            'signup-en': (
              await form('/newsletters/subscribe', { email: 'x@', newsletter: String(enId) })
            ).body,
            'remind-ru': (await form('/ru/support/remind', { email: 'x', month: '1' })).body,
            'manage-ru': (await form('/ru/support/manage', { email: 'x' })).body,
            'remind-form-ru': (await get('/ru/support/remind')).body,
            'unsubscribe-ru': (await get(unsubscribe)).body,
            'prefs-ru': (await get(prefs)).body,
            'offline-ru': (await get('/ru/reach/edition.html')).body,
            'reach-ru': (await get('/ru/reach')).body,
          }
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-ru-vnu-'))
          try {
            const files = Object.entries(pages).map(([name, html]) => {
              assert.match(html, /^<!DOCTYPE html>/i, name)
              // Nothing requested from elsewhere: no foreign script, picture, style, font or frame.
              assert.doesNotMatch(html, /\s(?:src|srcset|action)="(?:https?:)?\/\//i, name)
              assert.doesNotMatch(html, /url\((?:["']?)(?:https?:)?\/\//i, name)
              for (const link of html.match(/<link\b[^>]*>/g) ?? [])
                if (/href="(?:https?:)?\/\//.test(link))
                  assert.match(link, /rel="(?:canonical|alternate)"/, `${name}: ${link}`)
              const file = path.join(dir, `${name}.html`)
              fs.writeFileSync(file, html)
              return file
            })
            const r = spawnSync(
              'java',
              ['-jar', VNU, '--errors-only', '--format', 'gnu', ...files],
              {
                encoding: 'utf8',
              },
            )
            assert.equal(`${r.stdout}${r.stderr}`.trim(), '')
            assert.equal(r.status, 0)
          } finally {
            fs.rmSync(dir, { recursive: true, force: true })
          }
        },
      )
    },
  )
}
