import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { buildApp, type App } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { createNewsletterRepository } from '../../src/newsletter/index.js'
import { connect, migrateToLatest, type Storage } from '../../src/storage/index.js'
import { openTestStorage, skipFor, TEST_DATABASE_URL, testDialects } from '../support/dialects.js'
import { articleInput, seedBasics } from '../support/factories.js'
import { startSmtpSink, until, type SmtpSink } from '../support/smtp-sink.js'
import { errorLines, exited, startWorkerProcess } from '../support/worker-process.js'

const RECIPIENTS = 1000

for (const dialect of testDialects) {
  describe(
    `${dialect}: a send killed midway and restarted reaches everyone exactly once`,
    { skip: await skipFor(dialect) },
    () => {
      let storage: Storage
      let app: App
      let url = ''
      let dir = ''
      let sink: SmtpSink
      const children: ChildProcess[] = []

      before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-kill-'))
        if (dialect === 'sqlite') {
          url = `sqlite:${path.join(dir, 'masthead.db')}`
          storage = await connect(url)
          await migrateToLatest(storage.db)
        } else {
          storage = await openTestStorage('postgres')
          const u = new URL(TEST_DATABASE_URL)
          u.searchParams.set('schema', storage.schema!)
          url = u.toString()
        }
        // Slow enough (a few ms a message, two connections) that the kill lands mid-send.
        sink = await startSmtpSink({ delayMs: 3 })
        app = await buildApp({
          config: loadConfig({
            LOG_LEVEL: 'silent',
            MEDIA_DIR: dir,
            MAIL_FROM: 'news@example.org',
          }),
          storage,
          logger: false,
        })
      })
      after(async () => {
        for (const c of children) c.kill('SIGKILL')
        await Promise.all(children.map(exited))
        await app.http.close()
        await storage.close()
        await sink.close()
        fs.rmSync(dir, { recursive: true, force: true })
      })

      it(`kills the worker after a third of ${RECIPIENTS} messages, restarts it, and every recipient has one message`, async () => {
        const b = await seedBasics(app)
        const article = await app.content.createArticle(articleInput(b))
        const newsletterId = await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'The Weekly',
          language: 'en',
        })
        const repo = createNewsletterRepository(storage.db)
        const emails = Array.from({ length: RECIPIENTS }, (_, i) => `r${i}@example.net`)
        for (const e of emails) {
          const sub = await repo.subscriberId(e, new Date())
          await repo.saveSubscription({
            subscriberId: sub,
            newsletterId,
            status: 'confirmed',
            consentText: 'test',
            now: new Date(),
          })
        }
        const id = await app.editions.createDraft(newsletterId, { suggested: false, staffId: null })
        await app.editions.update(id, {
          subject: 'Killed and resumed',
          intro: 'One message each, whatever happens to the sender.',
          items: [{ articleId: article.id, blurb: '' }],
        })
        await app.editions.approve(id, null)

        const firstWorker = startWorkerProcess(url, sink)
        const first = firstWorker.child
        children.push(first)
        const state = async () =>
          JSON.stringify({
            received: sink.received.length,
            jobs: await storage.db
              .selectFrom('job')
              .selectAll()
              .execute()
              .catch(() => 'pg-boss'),
            edition: await storage.db
              .selectFrom('edition')
              .select(['status', 'lease_owner', 'lease_until', 'recipients'])
              .execute(),
            now: Date.now(),
          })
        await until(
          () => sink.received.length >= RECIPIENTS / 3,
          'a third of the messages',
          60_000,
        ).catch(async (e: Error) => {
          throw new Error(`${e.message}: ${await state()}\n${firstWorker.output()}`)
        })
        first.kill('SIGKILL')
        await exited(first)
        const atKill = sink.received.length
        const mid = await app.editions.findEdition(id)
        assert.equal(mid?.status, 'sending', 'the send was cut off midway')
        assert.ok(atKill < RECIPIENTS, `killed with ${atKill} of ${RECIPIENTS} received`)

        const secondWorker = startWorkerProcess(url, sink)
        const second = secondWorker.child
        children.push(second)
        await until(
          async () => (await app.editions.findEdition(id))?.status === 'sent',
          'the restarted worker to finish',
          90_000,
        ).catch((e: Error) => {
          throw new Error(`${e.message}\n${secondWorker.output()}`)
        })
        // Stopped right after a send, it drains and exits cleanly (no pool used after its end).
        second.kill('SIGTERM')
        await exited(second)
        assert.equal(second.exitCode, 0, secondWorker.output())
        assert.deepEqual(errorLines(secondWorker.output()), [])

        const copies = new Map<string, string[]>()
        for (const m of sink.received)
          for (const t of m.to) copies.set(t, [...(copies.get(t) ?? []), m.messageId])
        const missing = emails.filter((e) => !copies.has(e))
        assert.deepEqual(missing, [], 'nobody is left out')
        // A message the server took in the instant before the kill, with its outcome not yet
        // written, is sent again by the next worker with the same Message-ID: one message to
        // the reader's mail client, which shows one copy per Message-ID.
        const distinctIds = emails.map((e) => new Set(copies.get(e)).size)
        assert.ok(
          distinctIds.every((n) => n === 1),
          'each recipient got one message (one Message-ID)',
        )
        const resent = sink.received.length - RECIPIENTS
        console.log(
          `# ${dialect}: killed at ${atKill}/${RECIPIENTS} received; ${resent} in-doubt message(s) sent again with the same Message-ID`,
        )
        // Only messages in flight at the kill can be in doubt: the sender's concurrency (32) plus
        // the group of outcomes gathering and the one being written (32 each at most).
        assert.ok(resent >= 0 && resent <= 96, `${resent} copies sent twice`)
        const counts = (await app.editions.deliveryCounts([id])).get(id)!
        assert.equal(counts.sent, RECIPIENTS)
      })
    },
  )
}
