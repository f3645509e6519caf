import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../lib/clock.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { PASSWORD, type StaffFixture, openStaff } from '../../test/support/staff.js'
import type { StaffMember } from './staff-member.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const ORIGIN = 'https://news.example'
const HOUR = 3600_000

for (const dialect of testDialects) {
  describe(`${dialect}: password links`, { skip: await skipFor(dialect) }, () => {
    let f: StaffFixture
    let ana: StaffMember
    const clock = fixedClock(NOW)
    const parts = (link: string) => {
      const m = /\/admin\/password\/set\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(link)!
      return [m[1]!, m[2]!, m[3]!] as const
    }

    before(async () => {
      f = await openStaff(dialect, { clock })
      const id = await f.staff.addStaff({
        email: 'ana@example.org',
        name: 'Ana',
        role: 'editor',
        password: PASSWORD,
      })
      ana = (await f.repo.findById(id))!
    })
    after(() => f?.close())

    it('makes a link under the admin that names the account and an expiry', async () => {
      const link = await f.staff.passwordLink(ana.id, 'reset', ORIGIN)
      const [id, exp, sig] = parts(link)
      assert.ok(link.startsWith(`${ORIGIN}/admin/password/set/`))
      assert.equal(id, String(ana.id))
      assert.equal(Number(exp), NOW.getTime() + HOUR)
      assert.equal((await f.staff.checkPasswordLink(id, exp, sig))?.id, ana.id)
      const [, inviteExp] = parts(await f.staff.passwordLink(ana.id, 'invite', ORIGIN))
      assert.equal(Number(inviteExp), NOW.getTime() + 7 * 24 * HOUR)
    })

    it('refuses a link that is altered, malformed or expired', async () => {
      const [id, exp, sig] = parts(await f.staff.passwordLink(ana.id, 'reset', ORIGIN))
      // Another last character: a signature that already ended in A was left unaltered (1 in 64).
      const altered = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`
      assert.equal(await f.staff.checkPasswordLink(id, exp, altered), null)
      assert.equal(await f.staff.checkPasswordLink(id, String(Number(exp) + 1), sig), null)
      assert.equal(await f.staff.checkPasswordLink(`0${id}`, exp, sig), null)
      assert.equal(await f.staff.checkPasswordLink('999999', exp, sig), null)
      assert.equal(await f.staff.checkPasswordLink(id, exp.slice(1), sig), null)
      clock.set(new Date(Number(exp)))
      assert.equal(await f.staff.checkPasswordLink(id, exp, sig), null)
      clock.set(NOW)
    })

    it('sets a password once per link, ending every session', async () => {
      const [id, exp, sig] = parts(await f.staff.passwordLink(ana.id, 'reset', ORIGIN))
      const session = await f.staff.signIn('ana@example.org', PASSWORD, '192.0.2.1')
      await assert.rejects(f.staff.setPassword(ana, 'short'), { code: 'VALIDATION_FAILED' })
      await f.staff.setPassword(ana, 'another long passphrase')
      assert.equal(f.audits.at(-1)?.action, 'password.set')
      assert.ok(session.ok === true)
      assert.equal(await f.staff.fromSession(session.token), null)
      assert.equal(await f.staff.checkPasswordLink(id, exp, sig), null, 'used')
      assert.equal(
        (await f.staff.signIn('ana@example.org', 'another long passphrase', '192.0.2.1')).ok,
        true,
      )
    })

    it('refuses the link of a disabled account', async () => {
      const [id, exp, sig] = parts(await f.staff.passwordLink(ana.id, 'invite', ORIGIN))
      await f.repo.disableStaff(ana.id, NOW)
      assert.equal(await f.staff.checkPasswordLink(id, exp, sig), null)
    })

    it('allows three reset requests an hour per account', async () => {
      const asks = []
      for (let i = 0; i < 4; i++) asks.push(await f.staff.allowResetRequest(' Bo@example.org'))
      assert.deepEqual(asks, [true, true, true, false])
      assert.equal(await f.staff.allowResetRequest('other@example.org'), true)
      clock.set(new Date(NOW.getTime() + HOUR))
      assert.equal(await f.staff.allowResetRequest('bo@example.org'), true)
      clock.set(NOW)
    })
  })
}
