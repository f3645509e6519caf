import assert from 'node:assert/strict'
import fs from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { ROLES, type Role, can } from '../staff/policy.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics, type Basics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { adminRoutes } from './plugin.js'
import { createMemoryTransport } from '../email/index.js'
import { adminBrowser, type AdminBrowser } from '../../test/support/admin-browser.js'
import { until } from '../../test/support/smtp-sink.js'
import type { Clock } from '../lib/clock.js'

const PASSWORD = 'correct horse battery staple'

type Browser = AdminBrowser

for (const dialect of testDialects) {
  describe(`${dialect}: newsroom admin`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let b: Basics
    const staffIds = new Map<Role, number>()
    let draftId = 0
    const mail = createMemoryTransport()

    const browser = () => adminBrowser(app.http)
    const request = (
      br: Browser,
      method: 'GET' | 'POST',
      url: string,
      form?: Record<string, string | string[]>,
      headers: Record<string, string> = {},
    ) => br.request(method, url, form, headers)

    const csrfFor = (br: Browser, url = '/admin/sign-in') => br.csrf(url)

    async function signedIn(role: Role): Promise<Browser> {
      const br = browser()
      const token = await csrfFor(br)
      const res = await request(br, 'POST', '/admin/sign-in', {
        _csrf: token,
        email: `${role}@example.org`,
        password: PASSWORD,
        next: '/admin/articles',
      })
      assert.equal(res.statusCode, 303, `${role} sign-in: ${res.body.slice(0, 300)}`)
      return br
    }

    // Real time, except while a test stops it: the throttle's delays are seconds, and on a busy
    // machine five slow sign-ins can outlast them (CI once let the sixth, right password in).
    let stoppedAt: Date | null = null
    const clock: Clock = { now: () => stoppedAt ?? new Date() }

    before(async () => {
      app = await buildTestApp(dialect, {
        mail,
        clock,
        env: { PUBLIC_URL: 'http://example.org' },
      })
      // Staff emails (invitations, resets) are sent by the worker role.
      await app.startWorker()
      b = await seedBasics(app)
      for (const role of ROLES) {
        staffIds.set(
          role,
          await app.staff.addStaff({
            email: `${role}@example.org`,
            name: `The ${role}`,
            role,
            password: PASSWORD,
          }),
        )
      }
      const a = await app.content.createArticle(
        articleInput(b, { slug: 'owners-draft', status: 'draft' }),
        { createdBy: staffIds.get('owner')! },
      )
      draftId = a.id
    })
    after(() => app?.close())

    it('checks every registered route against every role and against nobody', async () => {
      // What Fastify registered in the admin's scope (HEAD answers as GET does).
      const routes = app.adminRoutes.flatMap(({ method, url, facts }) =>
        method === 'GET' || method === 'POST'
          ? [{ method: method as 'GET' | 'POST', url, permission: facts?.permission ?? null }]
          : [],
      )
      const table = adminRoutes({
        content: app.content,
        repo: app.repo,
        media: app.media,
        staff: app.staff,
        siteName: 'x',
        timeZone: 'UTC',
      })
      assert.ok(routes.length >= 12)
      // Every route of the table is registered with its permission; the rest are the
      // admin's stylesheet and scripts, open to anyone.
      const isAsset = (r: { url: string }) => r.url.startsWith('/admin/assets/')
      const described = (r: { method: string; url: string; permission: string | null }) =>
        `${r.method} ${r.url} ${r.permission}`
      assert.deepEqual(
        routes
          .filter((r) => !isAsset(r))
          .map(described)
          .sort(),
        table.map(described).sort(),
      )
      for (const asset of routes.filter(isAsset))
        assert.equal(described(asset), `GET ${asset.url} null`)
      for (const who of [null, ...ROLES] as const) {
        const br = who ? await signedIn(who) : browser()
        for (const route of routes) {
          // Article routes get a real draft; staff routes an id nobody has (nothing is disabled).
          const url = route.url.replace(
            ':id',
            route.url.startsWith('/admin/staff/') ? '999999' : String(draftId),
          )
          if (route.url.includes('sign-out')) continue // would end the session mid-matrix; tested below
          const token =
            route.method === 'POST'
              ? await csrfFor(br, who ? '/admin/articles' : '/admin/sign-in')
              : ''
          const res = await request(
            br,
            route.method,
            url,
            route.method === 'POST' ? { _csrf: token } : undefined,
          )
          const label = `${who ?? 'anonymous'} ${route.method} ${route.url} -> ${res.statusCode}`
          if (!route.permission) {
            assert.ok(res.statusCode < 500, label)
            continue
          }
          if (!who) {
            assert.equal(res.statusCode, route.method === 'GET' ? 303 : 401, label)
            if (route.method === 'GET')
              assert.match(res.headers.location as string, /^\/admin\/sign-in\?next=/)
            continue
          }
          const ownsNothing =
            route.url.startsWith('/admin/articles/:id') && !can(who, 'article.edit-any')
          const allowed = can(who, route.permission) && !ownsNothing
          if (allowed)
            assert.ok(![401, 403].includes(res.statusCode) && res.statusCode < 500, label)
          else assert.equal(res.statusCode, 403, label)
        }
      }
    })

    it('signs in with a password, refuses a wrong one, and throttles guessing', async () => {
      stoppedAt = new Date()
      try {
        await throttlesGuessing()
      } finally {
        stoppedAt = null
      }
    })

    async function throttlesGuessing() {
      const br = browser()
      let token = await csrfFor(br)
      await app.staff.addStaff({
        email: 'guessed@example.org',
        name: 'Guessed',
        role: 'author',
        password: PASSWORD,
      })
      const wrong = await request(br, 'POST', '/admin/sign-in', {
        _csrf: token,
        email: 'guessed@example.org',
        password: 'not the password',
      })
      assert.equal(wrong.statusCode, 401)
      assert.match(wrong.body, /do not match an account/)
      assert.equal(br.cookies.has('mh_session'), false)
      for (let i = 0; i < 4; i++)
        await request(br, 'POST', '/admin/sign-in', {
          _csrf: token,
          email: 'guessed@example.org',
          password: 'guess' + i,
        })
      token = await csrfFor(br)
      // The same browser, having failed five times, waits before even the right password counts.
      const throttled = await request(br, 'POST', '/admin/sign-in', {
        _csrf: token,
        email: 'guessed@example.org',
        password: PASSWORD,
      })
      assert.equal(throttled.statusCode, 429)
      assert.match(throttled.body, /Too many failed attempts/)
      const other = await signedIn('editor')
      assert.equal((await request(other, 'GET', '/admin/articles')).statusCode, 200)
    }

    it('keeps a device proof: a shared address full of failures does not slow a browser that signed in before', async () => {
      await app.staff.addStaff({
        email: 'traveller@example.org',
        name: 'Traveller',
        role: 'author',
        password: PASSWORD,
      })
      const laptop = browser()
      await laptop.signIn('traveller@example.org', PASSWORD)
      const device = laptop.cookies.get('mh_device')
      assert.match(device ?? '', /^[0-9]+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/)
      // Someone else behind one exit (a VPN, a Tor exit) sprays guesses at many accounts; the
      // exit's address comes through X-Forwarded-For, as from a trusted proxy.
      const exit = { 'x-forwarded-for': '203.0.113.9' }
      const sprayer = browser()
      const t = await csrfFor(sprayer)
      for (let i = 0; i < 25; i++) {
        await request(
          sprayer,
          'POST',
          '/admin/sign-in',
          {
            _csrf: t,
            email: `staff${i}@example.org`,
            password: 'a guess',
          },
          exit,
        )
      }
      const stranger = browser()
      const slowed = await request(
        stranger,
        'POST',
        '/admin/sign-in',
        {
          _csrf: await csrfFor(stranger),
          email: 'traveller@example.org',
          password: PASSWORD,
        },
        exit,
      )
      assert.equal(slowed.statusCode, 429)
      assert.match(slowed.body, /Try again after [0-9]{2}:[0-9]{2}:[0-9]{2} UTC/)
      // The laptop, with only its device cookie kept, signs in at once.
      const again = browser()
      again.cookies.set('mh_device', device!)
      const res = await request(
        again,
        'POST',
        '/admin/sign-in',
        {
          _csrf: await csrfFor(again),
          email: 'traveller@example.org',
          password: PASSWORD,
        },
        exit,
      )
      assert.equal(res.statusCode, 303)
      assert.ok(again.cookies.has('mh_session'))
    })

    it('refuses a form without the right CSRF token or from another origin', async () => {
      const br = await signedIn('editor')
      const none = await request(br, 'POST', '/admin/articles', { headline: 'x' })
      assert.equal(none.statusCode, 403)
      assert.match(none.body, /CSRF_FAILED/)
      const otherSession = await signedIn('admin')
      const foreignToken = await csrfFor(otherSession, '/admin/articles')
      assert.equal(
        (await request(br, 'POST', '/admin/articles', { _csrf: foreignToken, headline: 'x' }))
          .statusCode,
        403,
      )
      const token = await csrfFor(br, '/admin/articles')
      const cross = await request(
        br,
        'POST',
        '/admin/articles',
        { _csrf: token, headline: 'x' },
        { origin: 'https://evil.test' },
      )
      assert.equal(cross.statusCode, 403)
    })

    it('lets a contributor save a draft but not publish, writing nothing when refused', async () => {
      const br = await signedIn('contributor')
      const token = await csrfFor(br, '/admin/articles/new')
      const before = await app.repo.countArticles()
      const refused = await request(br, 'POST', '/admin/articles', {
        _csrf: token,
        headline: 'Sneaky',
        sectionId: String(b.sectionId),
        body: '<p>x</p>',
        status: 'published',
        version: '',
      })
      assert.equal(refused.statusCode, 403)
      assert.equal(await app.repo.countArticles(), before)
      const ok = await request(br, 'POST', '/admin/articles', {
        _csrf: token,
        headline: 'A contributor’s draft',
        sectionId: String(b.sectionId),
        body: '<p>Hello <script>alert(1)</script></p>',
        status: 'draft',
        version: '',
        byline: 'Dr Ilse Varn',
      })
      assert.equal(ok.statusCode, 303)
      const id = Number(/\/admin\/articles\/(\d+)/.exec(ok.headers.location as string)![1])
      const saved = await app.repo.findArticleById(id)
      assert.equal(saved?.status, 'draft')
      assert.equal(saved?.body, '<p>Hello </p>')
      assert.equal(saved?.createdBy, staffIds.get('contributor'))
      assert.equal(
        (await request(br, 'GET', `/admin/articles/${id}`)).statusCode,
        200,
        'own draft opens',
      )
    })

    it('publishes from the form and the story appears on the site', async () => {
      const br = await signedIn('editor')
      const token = await csrfFor(br, '/admin/articles/new')
      const res = await request(br, 'POST', '/admin/articles', {
        _csrf: token,
        headline: 'Published from the admin',
        sectionId: String(b.sectionId),
        body: '<p>Text.</p>',
        status: 'published',
        version: '',
        byline: ['north wire', 'Ana  Petrova', '', 'Dr Ilse Varn'],
        topicIds: [String(b.topicIds[0])],
        newTopics: 'Press freedom, Elections',
      })
      assert.equal(res.statusCode, 303)
      const made = await app.repo.findArticleById(
        Number(/(\d+)/.exec(res.headers.location as string)![1]),
      )
      assert.deepEqual(made?.topics.map((t) => t.slug).sort(), ['elections', 'press-freedom'])
      // The byline reads in the order typed; known names link (any case, any spacing), others are guests.
      assert.deepEqual(
        made?.credits.map((c) => c.kind),
        ['agency', 'author', 'guest'],
      )
      const home = await app.http.inject({
        method: 'GET',
        url: '/',
        headers: { host: 'example.org' },
      })
      assert.match(home.body, /Published from the admin/)
      const log = await request(await signedIn('admin'), 'GET', '/admin/audit')
      assert.match(log.body, /article\.create/)
      assert.match(log.body, /signin/)
    })

    it('shows both versions instead of overwriting when two people save the same article', async () => {
      const a = await app.content.createArticle(
        articleInput(b, { slug: 'contested', status: 'draft' }),
      )
      const one = await signedIn('editor')
      const two = await signedIn('admin')
      const formOf = async (br: Browser) => {
        const html = (await request(br, 'GET', `/admin/articles/${a.id}`)).body
        return {
          token: /name="_csrf" value="([^"]+)"/.exec(html)![1]!,
          version: /name="version" value="([^"]*)"/.exec(html)![1]!,
        }
      }
      const f1 = await formOf(one)
      const f2 = await formOf(two)
      const base = { sectionId: String(b.sectionId), status: 'draft', slug: 'contested' }
      const first = await request(one, 'POST', `/admin/articles/${a.id}`, {
        ...base,
        _csrf: f1.token,
        version: f1.version,
        headline: 'First editor’s headline',
        body: '<p>first</p>',
      })
      assert.equal(first.statusCode, 303)
      const second = await request(two, 'POST', `/admin/articles/${a.id}`, {
        ...base,
        _csrf: f2.token,
        version: f2.version,
        headline: 'Second editor’s headline',
        body: '<p>second</p>',
      })
      assert.equal(second.statusCode, 409)
      assert.match(second.body, /Someone else saved this article/)
      assert.match(second.body, /First editor’s headline/)
      assert.match(second.body, /Second editor’s headline/)
      assert.equal((await app.repo.findArticleById(a.id))?.headline, 'First editor’s headline')
    })

    it('turns on two-factor sign-in, then asks for a code that works once', async () => {
      const { generate } = await import('otplib')
      await app.staff.addStaff({
        email: 'twofa@example.org',
        name: 'Two Factor',
        role: 'editor',
        password: PASSWORD,
      })
      const br = browser()
      let token = await csrfFor(br)
      await request(br, 'POST', '/admin/sign-in', {
        _csrf: token,
        email: 'twofa@example.org',
        password: PASSWORD,
      })
      token = await csrfFor(br, '/admin/account')
      const begun = await request(br, 'POST', '/admin/account/two-factor/begin', { _csrf: token })
      const secret = /name="secret" value="([A-Z2-7]+)"/.exec(begun.body)![1]!
      const proof = /name="proof" value="([^"]+)"/.exec(begun.body)![1]!
      const wrongOn = await request(br, 'POST', '/admin/account/two-factor/enable', {
        _csrf: token,
        secret,
        proof,
        code: '000000',
      })
      assert.equal(wrongOn.statusCode, 422)
      const forged = await request(br, 'POST', '/admin/account/two-factor/enable', {
        _csrf: token,
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
        proof,
        code: await generate({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }),
      })
      assert.equal(forged.statusCode, 422, 'a key we did not issue is refused')
      const on = await request(br, 'POST', '/admin/account/two-factor/enable', {
        _csrf: token,
        secret,
        proof,
        code: await generate({ secret }),
      })
      assert.equal(on.statusCode, 200)
      assert.match(on.body, /Two-factor sign-in is on/)

      const phone = browser()
      let t = await csrfFor(phone)
      const step1 = await request(phone, 'POST', '/admin/sign-in', {
        _csrf: t,
        email: 'twofa@example.org',
        password: PASSWORD,
      })
      assert.equal(step1.statusCode, 200)
      assert.match(step1.body, /Enter the code from your app/)
      assert.equal(phone.cookies.has('mh_session'), false, 'no session from the password alone')
      t = /name="_csrf" value="([^"]+)"/.exec(step1.body)![1]!
      const bad = await request(phone, 'POST', '/admin/sign-in/code', { _csrf: t, code: '123456' })
      assert.equal(bad.statusCode, 401)
      // The current code was spent turning it on; the next time step's code is within the
      // one-step drift allowance and has not been used.
      const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 })
      const good = await request(phone, 'POST', '/admin/sign-in/code', {
        _csrf: t,
        code,
        next: '/admin/articles',
      })
      assert.equal(good.statusCode, 303)
      assert.ok(phone.cookies.has('mh_session'))

      const thief = browser()
      let tt = await csrfFor(thief)
      const s1 = await request(thief, 'POST', '/admin/sign-in', {
        _csrf: tt,
        email: 'twofa@example.org',
        password: PASSWORD,
      })
      tt = /name="_csrf" value="([^"]+)"/.exec(s1.body)![1]!
      const replay = await request(thief, 'POST', '/admin/sign-in/code', { _csrf: tt, code })
      assert.equal(replay.statusCode, 401, 'a code is good once')
    })

    it('uploads a photo without its location data, and refuses what is not a photo, storing nothing', async () => {
      const { default: sharp } = await import('sharp')
      const br = await signedIn('author')
      const token = await csrfFor(br, '/admin/media')
      const multipart = (fields: Record<string, string>, file: Buffer, name: string) => {
        const boundary = '----masthead' + Math.random().toString(16).slice(2)
        const parts = Object.entries(fields).map(
          ([k, v]) =>
            `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
        )
        const body = Buffer.concat([
          Buffer.from(parts.join('')),
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
          ),
          file,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ])
        return app.http.inject({
          method: 'POST',
          url: '/admin/media',
          headers: {
            host: 'example.org',
            cookie: br.header(),
            'content-type': `multipart/form-data; boundary=${boundary}`,
          },
          payload: body,
        })
      }
      const photo = await sharp({
        create: { width: 900, height: 600, channels: 3, background: '#446688' },
      })
        .jpeg()
        .withExif({
          IFD0: { Make: 'SourcePhone' },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 0/1' },
        })
        .toBuffer()
      const before = await app.repo.searchImages('', 1000)
      const ok = await multipart(
        {
          _csrf: token,
          alt: 'A street at night',
          caption: 'Orlan, Tuesday',
          credit: 'Staff / The Lantern',
        },
        photo,
        'street.jpg',
      )
      assert.equal(ok.statusCode, 201, ok.body.slice(0, 400))
      assert.match(ok.body, /Location and camera data were removed/)
      const [img] = await app.repo.searchImages('Orlan, Tuesday', 1)
      assert.ok(img)
      assert.deepEqual(img.widths, [400, 800])
      const stored = fs.readFileSync(app.media.resolve(img.storageKey, '800.webp')!)
      assert.equal((await sharp(stored).metadata()).exif, undefined)
      assert.doesNotMatch(stored.toString('latin1'), /SourcePhone/)
      const disguised = await multipart(
        { _csrf: token, alt: 'x' },
        Buffer.from('<html><script>alert(1)</script></html>'),
        'photo.jpg',
      )
      assert.equal(disguised.statusCode, 422)
      const noAlt = await multipart({ _csrf: token, alt: '' }, photo, 'street.jpg')
      assert.equal(noAlt.statusCode, 422)
      assert.match(noAlt.body, /Alt text/)
      assert.equal((await app.repo.searchImages('', 1000)).length, before.length + 1)
      const noToken = await multipart({ alt: 'x' }, photo, 'street.jpg')
      assert.equal(noToken.statusCode, 403)
    })

    it('sends a draft for review as a contributor, and shows versions with a diff to restore', async () => {
      const br = await signedIn('contributor')
      const token = await csrfFor(br, '/admin/articles/new')
      const base = { _csrf: token, sectionId: String(b.sectionId), version: '', slug: 'for-review' }
      const made = await request(br, 'POST', '/admin/articles', {
        ...base,
        headline: 'Ready for an editor',
        body: '<p>One.</p>',
        status: 'review',
      })
      assert.equal(made.statusCode, 303)
      const id = Number(/\/admin\/articles\/(\d+)/.exec(made.headers.location as string)![1])
      assert.equal((await app.repo.findArticleById(id))?.status, 'review')
      const editor = await signedIn('editor')
      const list = await request(editor, 'GET', '/admin/articles?status=review')
      assert.match(list.body, /Ready for an editor/)
      const form = (await request(editor, 'GET', `/admin/articles/${id}`)).body
      const t = /name="_csrf" value="([^"]+)"/.exec(form)![1]!
      const v = /name="version" value="([^"]*)"/.exec(form)![1]!
      await request(editor, 'POST', `/admin/articles/${id}`, {
        _csrf: t,
        version: v,
        sectionId: String(b.sectionId),
        slug: 'for-review',
        headline: 'Ready for readers',
        body: '<p>One. Two.</p>',
        status: 'draft',
      })
      const revs = await app.content.listRevisions(id)
      const diff = await request(
        editor,
        'GET',
        `/admin/articles/${id}/revisions/${revs.at(-1)!.id}`,
      )
      assert.equal(diff.statusCode, 200)
      assert.match(diff.body, /<del>editor<\/del>|<del>[^<]*an editor[^<]*<\/del>/)
      assert.match(diff.body, /<ins>[^<]*readers[^<]*<\/ins>/)
      // The body as readers read it, side by side: the paragraph that grew, its new words marked.
      assert.match(
        diff.body,
        /<th scope="col">This version<\/th><th scope="col">Current version<\/th>/,
      )
      assert.match(
        diff.body,
        /<tr class="changed"><td class="before"><span>One\.<\/span><\/td><td class="after"><span>One\.<\/span><ins>[^<]*Two\.<\/ins><\/td><\/tr>/,
      )
      assert.match(diff.body, /1 block of the body differs/)
      assert.doesNotMatch(diff.body, /&lt;p>/, 'no markup in the readable comparison')
      const html = await request(
        editor,
        'GET',
        `/admin/articles/${id}/revisions/${revs.at(-1)!.id}?view=html`,
      )
      assert.equal(html.statusCode, 200)
      assert.match(html.body, /<h2>Body \(HTML\)<\/h2>/)
      assert.match(html.body, /&lt;p>One\./)
      const restore = await request(
        editor,
        'POST',
        `/admin/articles/${id}/revisions/${revs.at(-1)!.id}/restore`,
        { _csrf: t },
      )
      assert.equal(restore.statusCode, 303)
      assert.equal((await app.repo.findArticleById(id))?.headline, 'Ready for an editor')
    })

    it('keeps the text when the session ends mid-edit, and saves it after signing in again', async () => {
      const a = await app.content.createArticle(
        articleInput(b, { slug: 'long-edit', status: 'draft' }),
      )
      const br = await signedIn('admin')
      const html = (await request(br, 'GET', `/admin/articles/${a.id}`)).body
      const t = /name="_csrf" value="([^"]+)"/.exec(html)![1]!
      const v = /name="version" value="([^"]*)"/.exec(html)![1]!
      await app.staff.signOutEverywhere(staffIds.get('admin')!)
      const words = 'Two hours of careful writing that must not be lost.'
      const late = await request(br, 'POST', `/admin/articles/${a.id}`, {
        _csrf: t,
        version: v,
        sectionId: String(b.sectionId),
        slug: 'long-edit',
        headline: 'Still here',
        body: `<p>${words}</p>`,
        status: 'draft',
      })
      assert.equal(late.statusCode, 401)
      assert.match(late.body, /your text is kept/)
      const resume = /name="resume" value="([^"]+)"/.exec(late.body)![1]!
      const t2 = /name="_csrf" value="([^"]+)"/.exec(late.body)![1]!
      const back = await request(br, 'POST', '/admin/sign-in', {
        _csrf: t2,
        email: 'admin@example.org',
        password: PASSWORD,
        resume,
      })
      assert.equal(back.statusCode, 200)
      assert.match(back.body, /your text is back/)
      assert.ok(back.body.includes(words))
      const t3 = /name="_csrf" value="([^"]+)"/.exec(back.body)![1]!
      const saved = await request(br, 'POST', `/admin/articles/${a.id}`, {
        _csrf: t3,
        version: v,
        sectionId: String(b.sectionId),
        slug: 'long-edit',
        headline: 'Still here',
        body: `<p>${words}</p>`,
        status: 'draft',
      })
      assert.equal(saved.statusCode, 303)
      assert.equal((await app.repo.findArticleById(a.id))?.body, `<p>${words}</p>`)
    })

    it('previews a draft as readers would see it, and shares a signed link that expires', async () => {
      const a = await app.content.createArticle(
        articleInput(b, { slug: 'preview-me', headline: 'Not out yet', status: 'draft' }),
      )
      const br = await signedIn('editor')
      const pv = await request(br, 'GET', `/admin/articles/${a.id}/preview`)
      assert.equal(pv.statusCode, 200)
      assert.match(pv.body, /<h1>Not out yet<\/h1>/)
      assert.match(pv.body, /<meta name="robots" content="noindex, nofollow">/)
      const link = new URL(/(http:\/\/example\.org\/preview\/[^\s<"]+)/.exec(pv.body)![1]!)
      const outsider = await app.http.inject({
        method: 'GET',
        url: link.pathname,
        headers: { host: 'example.org' },
      })
      assert.equal(outsider.statusCode, 200)
      assert.match(outsider.body, /Shared preview of an unpublished article/)
      assert.match(outsider.body, /Not out yet/)
      const [, , id, exp, sig] = link.pathname.split('/')
      for (const bad of [
        `/preview/${id}/${exp}/${sig!.slice(0, -2)}xx`,
        `/preview/${Number(id) + 1}/${exp}/${sig}`,
        `/preview/${id}/${Date.now() - 1000}/${sig}`,
      ]) {
        const res = await app.http.inject({
          method: 'GET',
          url: bad,
          headers: { host: 'example.org' },
        })
        assert.equal(res.statusCode, 404, bad)
      }
      const phone = await request(br, 'GET', `/admin/articles/${a.id}/preview/phone`)
      assert.match(
        phone.body,
        /<iframe class="phone" src="\/admin\/articles\/\d+\/preview" width="375"/,
      )
      assert.equal(
        (
          await app.http.inject({
            method: 'GET',
            url: '/world/2026/11/preview-me',
            headers: { host: 'example.org' },
          })
        ).statusCode,
        404,
      )
    })

    it('manages sections, topics, authors and agencies; a rename shows on the site at once', async () => {
      const br = await signedIn('editor')
      const token = await csrfFor(br, '/admin/taxonomy')
      const added = await request(br, 'POST', '/admin/taxonomy/topic', {
        _csrf: token,
        name: 'Water rights',
        slug: 'water-rights',
        description: '',
      })
      assert.equal(added.statusCode, 201)
      assert.ok(await app.repo.findTopicBySlug('water-rights'))
      const dup = await request(br, 'POST', '/admin/taxonomy/topic', {
        _csrf: token,
        name: 'Again',
        slug: 'water-rights',
      })
      assert.equal(dup.statusCode, 409)
      assert.match(dup.body, /already used/)
      const bad = await request(br, 'POST', '/admin/taxonomy/agency', {
        _csrf: token,
        name: 'X',
        slug: 'x',
        url: 'javascript:alert(1)',
      })
      assert.equal(bad.statusCode, 422)
      const before = await app.http.inject({
        method: 'GET',
        url: '/',
        headers: { host: 'example.org' },
      })
      assert.match(before.body, />World</)
      const edit = await request(br, 'POST', `/admin/taxonomy/section/${b.sectionId}`, {
        _csrf: token,
        name: 'The World',
        slug: 'world',
        description: 'Elsewhere.',
        position: '0',
      })
      assert.equal(edit.statusCode, 200)
      const after = await app.http.inject({
        method: 'GET',
        url: '/',
        headers: { host: 'example.org' },
      })
      assert.match(after.body, />The World</)
      assert.equal(
        (await request(await signedIn('author'), 'GET', '/admin/taxonomy')).statusCode,
        403,
      )
    })

    it('invites by email, and resets a forgotten password with a link that works once', async () => {
      const admin = await signedIn('admin')
      const token = await csrfFor(admin, '/admin/staff')
      const before = mail.sent.length
      const invited = await request(admin, 'POST', '/admin/staff', {
        _csrf: token,
        name: 'New Reporter',
        email: 'new@example.org',
        role: 'author',
        password: '',
      })
      assert.equal(invited.statusCode, 201)
      assert.match(invited.body, /invited by email/)
      await until(() => mail.sent.length > before, 'the invitation email')
      const invitation = mail.sent[before]!
      assert.equal(invitation.message.subject, 'Your The Lantern newsroom account')
      const link = new URL(
        /(http:\/\/example\.org\/admin\/password\/set\/\S+)/.exec(invitation.message.text)![1]!,
      )
      const br = browser()
      const form = await request(br, 'GET', link.pathname)
      assert.equal(form.statusCode, 200)
      const t = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!
      const mismatch = await request(br, 'POST', link.pathname, {
        _csrf: t,
        password: 'a brand new passphrase',
        again: 'something else entirely',
      })
      assert.equal(mismatch.statusCode, 422)
      const set = await request(br, 'POST', link.pathname, {
        _csrf: t,
        password: 'a brand new passphrase',
        again: 'a brand new passphrase',
      })
      assert.equal(set.statusCode, 200)
      assert.match(set.body, /Your password is set/)
      assert.equal(
        (await request(browser(), 'GET', link.pathname)).statusCode,
        404,
        'the link works once',
      )
      const t2 = await csrfFor(br)
      const signin = await request(br, 'POST', '/admin/sign-in', {
        _csrf: t2,
        email: 'new@example.org',
        password: 'a brand new passphrase',
      })
      assert.equal(signin.statusCode, 303)

      // Forgotten password: same answer for strangers, a link for staff.
      const anon = browser()
      const t3 = await csrfFor(anon, '/admin/password/forgot')
      const n = mail.sent.length
      const stranger = await request(anon, 'POST', '/admin/password/forgot', {
        _csrf: t3,
        email: 'nobody@example.org',
      })
      const known = await request(anon, 'POST', '/admin/password/forgot', {
        _csrf: t3,
        email: 'new@example.org',
      })
      assert.equal(
        stranger.body.replace(/value="[^"]+"/g, ''),
        known.body.replace(/value="[^"]+"/g, ''),
      )
      // The email goes out after the answer (timing must not reveal accounts): wait for it.
      await until(() => mail.sent.length >= n + 1, 'the reset email')
      assert.equal(mail.sent.length, n + 1)
      assert.match(mail.sent[n]!.message.subject, /Reset your/)
      // A Host the requester chose never ends up in the emailed link (PUBLIC_URL is used).
      await app.http.inject({
        method: 'POST',
        url: '/admin/password/forgot',
        headers: {
          host: 'evil.test',
          cookie: anon.header(),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ _csrf: t3, email: 'new@example.org' }).toString(),
      })
      for (let i = 0; i < 4; i++) {
        await request(anon, 'POST', '/admin/password/forgot', {
          _csrf: t3,
          email: 'new@example.org',
        })
      }
      // Every request is queued alike; the worker decides and sends. Done when the queue is.
      await until(async () => (await app.jobs.depth('staff.mail')) === 0, 'the staff email queue')
      assert.equal(mail.sent.length, n + 3, 'at most three reset emails an hour')
      for (const m of mail.sent) assert.doesNotMatch(m.message.text, /evil\.test/)
    })

    it('disables an account at once, but never one’s own or an owner by an admin', async () => {
      const leaving = await app.staff.addStaff({
        email: 'leaving@example.org',
        name: 'Leaving',
        role: 'author',
        password: PASSWORD,
      })
      const theirs = browser()
      let t = await csrfFor(theirs)
      await request(theirs, 'POST', '/admin/sign-in', {
        _csrf: t,
        email: 'leaving@example.org',
        password: PASSWORD,
      })
      assert.equal((await request(theirs, 'GET', '/admin/articles')).statusCode, 200)
      const admin = await signedIn('admin')
      t = await csrfFor(admin, '/admin/staff')
      const done = await request(admin, 'POST', `/admin/staff/${leaving}/disable`, { _csrf: t })
      assert.equal(done.statusCode, 200)
      assert.match(done.body, /signed out everywhere/)
      assert.equal(
        (await request(theirs, 'GET', '/admin/articles')).statusCode,
        303,
        'their session ended',
      )
      const again = browser()
      const t2 = await csrfFor(again)
      assert.equal(
        (
          await request(again, 'POST', '/admin/sign-in', {
            _csrf: t2,
            email: 'leaving@example.org',
            password: PASSWORD,
          })
        ).statusCode,
        401,
      )
      assert.equal(
        (
          await request(admin, 'POST', `/admin/staff/${staffIds.get('admin')}/disable`, {
            _csrf: t,
          })
        ).statusCode,
        403,
      )
      assert.equal(
        (
          await request(admin, 'POST', `/admin/staff/${staffIds.get('owner')}/disable`, {
            _csrf: t,
          })
        ).statusCode,
        403,
      )
    })

    it('keeps the editor text on the server, offers it back, and drops it after a real save', async () => {
      const a = await app.content.createArticle(
        articleInput(b, { slug: 'autosaved', status: 'draft', headline: 'Saved headline' }),
      )
      const br = await signedIn('editor')
      const html = (await request(br, 'GET', `/admin/articles/${a.id}`)).body
      const t = /name="_csrf" value="([^"]+)"/.exec(html)![1]!
      const v = /name="version" value="([^"]*)"/.exec(html)![1]!
      await new Promise((r) => setTimeout(r, 5))
      const kept = await app.http.inject({
        method: 'POST',
        url: `/admin/articles/${a.id}/autosave`,
        headers: {
          host: 'example.org',
          cookie: br.header(),
          'content-type': 'application/json',
          accept: 'application/json',
        },
        payload: JSON.stringify({
          _csrf: t,
          headline: 'Unsaved headline',
          body: '<p>Words typed but not saved.</p>',
        }),
      })
      assert.equal(kept.statusCode, 200)
      assert.equal(
        (await app.repo.findArticleById(a.id))?.headline,
        'Saved headline',
        'the article itself is unchanged',
      )
      const offer = (await request(br, 'GET', `/admin/articles/${a.id}`)).body
      assert.match(offer, /Open the kept text/)
      const opened = (await request(br, 'GET', `/admin/articles/${a.id}?autosave=1`)).body
      assert.match(opened, /Words typed but not saved\./)
      assert.match(opened, /value="Unsaved headline"/)
      const saved = await request(br, 'POST', `/admin/articles/${a.id}`, {
        _csrf: t,
        version: v,
        sectionId: String(b.sectionId),
        slug: 'autosaved',
        headline: 'Unsaved headline',
        body: '<p>Words typed but not saved.</p>',
        status: 'draft',
      })
      assert.equal(saved.statusCode, 303)
      assert.doesNotMatch(
        (await request(br, 'GET', `/admin/articles/${a.id}`)).body,
        /Open the kept text/,
      )
    })

    it('adds a newsletter from the admin; its box appears under articles at once', async () => {
      const art = await app.content.createArticle(articleInput(b, { slug: 'with-newsletter' }))
      const url = `/world/${art.publishedAt!.getUTCFullYear()}/${String(art.publishedAt!.getUTCMonth() + 1).padStart(2, '0')}/with-newsletter`
      const before = await app.http.inject({ method: 'GET', url, headers: { host: 'example.org' } })
      const hadBox = /class="newsletter-box"/.test(before.body)
      const br = await signedIn('editor')
      const t = await csrfFor(br, '/admin/newsletters')
      const form = {
        _csrf: t,
        name: 'Evening Brief',
        slug: 'evening-brief',
        description: 'Three stories at six.',
        cadence: 'Daily',
        language: 'ru',
      }
      const made = await request(br, 'POST', '/admin/newsletters', form)
      assert.equal(made.statusCode, 201)
      assert.match(made.body, /Evening Brief/)
      assert.equal((await request(br, 'POST', '/admin/newsletters', form)).statusCode, 409)
      const bad = await request(br, 'POST', '/admin/newsletters', {
        ...form,
        slug: 'Bad Slug',
        language: 'not a tag',
      })
      assert.equal(bad.statusCode, 422)
      const after = await app.http.inject({ method: 'GET', url, headers: { host: 'example.org' } })
      assert.match(after.body, /class="newsletter-box"/)
      assert.ok(hadBox || after.body !== before.body, 'the cached page was refreshed')
    })

    it('asks for the current password before offering to add a passkey', async () => {
      const br = await signedIn('author')
      const token = await csrfFor(br, '/admin/account')
      const json = (body: object) =>
        app.http.inject({
          method: 'POST',
          url: '/admin/account/passkeys/options',
          headers: {
            host: 'example.org',
            cookie: br.header(),
            'content-type': 'application/json',
            accept: 'application/json',
          },
          payload: JSON.stringify({ _csrf: token, ...body }),
        })
      assert.equal((await json({})).statusCode, 422)
      assert.equal((await json({ password: 'not it at all, sorry' })).statusCode, 422)
      const ok = await json({ password: PASSWORD })
      assert.equal(ok.statusCode, 200)
      assert.ok(ok.json().options.challenge)
    })

    it('sweeps expired sessions and old counters, keeping live sessions', async () => {
      const live = await signedIn('editor')
      await app.storage.db
        .updateTable('staff_session')
        .set({ expires_at: 1 })
        .where('staff_id', '=', staffIds.get('contributor')!)
        .execute()
      await app.staff.cleanUp()
      const left = await app.storage.db
        .selectFrom('staff_session')
        .select('staff_id')
        .where('expires_at', '<=', 1)
        .execute()
      assert.deepEqual(left, [])
      assert.equal((await request(live, 'GET', '/admin/articles')).statusCode, 200)
    })

    it('signs out, and out everywhere', async () => {
      const a = await signedIn('author')
      const bb = await signedIn('author')
      const token = await csrfFor(a, '/admin/articles')
      assert.equal(
        (await request(a, 'POST', '/admin/sign-out-everywhere', { _csrf: token })).statusCode,
        303,
      )
      assert.equal(
        (await request(bb, 'GET', '/admin/articles')).statusCode,
        303,
        'the other device is signed out too',
      )
    })

    it('keeps hostile strings inert in the admin', async () => {
      const evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
      await app.content.createArticle(
        articleInput(b, { slug: 'evil-admin', headline: evil, status: 'draft' }),
      )
      const page = (
        await request(
          await signedIn('editor'),
          'GET',
          `/admin/articles?q=${encodeURIComponent(evil)}`,
        )
      ).body
      assert.doesNotMatch(page, /<script>alert\(1\)<\/script>|<img src=x/)
      assert.match(page, /&lt;script>alert\(1\)&lt;\/script>/)
    })
  })
}
