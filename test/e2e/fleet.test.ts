// A fleet as docs/deploy.md describes it, on one PostgreSQL schema: two `masthead serve`
// processes with WORKER=off and two `masthead worker` processes. What they must share goes
// through the database: rate limits, purges of cached pages, scheduled work (each piece done
// once, not once per process) and the workers' heartbeat. SQLite has one process per file, so
// this runs on PostgreSQL only.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createContributionsRepository } from '../../src/contributions/index.js'
import { createHeartbeatRepository } from '../../src/jobs/index.js'
import { createStaffRepository } from '../../src/staff/staff-repository.js'
import { skipFor } from '../support/dialects.js'
import { addConfirmedReaders } from '../support/newsletter.js'
import { articleInput, seedBasics, type Basics } from '../support/factories.js'
import {
  httpClient,
  type ServeProcess,
  signInAndSaveStory,
  startServeProcess,
} from '../support/serve-process.js'
import { until } from '../support/smtp-sink.js'
import { PASSWORD } from '../support/staff.js'
import { openWorkerFixture, type WorkerFixture } from '../support/worker-fixture.js'
import {
  errorLines,
  exited,
  startWorkerProcess,
  type WorkerProcess,
} from '../support/worker-process.js'

/** A busy two-core machine starts four tsx processes slowly. */
const SLOW = 180_000
const DAY = 24 * 3600_000

const weeklyReaders = ['w1@example.net', 'w2@example.net', 'w3@example.net', 'w4@example.net']
const dailyReaders = ['d1@example.net', 'd2@example.net', 'd3@example.net']
const remindees = ['r1@example.net', 'r2@example.net', 'r3@example.net']

/** pino lines of `output` whose message is `msg`, parsed. */
function logged(output: string, msg: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((l) => l.includes(`"msg":"${msg}"`))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
}

