import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createMemoryTransport } from '../email/index.js'
import type { StaffMember } from './staff-member.js'
import { type StaffMailDeps, staffMailData, staffMailJob, staffMailWork } from './staff-mail.job.js'

const ana = { id: 4, email: 'ana@example.org', name: 'Ana', disabledAt: null } as StaffMember

function deps(over: Partial<StaffMailDeps['staff']> = {}) {
  const mail = createMemoryTransport()
  const audits: string[] = []
  const warnings: string[] = []
  const d: StaffMailDeps = {
    staff: {
      findByEmail: async (e) => (e === ana.email ? ana : undefined),
      allowResetRequest: async () => true,
      passwordLink: async (id, purpose, origin) => `${origin}/admin/password/set/${id}/${purpose}`,
      audit: async (e) => void audits.push(e.action),
      ...over,
    },
    mail,
    siteName: 'The Lantern',
    mailFrom: 'newsroom@lantern.example',
    log: { warn: (_o, m) => void warnings.push(m) },
  }
  return { d, mail, audits, warnings }
}

describe('staff emails sent by the worker', () => {
  it('sends a reset link to a known address and records it', async () => {
    const { d, mail, audits } = deps()
    await staffMailJob(d)(
      staffMailData({ kind: 'reset', email: ana.email, origin: 'https://lantern.example' }),
    )
    assert.equal(mail.sent.length, 1)
    assert.match(mail.sent[0]!.message.subject, /Reset your The Lantern password/)
    assert.match(
      mail.sent[0]!.message.text,
      /https:\/\/lantern\.example\/admin\/password\/set\/4\/reset/,
    )
    assert.deepEqual(audits, ['password.reset-requested'])
  })

  it('sends nothing for an unknown or disabled address, or past the hourly limit', async () => {
    for (const over of [
      { findByEmail: async () => undefined },
      { findByEmail: async () => ({ ...ana, disabledAt: new Date() }) },
      { allowResetRequest: async () => false },
    ] as Partial<StaffMailDeps['staff']>[]) {
      const { d, mail, audits } = deps(over)
      await staffMailJob(d)(
        staffMailData({ kind: 'reset', email: ana.email, origin: 'https://lantern.example' }),
      )
      assert.equal(mail.sent.length, 0)
      assert.deepEqual(audits, [])
    }
  })

  it('sends an invitation with a link to choose a password', async () => {
    const { d, mail } = deps()
    await staffMailJob(d)(
      staffMailData({
        kind: 'invite',
        staffId: 9,
        email: 'new@example.org',
        name: 'New Reporter',
        origin: 'https://lantern.example',
      }),
    )
    assert.equal(mail.sent[0]!.message.subject, 'Your The Lantern newsroom account')
    assert.match(mail.sent[0]!.message.text, /\/admin\/password\/set\/9\/invite/)
  })

  it('drops unreadable data with a warning instead of retrying it forever', async () => {
    const { d, mail, warnings } = deps()
    await staffMailJob(d)({
      mail: JSON.stringify({ kind: 'reset', email: 'x', origin: 'not a url' }),
    })
    await staffMailJob(d)({})
    await staffMailJob(d)({ mail: '{not json' })
    assert.equal(mail.sent.length, 0)
    assert.equal(warnings.length, 3)
  })

  it('fails (so the queue retries) when the mail server does', async () => {
    const { d } = deps()
    d.mail = {
      name: 'down',
      send: async () => {
        throw new Error('connect ECONNREFUSED')
      },
      close: async () => {},
    }
    await assert.rejects(
      staffMailJob(d)(
        staffMailData({ kind: 'reset', email: ana.email, origin: 'https://lantern.example' }),
      ),
      /ECONNREFUSED/,
    )
  })

  it("is the staff domain's duty on the staff.mail queue", () => {
    assert.deepEqual(Object.keys(staffMailWork(deps().d).handlers), ['staff.mail'])
  })
})
