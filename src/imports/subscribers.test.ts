import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Newsletter, SubscriptionImport } from '../newsletter/index.js'
import { ImportError } from './import-error.js'
import { chooseNewsletter, importSubscribers } from './subscribers.js'

const nl = (id: number, slug: string) => ({ id, slug, name: slug }) as Newsletter
const NOW = new Date('2026-12-01T00:00:00Z')

describe('subscribers a source brings', () => {
  it('joins the newsletter named, or the only one; refuses otherwise', () => {
    assert.equal(chooseNewsletter([nl(1, 'a')]).id, 1)
    assert.equal(chooseNewsletter([nl(1, 'a'), nl(2, 'b')], 'b').id, 2)
    for (const [list, slug] of [
      [[], undefined],
      [[nl(1, 'a'), nl(2, 'b')], undefined],
      [[nl(1, 'a')], 'c'],
    ] as const)
      assert.throws(
        () => chooseNewsletter(list, slug),
        (e: unknown) => e instanceof ImportError && e.code === 'IMPORT_NEWSLETTER_REQUIRED',
      )
  })

  it("merges an address's rows, confirms only with a sign-up time, leaves out the rest", async () => {
    let written: readonly SubscriptionImport[] = []
    const service = {
      importSubscriptions: async (rows: readonly SubscriptionImport[]) => {
        written = rows
        return { added: rows.length, updated: 0, skipped: 0, suppressed: 0 }
      },
    }
    const r = await importSubscribers(
      { service, clock: { now: () => NOW } },
      [
        { email: 'A@Example.org', subscribed: true, consentAt: new Date('2020-05-01T00:00:00Z') },
        { email: 'a@example.org', subscribed: true, consentAt: new Date('2019-05-01T00:00:00Z') },
        { email: 'b@example.org', subscribed: true, consentAt: null },
        { email: 'c@example.org', subscribed: true, consentAt: new Date('2030-01-01T00:00:00Z') },
        {
          email: 'off@example.org',
          subscribed: false,
          consentAt: new Date('2020-01-01T00:00:00Z'),
        },
        { email: 'nope', subscribed: true, consentAt: null },
        { email: 'nope', subscribed: true, consentAt: null },
      ],
      nl(7, 'weekly'),
      'substack',
      false,
    )
    assert.deepEqual(
      written.map((w) => [w.email, w.newsletterId, w.status, w.consentAt]),
      [
        ['a@example.org', 7, 'confirmed', Date.parse('2019-05-01T00:00:00Z')],
        ['b@example.org', 7, 'pending', NOW.getTime()],
        ['c@example.org', 7, 'pending', NOW.getTime()],
      ],
    )
    assert.match(written[0]!.consentText, /Substack/)
    assert.deepEqual(r.leftOut, {
      'not an email address we can send to': 1,
      'not taking emails in the export': 1,
    })
    assert.equal(r.added, 3)
    written = []
    const dry = await importSubscribers(
      { service, clock: { now: () => NOW } },
      [{ email: 'd@example.org', subscribed: true, consentAt: null }],
      nl(7, 'weekly'),
      'ghost',
      true,
    )
    assert.equal(dry.toWrite, 1)
    assert.deepEqual(written, [], 'a dry run writes nothing')
  })
})
