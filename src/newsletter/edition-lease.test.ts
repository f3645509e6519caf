import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createMemoryTransport, type MailTransport } from '../email/index.js'
import { systemClock } from '../lib/clock.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { draftEditionOfOneStory } from '../../test/support/newsletter.js'
import { until } from '../../test/support/smtp-sink.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { createEditionArticles } from './editors-picks.js'
import { createEditionRepository } from './edition-repository.js'
import { createEditionSender, type SendOutcome } from './edition-sender.js'
import { createNewsletterRepository } from './newsletter-repository.js'

/**
 * Short, so that the slow messages outlast it; long enough that a renewal (every third of it)
 * that a busy machine delays by a second or two still lands in time. CI failed once at 1.5 s.
 */
const LEASE_MS = 4_000
/** Each message takes longer than the whole lease. */
const MESSAGE_MS = 5_000

for (const dialect of testDialects) {
  describe(
    `${dialect}: a live sender keeps its edition while its messages are slow`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      before(async () => {
        app = await buildTestApp(dialect, {
          env: { PUBLIC_URL: 'http://example.org', MAIL_FROM: 'news@example.org' },
        })
      })
      after(() => app?.close())

      it('is not taken over by a second worker, and nobody gets a second copy', async () => {
        const readers = ['one@example.net', 'two@example.net']
        const { editionId: id } = await draftEditionOfOneStory(app, app.storage, {
          emails: readers,
          subject: 'Slow going',
          intro: 'One message at a time.',
        })
        const newsletters = createNewsletterRepository(app.storage.db)
        // Approved for later, so no job is queued: the two senders below are the two workers.
        await app.editions.approve(id, new Date(Date.now() + 3600_000))

        const memory = createMemoryTransport()
        const slow: MailTransport = {
          name: 'slow',
          send: async (m) => {
            await new Promise((r) => setTimeout(r, MESSAGE_MS))
            return memory.send(m)
          },
          close: async () => {},
        }
        const sender = () =>
          createEditionSender({
            editions: createEditionRepository(app.storage.db),
            newsletters,
            articles: createEditionArticles({
              repo: app.repo,
              clock: systemClock,
              pickTopic: 'editors-picks',
            }),
            mail: slow,
            clock: systemClock,
            signer: app.staff,
            origin: 'http://example.org',
            siteName: 'The Lantern',
            mailFrom: 'news@example.org',
            log: { info: () => {}, warn: () => {} },
            leaseMs: LEASE_MS,
            concurrency: 1,
          })
        const first = sender()
        const second = sender()
        let done = false
        const sending = first.send(id).finally(() => (done = true))
        // The first worker takes the edition before the second starts trying.
        await until(
          async () =>
            (
              await app.storage.db
                .selectFrom('edition')
                .select('lease_owner')
                .where('id', '=', id)
                .executeTakeFirst()
            )?.lease_owner === first.owner,
          'the first worker to take the lease',
        )
        // The second worker keeps trying, as its ticks would, all through the slow send.
        const tries: SendOutcome[] = []
        while (!done) {
          tries.push(await second.send(id))
          await new Promise((r) => setTimeout(r, 100))
        }
        assert.equal(await sending, 'finished', JSON.stringify(tries))
        assert.ok(tries.length > 10, `the second worker tried ${tries.length} times`)
        assert.deepEqual(
          [...new Set(tries)].filter((t) => t !== 'not-sendable'),
          ['busy'],
          'the second worker never sent',
        )
        assert.deepEqual(memory.sent.map((s) => s.message.to).sort(), readers)
        assert.equal((await app.editions.findEdition(id))?.status, 'sent')
      })
    },
  )
}
