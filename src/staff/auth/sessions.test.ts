import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { PASSWORD, type StaffFixture, openStaff } from '../../../test/support/staff.js'
import type { StaffMember } from '../staff-member.js'
import { SESSION_IDLE_MS, SESSION_MAX_MS, startSession, tokenHash } from './sessions.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const MIN = 60_000

for (const dialect of testDialects) {
  describe(`${dialect}: sessions`, { skip: await skipFor(dialect) }, () => {
    let f: StaffFixture
    let ana: StaffMember
    const clock = fixedClock(NOW)
    const open = async () =>
      (await startSession({ repo: f.repo, audit: f.staff.audit }, ana, clock.now().getTime())).token

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

    it('opens a session whose token is stored only as its hash, and records the sign-in', async () => {
      const token = await open()
      assert.equal(token.length, 43)
      assert.ok(await f.repo.findSession(tokenHash(token)))
      assert.equal(await f.repo.findSession(token), undefined)
      assert.deepEqual(f.audits.at(-1), {
        staffId: ana.id,
        action: 'signin',
        subject: `staff:${ana.id}`,
      })
      const found = await f.staff.fromSession(token)
      assert.equal(found?.staff.id, ana.id)
      assert.equal(found?.sessionId, f.staff.sessionIdOf(token))
      assert.equal(found?.sessionId, tokenHash(token))
    })

    it('knows nothing of a missing, unknown or overlong token', async () => {
      assert.equal(await f.staff.fromSession(undefined), null)
      assert.equal(await f.staff.fromSession('unknown'), null)
      assert.equal(await f.staff.fromSession('x'.repeat(101)), null)
    })

    it('writes a use at most every five minutes, moving the idle expiry', async () => {
      const token = await open()
      clock.set(new Date(NOW.getTime() + 4 * MIN))
      await f.staff.fromSession(token)
      let s = await f.repo.findSession(tokenHash(token))
      assert.equal(s?.lastSeenAt.toISOString(), NOW.toISOString(), 'not written yet')
      clock.set(new Date(NOW.getTime() + 6 * MIN))
      await f.staff.fromSession(token)
      s = await f.repo.findSession(tokenHash(token))
      assert.equal(s?.lastSeenAt.getTime(), NOW.getTime() + 6 * MIN)
      assert.equal(s?.expiresAt.getTime(), NOW.getTime() + 6 * MIN + SESSION_IDLE_MS)
      clock.set(NOW)
    })

    it('ends a session left idle, and any session at its hard limit', async () => {
      const idle = await open()
      clock.set(new Date(NOW.getTime() + SESSION_IDLE_MS))
      assert.equal(await f.staff.fromSession(idle), null)
      assert.equal(await f.repo.findSession(tokenHash(idle)), undefined, 'and forgets it')
      clock.set(NOW)
      const busy = await open()
      let t = NOW.getTime()
      while (t + SESSION_IDLE_MS / 2 < NOW.getTime() + SESSION_MAX_MS) {
        t += SESSION_IDLE_MS / 2
        clock.set(new Date(t))
        assert.ok(await f.staff.fromSession(busy), 'kept alive by use')
      }
      clock.set(new Date(NOW.getTime() + SESSION_MAX_MS))
      assert.equal(await f.staff.fromSession(busy), null)
      clock.set(NOW)
    })

    it('signs out one browser, or every one, and says how many', async () => {
      const one = await open()
      await open()
      await f.staff.signOut(one, ana.id)
      assert.equal(await f.staff.fromSession(one), null)
      assert.equal(f.audits.at(-1)?.action, 'signout')
      await f.staff.signOut(undefined, null)
      const n = await f.staff.signOutEverywhere(ana.id)
      assert.ok(n >= 1)
      assert.deepEqual(f.audits.at(-1), {
        staffId: ana.id,
        action: 'signout.everywhere',
        subject: `staff:${ana.id}`,
        detail: `${n} sessions`,
      })
    })

    it('refuses the session of a disabled account', async () => {
      const token = await open()
      await f.storage.db
        .updateTable('staff')
        .set({ disabled_at: NOW.getTime() })
        .where('id', '=', ana.id)
        .execute()
      assert.equal(await f.staff.fromSession(token), null)
    })
  })
}
