import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../lib/clock.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { PASSWORD, type StaffFixture, openStaff } from '../../test/support/staff.js'
import { SESSION_IDLE_MS } from './staff-service.js'

const NOW = new Date('2026-11-26T12:00:00Z')

// Each part is tested beside its module; this checks how they are put together.
for (const dialect of testDialects) {
  describe(`${dialect}: staff service`, { skip: await skipFor(dialect) }, () => {
    let f: StaffFixture
    const clock = fixedClock(NOW)

    before(async () => {
      f = await openStaff(dialect, { clock })
    })
    after(() => f?.close())

    it('offers every use case others call', () => {
      for (const name of [
        'secret',
        'sign',
        'verifySigned',
        'addStaff',
        'inviteStaff',
        'disableStaff',
        'removeUnusedAccount',
        'findByEmail',
        'listStaff',
        'countStaff',
        'signIn',
        'completeSignIn',
        'checkPassword',
        'beginTwoFactor',
        'enableTwoFactor',
        'disableTwoFactor',
        'passkeyRegistrationOptions',
        'finishPasskeyRegistration',
        'passkeySignInOptions',
        'finishPasskeySignIn',
        'listPasskeys',
        'removePasskey',
        'fromSession',
        'signOut',
        'signOutEverywhere',
        'sessionIdOf',
        'passwordLink',
        'checkPasswordLink',
        'setPassword',
        'allowResetRequest',
        'audit',
        'listAudit',
        'cleanUp',
      ])
        assert.equal(typeof (f.staff as unknown as Record<string, unknown>)[name], 'function', name)
    })

    it('signs with the secret kept in the database', async () => {
      const secret = await f.staff.secret()
      assert.equal(await f.repo.secret(() => 'another'), secret)
      assert.equal(await f.staff.verifySigned('x', await f.staff.sign('x')), true)
    })

    it('writes audit entries through the recorder it was given', async () => {
      await f.staff.audit({ staffId: null, action: 'test.action', subject: 'thing:1' })
      const [latest] = await f.staff.listAudit(1)
      assert.equal(latest?.action, 'test.action')
      assert.equal(latest?.subject, 'thing:1')
    })

    it('cleans up expired sessions and day-old counters', async () => {
      await f.staff.addStaff({
        email: 'a@example.org',
        name: 'A',
        role: 'author',
        password: PASSWORD,
      })
      const s = await f.staff.signIn('a@example.org', PASSWORD, '192.0.2.1')
      await f.repo.bumpCounter('old', 60_000, NOW.getTime())
      clock.set(new Date(NOW.getTime() + SESSION_IDLE_MS + 1))
      await f.staff.cleanUp()
      assert.ok(s.ok === true)
      assert.equal(await f.repo.findSession(f.staff.sessionIdOf(s.token)), undefined)
      const later = new Date(NOW.getTime() + 2 * SESSION_IDLE_MS)
      clock.set(later)
      await f.staff.cleanUp()
      assert.equal(
        (await f.repo.bumpCounter('old', 10 * SESSION_IDLE_MS, later.getTime())).failures,
        1,
      )
      clock.set(NOW)
    })
  })
}
