import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { PASSWORD, type StaffFixture, openStaff } from '../../../test/support/staff.js'
import type { StaffMember } from '../staff-member.js'

// The whole ceremony with a real authenticator runs in Chromium (test/e2e/admin-pages.test.ts);
// here, everything a passkey must refuse, and the bookkeeping around it.
const NOW = new Date('2026-11-26T12:00:00Z')
const RP = { id: 'news.example', origin: 'https://news.example' }

for (const dialect of testDialects) {
  describe(`${dialect}: passkeys`, { skip: await skipFor(dialect) }, () => {
    let f: StaffFixture
    let ana: StaffMember
    let bo: StaffMember
    const clock = fixedClock(NOW)

    before(async () => {
      f = await openStaff(dialect, { clock })
      const add = async (email: string) =>
        (await f.repo.findById(
          await f.staff.addStaff({ email, name: email, role: 'author', password: PASSWORD }),
        ))!
      ana = await add('ana@example.org')
      bo = await add('bo@example.org')
      await f.repo.insertPasskey(
        {
          id: 'ana-laptop',
          staffId: ana.id,
          publicKey: 'pk',
          counter: 0,
          transports: [],
          name: 'L',
        },
        NOW,
      )
    })
    after(() => f?.close())

    it('offers registration options bound to this site, excluding passkeys already added', async () => {
      const { options, token } = await f.staff.passkeyRegistrationOptions(ana, {
        id: RP.id,
        name: 'The Lantern',
      })
      assert.equal(options.rp.id, RP.id)
      assert.equal(options.rp.name, 'The Lantern')
      assert.equal(options.user.name, 'ana@example.org')
      assert.deepEqual(
        options.excludeCredentials?.map((c) => c.id),
        ['ana-laptop'],
      )
      assert.equal(options.authenticatorSelection?.userVerification, 'required')
      assert.equal(token.split('.')[0], 'reg')
      assert.equal(token.split('.')[1], String(ana.id))
      assert.equal(token.split('.')[3], options.challenge)
    })

    it('refuses a registration with another account’s, an altered or an expired challenge', async () => {
      const { token } = await f.staff.passkeyRegistrationOptions(ana, { id: RP.id, name: 'x' })
      assert.equal(await f.staff.finishPasskeyRegistration(bo, {}, token, RP, 'k'), false)
      const altered = token.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`)
      assert.equal(await f.staff.finishPasskeyRegistration(ana, {}, altered, RP, 'k'), false)
      clock.set(new Date(NOW.getTime() + 5 * 60_000))
      assert.equal(await f.staff.finishPasskeyRegistration(ana, {}, token, RP, 'k'), false)
      clock.set(NOW)
    })

    it('refuses a malformed answer to a genuine challenge as a refusal, not a fault', async () => {
      const { token } = await f.staff.passkeyRegistrationOptions(ana, { id: RP.id, name: 'x' })
      for (const response of [null, {}, { id: 'x', response: {} }, 'garbage'])
        assert.equal(await f.staff.finishPasskeyRegistration(ana, response, token, RP, 'k'), false)
      assert.equal((await f.staff.listPasskeys(ana.id)).length, 1)
    })

    it('offers sign-in options, and refuses unknown, oversized or forged answers', async () => {
      const { options, token } = await f.staff.passkeySignInOptions(RP.id)
      assert.equal(options.rpId, RP.id)
      assert.equal(options.userVerification, 'required')
      const invalid = { ok: false, reason: 'invalid' }
      assert.deepEqual(await f.staff.finishPasskeySignIn({ id: 'unknown' }, token, RP), invalid)
      assert.deepEqual(
        await f.staff.finishPasskeySignIn({ id: 'x'.repeat(1400) }, token, RP),
        invalid,
      )
      assert.deepEqual(
        await f.staff.finishPasskeySignIn({ id: 'ana-laptop' }, 'forged', RP),
        invalid,
      )
      assert.deepEqual(
        await f.staff.finishPasskeySignIn({ id: 'ana-laptop', response: {} }, token, RP),
        invalid,
      )
      assert.deepEqual(f.audits.at(-1), {
        staffId: ana.id,
        action: 'signin.passkey-failed',
        subject: `staff:${ana.id}`,
      })
    })

    it('lists and removes only one’s own passkeys', async () => {
      assert.deepEqual(
        (await f.staff.listPasskeys(ana.id)).map((p) => p.id),
        ['ana-laptop'],
      )
      assert.equal(await f.staff.removePasskey(bo, 'ana-laptop'), false)
      assert.equal(await f.staff.removePasskey(ana, 'ana-laptop'), true)
      assert.equal(f.audits.at(-1)?.action, 'passkey.remove')
      assert.deepEqual(await f.staff.listPasskeys(ana.id), [])
    })
  })
}
