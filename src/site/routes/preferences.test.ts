import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createMemoryTransport } from '../../email/index.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js'

for (const dialect of testDialects) {
  describe(`${dialect}: newsletter preferences page`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    const mail = createMemoryTransport()
    let weekly = 0
    let daily = 0
    let never = 0
    let sub = 0
    let prefs = ''
    const get = (url: string) =>
      app.http.inject({ method: 'GET', url, headers: { host: 'example.org' } })
    const form = (url: string, body: Record<string, string>) =>
      app.http.inject({
        method: 'POST',
        url,
        headers: { host: 'example.org', 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(body).toString(),
      })
    const status = async (nl: number) =>
      (
        await app.storage.db
          .selectFrom('subscription')
          .select('status')
          .where('subscriber_id', '=', sub)
          .where('newsletter_id', '=', nl)
          .executeTakeFirst()
      )?.status

    before(async () => {
      app = await buildTestApp(dialect, { mail, env: { PUBLIC_URL: 'http://example.org' } })
      const make = (slug: string, name: string) =>
        app.newsletters.createNewsletter({ slug, name, language: 'en' })
      weekly = await make('weekly', 'The Weekly')
      daily = await make('daily', 'The Daily')
      never = await make('never', 'The Never Read')
      for (const nl of [weekly, daily])
        await app.newsletters.signUp('reader@example.org', nl, 'http://example.org')
      sub = (
        await app.storage.db
          .selectFrom('subscriber')
          .select('id')
          .where('email', '=', 'reader@example.org')
          .executeTakeFirstOrThrow()
      ).id
      // Confirm both through their emailed links.
      for (const m of mail.sent) {
        const link = /http:\/\/example\.org(\/newsletters\/confirm\/\S+)/.exec(m.message.text)![1]!
        assert.equal((await get(link)).statusCode, 200)
      }
      prefs = await app.subscribers.preferencesPath(sub)
    })
    after(() => app?.close())

    it('lists every newsletter with its state behind a signed link', async () => {
      const res = await get(prefs)
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['cache-control'], 'no-store')
      assert.equal(res.headers['set-cookie'], undefined)
      assert.match(res.body, /r•••@example\.org/)
      assert.doesNotMatch(res.body, /reader@example\.org/)
      for (const name of ['The Weekly', 'The Daily', 'The Never Read'])
        assert.match(res.body, new RegExp(name))
      assert.equal((res.body.match(/You receive it/g) ?? []).length, 2)
      assert.match(res.body, /Not subscribed/)
      // Tampered, wrong subscriber or junk: not found, and nothing said about who exists.
      const [, , , id, sig] = prefs.split('/')
      assert.equal((await get(`/newsletters/preferences/${id}/${sig}x`)).statusCode, 404)
      assert.equal((await get(`/newsletters/preferences/${Number(id) + 1}/${sig}`)).statusCode, 404)
      assert.equal((await get(`/newsletters/preferences/0/${sig}`)).statusCode, 404)
      assert.equal((await form(`${prefs}x`, { action: 'unsubscribe-all' })).statusCode, 404)
    })

    it('the unsubscribe link opens the same list, that newsletter asked about first', async () => {
      const link = await app.newsletters.unsubscribeLink('', sub, daily)
      const res = await get(link)
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /Unsubscribe from The Daily\?/)
      assert.match(res.body, /All your newsletters/)
      assert.match(res.body, /The Never Read/)
      assert.equal(await status(daily), 'confirmed', 'opening the page changes nothing')
    })

    it('unsubscribes from one, re-subscribes to one confirmed before, never to others', async () => {
      const off = await form(prefs, { action: 'unsubscribe', newsletter: String(daily) })
      assert.equal(off.statusCode, 200)
      assert.match(off.body, /unsubscribed from that newsletter/)
      assert.equal(await status(daily), 'unsubscribed')
      assert.equal(await status(weekly), 'confirmed')
      assert.match(off.body, /Subscribe again to The Daily/)
      assert.doesNotMatch(off.body, /Subscribe again to The Never Read/)
      const back = await form(prefs, { action: 'resubscribe', newsletter: String(daily) })
      assert.match(back.body, /subscribed again/)
      assert.equal(await status(daily), 'confirmed')
      const row = await app.storage.db
        .selectFrom('subscription')
        .selectAll()
        .where('subscriber_id', '=', sub)
        .where('newsletter_id', '=', daily)
        .executeTakeFirstOrThrow()
      assert.match(row.consent_text, /I want to receive The Daily/)
      assert.equal(row.unsubscribed_at, null)
      // Never confirmed: no way in without the double opt-in.
      const sneaky = await form(prefs, { action: 'resubscribe', newsletter: String(never) })
      assert.match(sneaky.body, /Nothing to change/)
      assert.equal(await status(never), undefined)
      const junk = await form(prefs, { action: '<script>', newsletter: '1 or 1=1' })
      assert.equal(junk.statusCode, 200)
      assert.match(junk.body, /Choose one of the buttons/)
    })

    it('unsubscribes from everything, and a suppressed address cannot come back', async () => {
      const all = await form(prefs, { action: 'unsubscribe-all' })
      assert.match(all.body, /unsubscribed from every newsletter/)
      assert.equal(await status(weekly), 'unsubscribed')
      assert.equal(await status(daily), 'unsubscribed')
      await app.subscribers.suppressManually('reader@example.org', 'test')
      const page = await get(prefs)
      assert.match(page.body, /We send nothing more to this address/)
      assert.doesNotMatch(page.body, /Subscribe again/)
      const back = await form(prefs, { action: 'resubscribe', newsletter: String(weekly) })
      assert.match(back.body, /cannot send to this address/)
      assert.equal(await status(weekly), 'unsubscribed')
    })

    it('keeps RFC 8058 one-click: 200, no redirect, no cookie, takes effect', async () => {
      const other = await app.newsletters.createNewsletter({
        slug: 'other',
        name: 'Other',
        language: 'en',
      })
      await app.newsletters.signUp('second@example.org', other, 'http://example.org')
      const id = (
        await app.storage.db
          .selectFrom('subscriber')
          .select('id')
          .where('email', '=', 'second@example.org')
          .executeTakeFirstOrThrow()
      ).id
      const res = await form(await app.newsletters.unsubscribeLink('', id, other), {
        'List-Unsubscribe': 'One-Click',
      })
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers.location, undefined)
      assert.equal(res.headers['set-cookie'], undefined)
      const st = await app.storage.db
        .selectFrom('subscription')
        .select('status')
        .where('subscriber_id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(st.status, 'unsubscribed')
    })
  })
}
