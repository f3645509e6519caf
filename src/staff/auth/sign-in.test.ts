import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { generate } from 'otplib'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { PASSWORD, type StaffFixture, openStaff } from '../../../test/support/staff.js'
import { ADDRESS_RULE, CLIENT_RULE } from './throttle.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

for (const dialect of testDialects) {
  describe(`${dialect}: signing in`, { skip: await skipFor(dialect) }, () => {
    let f: StaffFixture
    let anaId = 0
    let totpId = 0
    const clock = fixedClock(NOW)
    const code = (at = clock.now()) => generate({ secret: SECRET, epoch: at.getTime() / 1000 })

    before(async () => {
      f = await openStaff(dialect, { clock })
      const add = (email: string) =>
        f.staff.addStaff({ email, name: email, role: 'editor', password: PASSWORD })
      anaId = await add('ana@example.org')
      totpId = await add('totp@example.org')
      await f.repo.setTotp(totpId, SECRET, null)
    })
    after(() => f?.close())

    it('opens a session for the right password, whatever the email’s case', async () => {
      const r = await f.staff.signIn('  ANA@example.org ', PASSWORD, '192.0.2.1')
      assert.equal(r.ok, true)
      assert.ok(r.ok === true && (await f.staff.fromSession(r.token))?.staff.id === anaId)
    })

    it('refuses a wrong password, an unknown email and a disabled account alike', async () => {
      assert.deepEqual(await f.staff.signIn('ana@example.org', 'wrong password!', '192.0.2.2'), {
        ok: false,
        reason: 'invalid',
      })
      assert.deepEqual(f.audits.at(-1), {
        staffId: anaId,
        action: 'signin.failed',
        subject: 'ana@example.org',
      })
      assert.deepEqual(await f.staff.signIn('nobody@example.org', PASSWORD, '192.0.2.2'), {
        ok: false,
        reason: 'invalid',
      })
      assert.equal(f.audits.at(-1)?.staffId, null)
      const gone = await f.staff.addStaff({
        email: 'gone@example.org',
        name: 'Gone',
        role: 'author',
        password: PASSWORD,
      })
      await f.repo.disableStaff(gone, NOW)
      assert.deepEqual(await f.staff.signIn('gone@example.org', PASSWORD, '192.0.2.2'), {
        ok: false,
        reason: 'invalid',
      })
    })

    it('plays a lock-out attack: the guesser is slowed, the editor still signs in', async () => {
      // Many guesses on ana's account from one address, and a few from each of many others.
      const results = []
      for (let i = 0; i < 40; i++)
        results.push(await f.staff.signIn('ana@example.org', `guess ${i}`, '198.51.100.1'))
      for (let a = 10; a < 22; a++)
        for (let i = 0; i < 5; i++)
          results.push(await f.staff.signIn('ana@example.org', `guess ${i}`, `198.51.100.${a}`))
      assert.ok(results.every((r) => r.ok === false))
      const throttled = results.filter((r) => r.ok === false && r.reason === 'throttled')
      assert.ok(throttled.length >= 36 + 12, `${throttled.length} of ${results.length} slowed`)
      assert.equal(f.audits.at(-1)?.action, 'signin.throttled')
      // Ana, from her own address, gets in at once with the right password.
      const ana = await f.staff.signIn('ana@example.org', PASSWORD, '192.0.2.77')
      assert.equal(ana.ok, true)
      // The guessing address is slowed, not locked out: once its delay is over, the right
      // password works from there too.
      const slowed = await f.staff.signIn('ana@example.org', PASSWORD, '198.51.100.1')
      assert.ok(slowed.ok === false && slowed.reason === 'throttled')
      assert.ok(slowed.retryAt.getTime() <= NOW.getTime() + CLIENT_RULE.capMs * 40)
      clock.set(slowed.retryAt)
      assert.equal((await f.staff.signIn('ana@example.org', PASSWORD, '198.51.100.1')).ok, true)
      clock.set(NOW)
    })

    it('slows an address spraying many accounts, except for a browser that signed in before', async () => {
      const first = await f.staff.signIn('ana@example.org', PASSWORD, '192.0.2.200')
      assert.ok(first.ok === true && first.device)
      const device = first.ok === true ? first.device : undefined
      // One guess each at many accounts from a shared exit (a VPN, a Tor exit, an office NAT).
      for (let i = 0; i < ADDRESS_RULE.free + 2; i++)
        await f.staff.signIn(`someone${i}@example.org`, 'a guess', '203.0.113.50')
      const plain = await f.staff.signIn('ana@example.org', PASSWORD, '203.0.113.50')
      assert.ok(plain.ok === false && plain.reason === 'throttled')
      const known = await f.staff.signIn('ana@example.org', PASSWORD, {
        address: '203.0.113.50',
        device,
      })
      assert.equal(known.ok, true)
      assert.equal(known.ok === true && known.device, device)
      // Another account's proof, or a forged one, is no proof.
      const forged = await f.staff.signIn('ana@example.org', PASSWORD, {
        address: '203.0.113.50',
        device: device!.replace(/^[0-9]+/, String(totpId)),
      })
      assert.ok(forged.ok === false && forged.reason === 'throttled')
    })

    it('asks for a code when two-factor is on, and opens a session only with it, once', async () => {
      const first = await f.staff.signIn('totp@example.org', PASSWORD, '203.0.113.1')
      assert.equal(first.ok, 'needs-code')
      const pending = first.ok === 'needs-code' ? first.pending : ''
      assert.match(pending, new RegExp(`^${totpId}\\.[0-9]{13}\\.[A-Za-z0-9_-]{43}$`))
      assert.deepEqual(await f.staff.completeSignIn(pending, '000000', '203.0.113.1'), {
        ok: false,
        reason: 'invalid',
      })
      assert.equal(f.audits.at(-1)?.action, 'signin.code-failed')
      const good = await code()
      const r = await f.staff.completeSignIn(pending, good, '203.0.113.1')
      assert.equal(r.ok, true)
      assert.deepEqual(await f.staff.completeSignIn(pending, good, '203.0.113.1'), {
        ok: false,
        reason: 'invalid',
      })
    })

    it('refuses a forged or expired proof of the password', async () => {
      const first = await f.staff.signIn('totp@example.org', PASSWORD, '203.0.113.2')
      const pending = first.ok === 'needs-code' ? first.pending : ''
      const [, exp, sig] = pending.split('.')
      const forged = `${anaId}.${exp}.${sig}`
      clock.set(new Date(NOW.getTime() + 30_000))
      assert.deepEqual(await f.staff.completeSignIn(forged, await code(), '203.0.113.2'), {
        ok: false,
        reason: 'invalid',
      })
      clock.set(new Date(NOW.getTime() + 5 * 60_000))
      assert.deepEqual(await f.staff.completeSignIn(pending, await code(), '203.0.113.2'), {
        ok: false,
        reason: 'invalid',
      })
      clock.set(NOW)
    })

    it('re-checks the current password', async () => {
      const ana = (await f.repo.findById(anaId))!
      assert.equal(await f.staff.checkPassword(ana, PASSWORD), true)
      assert.equal(await f.staff.checkPassword(ana, 'not it at all'), false)
      assert.equal(await f.staff.checkPassword({ ...ana, id: 999_999 }, PASSWORD), false)
    })
  })
}
