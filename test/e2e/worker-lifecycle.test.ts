// `masthead worker` as operators run it: with nothing to do it stays up (on SQLite it used to
// exit by itself after its first ticks), still does work that arrives later, and on SIGTERM it
// drains and exits 0 without an error line.
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

/** Ticks come every SEND_LEASE_SECONDS (2 s here): eight of them outlast the old early exit. */
const IDLE_TICKS = 8

for (const dialect of testDialects) {
  describe(
    `${dialect}: the worker process lives until told to stop`,
    { skip: await skipFor(dialect) },
    () => {
      let storage: Storage
      let app: App
      let url = ''
      let dir = ''
      let sink: SmtpSink
      let child: ChildProcess | undefined

      before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-worker-'))
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
        sink = await startSmtpSink()
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
        child?.kill('SIGKILL')
        if (child) await exited(child)
        await app.http.close()
        await storage.close()
        await sink.close()
        fs.rmSync(dir, { recursive: true, force: true })
      })

      it('idles through many ticks, then sends an edition approved later, then stops cleanly', async () => {
        const worker = startWorkerProcess(url, sink, { LOG_LEVEL: 'debug' })
        child = worker.child
        const ticks = () => worker.output().split('worker tick done').length - 1
        await until(
          () => ticks() >= IDLE_TICKS || child!.exitCode !== null,
          `${IDLE_TICKS} idle ticks`,
          120_000,
        )
        assert.equal(child.exitCode, null, `the worker exited by itself:\n${worker.output()}`)

        const b = await seedBasics(app)
        const article = await app.content.createArticle(articleInput(b))
        const newsletterId = await app.newsletters.createNewsletter({
          slug: 'later',
          name: 'Later',
          language: 'en',
        })
        const repo = createNewsletterRepository(storage.db)
        await repo.saveSubscription({
          subscriberId: await repo.subscriberId('reader@example.net', new Date()),
          newsletterId,
          status: 'confirmed',
          consentText: 'test',
          now: new Date(),
        })
        const id = await app.editions.createDraft(newsletterId, { suggested: false, staffId: null })
        await app.editions.update(id, {
          subject: 'Approved while the worker idled',
          intro: 'It was still there.',
          items: [{ articleId: article.id, blurb: '' }],
        })
        await app.editions.approve(id, null)
        await until(
          async () => (await app.editions.findEdition(id))?.status === 'sent',
          'the idle worker to send the edition',
          60_000,
        ).catch((e: Error) => {
          throw new Error(`${e.message}\n${worker.output()}`)
        })

        child.kill('SIGTERM')
        await exited(child)
        assert.equal(child.exitCode, 0, worker.output())
        assert.deepEqual(errorLines(worker.output()), [])
        assert.match(worker.output(), /"msg":"worker stopped"/)
      })
    },
  )
}
