import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { generate } from 'otplib'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { PASSWORD, type StaffFixture, openStaff } from '../../../test/support/staff.js'
import type { StaffMember } from '../staff-member.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: two-factor`, { skip: await skipFor(dialect) }, () => {
    let f: StaffFixture
    let ana: StaffMember
    const clock = fixedClock(NOW)
    const code = (secret: string) =>
      generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) })

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

    it('shows a new secret without turning anything on', async () => {
      const e = await f.staff.beginTwoFactor(ana, 'The Lantern')
      assert.match(e.secret, /^[A-Z2-7]+=*$/)
      assert.match(e.uri, /^otpauth:\/\/totp\/The%20Lantern:ana%40example\.org\?/)
      assert.ok(e.uri.includes(`secret=${e.secret}`))
      assert.equal((await f.repo.findById(ana.id))?.twoFactor, false)
    })

    it('turns on only with our secret and a right code', async () => {
      const e = await f.staff.beginTwoFactor(ana, 'The Lantern')
      assert.equal(await f.staff.enableTwoFactor(ana, e.secret, e.proof, '000000'), false)
      const foreign = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
      assert.equal(
        await f.staff.enableTwoFactor(ana, foreign, e.proof, await code(foreign)),
        false,
        'a key we did not issue is refused',
      )
      assert.equal((await f.repo.findById(ana.id))?.twoFactor, false)
      assert.equal(
        await f.staff.enableTwoFactor(ana, e.secret, e.proof, await code(e.secret)),
        true,
      )
      assert.equal((await f.repo.findById(ana.id))?.twoFactor, true)
      assert.equal(f.audits.at(-1)?.action, 'two-factor.on')
    })

    it('turns off only with a current code not used before', async () => {
      const { secret } = (await f.repo.totpOf(ana.id))!
      assert.equal(await f.staff.disableTwoFactor(ana, '000000'), false)
      assert.equal(
        await f.staff.disableTwoFactor(ana, await code(secret!)),
        false,
        'the code that turned it on',
      )
      clock.set(new Date(NOW.getTime() + 30_000))
      assert.equal(await f.staff.disableTwoFactor(ana, await code(secret!)), true)
      clock.set(NOW)
      assert.equal((await f.repo.findById(ana.id))?.twoFactor, false)
      assert.equal(f.audits.at(-1)?.action, 'two-factor.off')
      assert.equal(await f.staff.disableTwoFactor(ana, 'anything'), true, 'already off')
    })
  })
}
