import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../lib/clock.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { PASSWORD, type StaffFixture, openStaff } from '../../test/support/staff.js'
import type { StaffMember } from './staff-member.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: staff accounts service`, { skip: await skipFor(dialect) }, () => {
    let f: StaffFixture
    let owner: StaffMember
    let admin: StaffMember

    before(async () => {
      f = await openStaff(dialect, { clock: fixedClock(NOW) })
      const add = async (email: string, role: 'owner' | 'admin') =>
        (await f.repo.findById(
          await f.staff.addStaff({
            email,
            name: role === 'owner' ? 'Owner' : 'Admin',
            role,
            password: PASSWORD,
          }),
        ))!
      owner = await add('owner@example.org', 'owner')
      admin = await add('admin@example.org', 'admin')
    })
    after(() => f?.close())

    it('adds an account with a normalised email and a hashed password, and records who did', async () => {
      const id = await f.staff.addStaff(
        { email: ' Ed@Example.ORG ', name: ' Ed ', role: 'editor', password: PASSWORD },
        admin.id,
      )
      const ed = (await f.repo.findById(id))!
      assert.equal(ed.email, 'ed@example.org')
      assert.equal(ed.name, 'Ed')
      assert.match((await f.repo.passwordHashOf(id))!, /^\$argon2id\$/)
      assert.deepEqual(f.audits.at(-1), {
        staffId: admin.id,
        action: 'staff.add',
        subject: `staff:${id}`,
        detail: 'ed@example.org as editor',
      })
      assert.equal((await f.staff.findByEmail('  ED@example.org'))?.id, id)
      assert.equal(await f.staff.countStaff(), 3)
      assert.deepEqual(
        (await f.staff.listStaff()).map((s) => s.name),
        ['Admin', 'Ed', 'Owner'],
      )
    })

    it('refuses a bad email, a two-line name, an unknown role, a short password, a known email', async () => {
      const base = {
        email: 'new@example.org',
        name: 'New',
        role: 'author' as const,
        password: PASSWORD,
      }
      for (const bad of [
        { email: 'not an email' },
        { name: 'Two\nlines' },
        { name: 'Bcc\u2028line' },
        { role: 'superuser' as never },
        { password: 'too short' },
      ])
        await assert.rejects(f.staff.addStaff({ ...base, ...bad }), { code: 'VALIDATION_FAILED' })
      await assert.rejects(f.staff.addStaff({ ...base, email: 'ED@example.org' }), {
        code: 'EMAIL_TAKEN',
        status: 409,
      })
    })

    it('invites with a password nobody knows', async () => {
      const id = await f.staff.inviteStaff(
        { email: 'invited@example.org', name: 'Invited', role: 'author' },
        admin.id,
      )
      assert.match((await f.repo.passwordHashOf(id))!, /^\$argon2id\$/)
      assert.equal((await f.staff.signIn('invited@example.org', PASSWORD, '192.0.2.9')).ok, false)
      await f.staff.removeUnusedAccount(id)
      assert.equal(await f.repo.findById(id), undefined)
    })

    it('disables others but not oneself, and an owner only when an owner asks', async () => {
      const id = (await f.staff.findByEmail('ed@example.org'))!.id
      const session = await f.staff.signIn('ed@example.org', PASSWORD, '192.0.2.10')
      assert.equal(await f.staff.disableStaff(admin, admin.id), 'self')
      assert.equal(await f.staff.disableStaff(admin, 999_999), 'unknown')
      assert.equal(await f.staff.disableStaff(admin, owner.id), 'not-allowed')
      assert.equal(await f.staff.disableStaff(admin, id), 'done')
      assert.deepEqual(f.audits.at(-1), {
        staffId: admin.id,
        action: 'staff.disable',
        subject: `staff:${id}`,
        detail: 'ed@example.org',
      })
      assert.ok(session.ok === true)
      assert.equal(await f.staff.fromSession(session.token), null, 'every session ends')
      assert.equal(await f.staff.disableStaff(owner, admin.id), 'done')
    })
  })
}