describe(
  'postgres: two web processes and two workers on one database',
  {
    skip: await skipFor('postgres'),
  },
  () => {
    let f: WorkerFixture
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-fleet-'))
    let b: Basics
    let web: ServeProcess[] = []
    let workers: WorkerProcess[] = []
    let weeklyId = 0
    let sharedId = 0
    let scheduledId = 0
    const scheduledHeadline = 'The bridge opens at last'

    const subscribe = (newsletterId: number, emails: string[]) =>
      addConfirmedReaders(f.storage, newsletterId, emails)
    const allOutput = () => [...web, ...workers].map((p) => p.output()).join('\n')

    before(async () => {
      f = await openWorkerFixture('postgres')
      const now = new Date()
      b = await seedBasics(f.app, now)
      await f.app.staff.addStaff({
        email: 'owner@example.org',
        name: 'The Owner',
        role: 'owner',
        password: PASSWORD,
      })
      sharedId = (
        await f.app.content.createArticle(
          articleInput(b, { slug: 'shared', headline: 'First headline' }),
        )
      ).id
      // Due while (or just after) the web processes start: their schedulers race for it.
      scheduledId = (
        await f.app.content.createArticle(
          articleInput(b, {
            slug: 'bridge',
            headline: scheduledHeadline,
            status: 'scheduled',
            publishedAt: new Date(now.getTime() + 30_000),
          }),
        )
      ).id

      weeklyId = await f.app.newsletters.createNewsletter({
        slug: 'weekly',
        name: 'The Weekly',
        language: 'en',
      })
      await subscribe(weeklyId, weeklyReaders)
      // A schedule that sends by itself, whose slot (this minute) has come: both workers will
      // find it on their first tick.
      const dailyId = await f.app.newsletters.createNewsletter({
        slug: 'daily',
        name: 'The Daily',
        language: 'en',
      })
      await subscribe(dailyId, dailyReaders)
      await f.app.newsletters.updateSettings(dailyId, {
        senderName: '',
        senderAddress: '',
        scheduleMode: 'send',
        scheduleDay: String(now.getUTCDay()),
        scheduleTime: now.toISOString().slice(11, 16),
        scheduleTz: 'UTC',
      })

      // Reminders due this month, and what the clean-ups must remove.
      const contributions = createContributionsRepository(f.storage.db)
      for (const email of remindees)
        await contributions.insertReminder({
          email,
          language: 'en',
          month: now.toISOString().slice(0, 7),
          consentText: 'test',
          now,
        })
      const staffRepo = createStaffRepository(f.storage.db)
      const ownerId = (await staffRepo.findByEmailWithHash('owner@example.org'))!.staff.id
      await staffRepo.insertSession({
        tokenHash: 'expired-session',
        staffId: ownerId,
        now: new Date(now.getTime() - 2 * DAY),
        expiresAt: new Date(now.getTime() - DAY),
      })
      await staffRepo.bumpCounter('old-counter', 60_000, now.getTime() - 2 * DAY)
      await createHeartbeatRepository(f.storage.db).beat(
        'gone:1:000000',
        new Date(now.getTime() - 2 * DAY),
      )
      await f.storage.db
        .insertInto('rate_limit')
        .values({ key: 'ended-window', hits: 3, resets_at: now.getTime() - 60_000 })
        .execute()

      const env = {
        WORKER: 'off',
        SMTP_URL: f.sink.url,
        PUBLIC_URL: 'https://news.example.org',
        MAIL_FROM: 'news@example.org',
        SEED_DEMO_WHEN_EMPTY: 'false',
        MEDIA_DIR: mediaDir,
      }
      workers = [startWorkerProcess(f.url, f.sink), startWorkerProcess(f.url, f.sink)]
      f.children.push(...workers.map((w) => w.child))
      const starting = [startServeProcess(f.url, env, SLOW), startServeProcess(f.url, env, SLOW)]
      // Each started process is killed by the fixture, even if the other failed to start.
      for (const s of starting)
        void s.then(
          (p) => f.children.push(p.child),
          () => {},
        )
      web = await Promise.all(starting)
    })
    after(async () => {
      await f?.close()
      fs.rmSync(mediaDir, { recursive: true, force: true })
    })

    it('has done the hourly chores once both web processes listen: reminders sent once each, old rows gone', async () => {
      // serve runs its scheduler's first round (publication, clean-ups, reminders) before it
      // listens, so both rounds are over: whatever was sent is all that will be sent this hour.
      for (const r of remindees) assert.equal(f.sink.copiesTo(r).length, 1, r)
      assert.equal(
        (await f.storage.db.selectFrom('contribution_reminder').select('id').execute()).length,
        0,
      )
      const reminded = web.flatMap((w) => logged(w.output(), 'sent contribution reminders'))
      assert.equal(
        reminded.reduce((n, l) => n + Number(l['reminded']), 0),
        remindees.length,
      )
      assert.equal(
        await f.storage.db.selectFrom('staff_session').select('token_hash').executeTakeFirst(),
        undefined,
      )
      assert.equal(
        await f.storage.db.selectFrom('signin_counter').selectAll().executeTakeFirst(),
        undefined,
      )
    })

    it('sees both workers beat (and the dead one swept) through either web process', async () => {
      const ids = async () =>
        (await f.storage.db.selectFrom('worker_heartbeat').select('worker_id').execute()).map(
          (r) => r.worker_id,
        )
      await until(
        async () => (await ids()).length === 2 && !(await ids()).includes('gone:1:000000'),
        'two live heartbeats',
        SLOW,
      )
      // The web processes (WORKER=off) beat for nobody; they read the workers' beats. A
      // loaded machine may answer one check late (503, "timeout"): wait for a 200.
      for (const w of web) {
        let last: unknown
        await until(
          async () => {
            const res = await fetch(`${w.origin}/healthz?worker=required`)
            last = await res.json()
            return res.status === 200
          },
          `/healthz?worker=required on ${w.origin} to be 200`,
          SLOW,
        ).catch((e: Error) => {
          throw new Error(`${e.message}: last answer ${JSON.stringify(last)}`)
        })
        assert.equal((last as { worker: { state: string } }).worker.state, 'ok')
      }
    })

    it('counts newsletter sign-ups from one address across both web processes', async () => {
      const statuses: number[] = []
      for (let i = 0; i < 12; i++) {
        const res = await fetch(`${web[i % 2]!.origin}/newsletters/subscribe`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            email: `flood${i}@example.net`,
            newsletter: String(weeklyId),
          }).toString(),
        })
        statuses.push(res.status)
      }
      // 10 in 10 minutes per address, counted together: each process alone saw only six.
      assert.deepEqual(statuses, [...Array(10).fill(200), 429, 429])
      // A hit also sweeps windows that have ended.
      await until(
        async () =>
          !(await f.storage.db
            .selectFrom('rate_limit')
            .select('key')
            .where('key', '=', 'ended-window')
            .executeTakeFirst()),
        'the ended window to be swept',
      )
    })

    it('purges a page cached by one web process when an editor saves the article on the other', async () => {
      const [a, bWeb] = web as [ServeProcess, ServeProcess]
      const art = (await f.app.repo.findArticleById(sharedId))!
      const path = `/world/${art.publishedAt!.toISOString().slice(0, 4)}/${art.publishedAt!.toISOString().slice(5, 7)}/shared`
      const onA = async () => (await fetch(a.origin + path)).text()
      assert.match(await onA(), /First headline/)
      // Changed behind every cache's back: A still answers from its cache.
      await f.storage.db
        .updateTable('article')
        .set({ headline: 'Changed behind the cache' })
        .where('id', '=', sharedId)
        .execute()
      assert.match(await onA(), /First headline/, 'the page is cached on A')

      await signInAndSaveStory(
        httpClient(bWeb.origin),
        { email: 'owner@example.org', password: PASSWORD },
        {
          id: sharedId,
          sectionId: b.sectionId,
          slug: 'shared',
          headline: 'Second headline',
          body: '<p>Updated through the second web process.</p>',
          publishedAt: art.publishedAt!,
        },
      )
      await until(async () => /Second headline/.test(await onA()), 'A to drop its copy', 30_000)
    })

    it('publishes a scheduled article once, and both web processes show it', async () => {
      await until(
        async () => (await f.app.repo.findArticleById(scheduledId))?.status === 'published',
        'the scheduled article to go live',
        SLOW,
      )
      // The log line follows the commit; once one is there, a second can only be a second
      // publication.
      const wentLive = () =>
        web
          .flatMap((w) => logged(w.output(), 'scheduled articles went live'))
          .filter((l) => (l['published'] as number[]).includes(scheduledId))
      await until(() => wentLive().length > 0, 'the publishing scheduler to say so')
      assert.equal(wentLive().length, 1, 'one scheduler published it')
      for (const w of web)
        await until(
          async () => (await (await fetch(`${w.origin}/`)).text()).includes(scheduledHeadline),
          `the home page on ${w.origin} to show it`,
          30_000,
        )
    })

    it('makes the scheduled edition once and sends it once to each reader', async () => {
      await until(
        async () =>
          (
            await f.storage.db
              .selectFrom('edition')
              .innerJoin('newsletter', 'newsletter.id', 'edition.newsletter_id')
              .select('edition.status')
              .where('newsletter.slug', '=', 'daily')
              .execute()
          ).some((e) => e.status === 'sent'),
        'the daily edition to be sent',
        SLOW,
      )
      const editions = await f.storage.db
        .selectFrom('edition')
        .innerJoin('newsletter', 'newsletter.id', 'edition.newsletter_id')
        .select(['edition.id', 'edition.status'])
        .where('newsletter.slug', '=', 'daily')
        .execute()
      assert.equal(editions.length, 1, 'one edition for the slot')
      const made = workers.flatMap((w) => logged(w.output(), 'scheduled edition made'))
      assert.equal(made.length, 1)
      await until(async () => (await f.app.jobs.depth('edition.send')) === 0, 'no send job left')
      for (const r of dailyReaders) assert.equal(f.sink.copiesTo(r).length, 1, r)
    })

    it('sends an edition approved for later once to each reader, with two workers ticking', async () => {
      const id = await f.app.editions.createDraft(weeklyId, { suggested: false, staffId: null })
      await f.app.editions.update(id, {
        subject: 'Approved for a few seconds from now',
        intro: 'Sent by whichever worker comes first.',
        items: [{ articleId: sharedId, blurb: '' }],
      })
      await f.app.editions.approve(id, new Date(Date.now() + 3_000))
      await until(
        async () => (await f.app.editions.findEdition(id))?.status === 'sent',
        'the approved edition to be sent',
        SLOW,
      )
      await until(async () => (await f.app.jobs.depth('edition.send')) === 0, 'no send job left')
      for (const r of weeklyReaders) assert.equal(f.sink.copiesTo(r).length, 1, r)
      const recipients = await f.storage.db
        .selectFrom('delivery')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('edition_id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(Number(recipients.n), weeklyReaders.length)
    })

    it('says the worker is missing once both workers stop cleanly, then stops the web processes', async () => {
      for (const w of workers) w.child.kill('SIGTERM')
      await Promise.all(workers.map((w) => exited(w.child)))
      for (const w of workers) assert.equal(w.child.exitCode, 0, w.output())
      // Each deleted its own row as it stopped.
      assert.deepEqual(await f.storage.db.selectFrom('worker_heartbeat').selectAll().execute(), [])
      let last: { status: number; body: unknown } = { status: 0, body: null }
      await until(async () => {
        const res = await fetch(`${web[0]!.origin}/healthz?worker=required`)
        last = { status: res.status, body: await res.json() }
        return (last.body as { database: string }).database === 'ok'
      }, 'an answer from the database')
      assert.deepEqual(last, {
        status: 503,
        body: {
          status: 'unavailable',
          database: 'ok',
          worker: { lastBeatAgeSeconds: null, state: 'missing' },
        },
      })
      for (const w of web) w.child.kill('SIGTERM')
      await Promise.all(web.map((w) => exited(w.child)))
      for (const w of web) assert.equal(w.child.exitCode, 0, w.output())
      assert.deepEqual(errorLines(allOutput()), [], allOutput())
    })
  },
)
