import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { counted, formatAdminMoney, formatCount } from './format.js'

describe('numbers in the admin', () => {
  it('groups digits and picks the word by the plural rule', () => {
    assert.equal(formatCount(10000), '10,000')
    assert.equal(counted(1, 'recurring gift', 'recurring gifts'), '1 recurring gift')
    assert.equal(counted(0, 'recurring gift', 'recurring gifts'), '0 recurring gifts')
    assert.equal(counted(1200, 'reader', 'readers'), '1,200 readers')
  })

  it('writes money with its sign, grouping, and cents only when there are some', () => {
    assert.equal(formatAdminMoney(1_000_000, 'EUR'), '€10,000')
    assert.equal(formatAdminMoney(1250, 'USD'), '$12.50')
    assert.equal(formatAdminMoney(500, 'GBP'), '£5')
  })
})
