import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toStaff } from './rows.js'

const row = {
  id: 4,
  email: 'ana@example.org',
  name: 'Ana',
  role: 'editor',
  author_id: null,
  created_at: 1_700_000_000_000,
  disabled_at: null,
  totp_secret: null,
  password_one_time: 0,
}

describe('staff rows', () => {
  it('reads a staff row, saying only whether two-factor is on', () => {
    assert.deepEqual(toStaff(row), {
      id: 4,
      email: 'ana@example.org',
      name: 'Ana',
      role: 'editor',
      authorId: null,
      createdAt: new Date(1_700_000_000_000),
      disabledAt: null,
      twoFactor: false,
      mustChangePassword: false,
    })
    const on = toStaff({ ...row, totp_secret: 'JBSWY3DP', disabled_at: 5 })
    assert.equal(on.twoFactor, true)
    assert.equal(on.disabledAt?.getTime(), 5)
    assert.ok(!('totp_secret' in on) && !('totpSecret' in on))
  })

  it('says whether the password was one-time (the demo owner’s) and must be replaced', () => {
    assert.equal(toStaff({ ...row, password_one_time: 1 }).mustChangePassword, true)
  })

  it('gives a role it does not know the least access', () => {
    assert.equal(toStaff({ ...row, role: 'superuser' }).role, 'contributor')
  })
})
