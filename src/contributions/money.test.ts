import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { amountLabel, amountProblem, formatMoney, monthlyValue, parseAmount } from './money.js'

describe('contribution amounts', () => {
  it('reads what people type into minor units', () => {
    assert.deepEqual(parseAmount('5', 'EUR', 200), { minor: 500 })
    assert.deepEqual(parseAmount(' 7.50 ', 'EUR', 200), { minor: 750 })
    assert.deepEqual(parseAmount('7,5', 'EUR', 200), { minor: 750 })
    assert.deepEqual(parseAmount('€ 12', 'EUR', 200), { minor: 1200 })
    assert.deepEqual(parseAmount('500', 'JPY', 100), { minor: 500 })
  })

  it('refuses below the minimum, not a number, negative, absurdly large, unknown currency', () => {
    assert.deepEqual(parseAmount('1.99', 'EUR', 200), { refused: 'below-minimum' })
    assert.deepEqual(parseAmount('0', 'EUR', 200), { refused: 'below-minimum' })
    assert.deepEqual(parseAmount('five', 'EUR', 200), { refused: 'not-a-number' })
    assert.deepEqual(parseAmount('', 'EUR', 200), { refused: 'not-a-number' })
    assert.deepEqual(parseAmount('1e3', 'EUR', 200), { refused: 'not-a-number' })
    assert.deepEqual(parseAmount('NaN', 'EUR', 200), { refused: 'not-a-number' })
    assert.deepEqual(parseAmount('-5', 'EUR', 200), { refused: 'negative' })
    assert.deepEqual(parseAmount('99999999999', 'EUR', 200), { refused: 'too-large' })
    assert.deepEqual(parseAmount('10000.01', 'EUR', 200), { refused: 'too-large' })
    assert.deepEqual(parseAmount('5.555', 'EUR', 200), { refused: 'too-precise' })
    assert.deepEqual(parseAmount('5.5', 'JPY', 100), { refused: 'too-precise' })
    assert.deepEqual(parseAmount('5', 'XXX', 200), { refused: 'unknown-currency' })
    assert.deepEqual(parseAmount('5', '__proto__', 200), { refused: 'unknown-currency' })
  })

  it('labels every amount with its frequency', () => {
    assert.equal(amountLabel(500, 'EUR', 'monthly'), '€5 a month')
    assert.equal(amountLabel(550, 'USD', 'once'), '$5.50 once')
    assert.equal(amountLabel(6000, 'GBP', 'annual'), '£60 a year')
    assert.equal(formatMoney(500, 'JPY'), '¥500')
  })

  it('counts annual gifts as a twelfth a month and one-time gifts as nothing', () => {
    assert.equal(monthlyValue(1200, 'annual'), 100)
    assert.equal(monthlyValue(500, 'monthly'), 500)
    assert.equal(monthlyValue(500, 'once'), 0)
  })

  it('tells a person what to do', () => {
    assert.match(amountProblem('below-minimum', 200, 'EUR'), /smallest amount .* €2/)
    assert.match(amountProblem('too-large', 200, 'EUR'), /€10000/)
  })
})
