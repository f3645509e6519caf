import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { itemsFromForm, moveItem, parseMove, parseSendAt } from './edition-form.js'

describe('edition form parsing', () => {
  it('keeps the order shown, drops taken-out ones, and appends the added one', () => {
    assert.deepEqual(
      itemsFromForm({
        item_id: ['5', '6', '7'],
        item_blurb: ['five', 'six', 'seven'],
        item_remove: '7',
        add: '9',
      }),
      [
        { articleId: 5, blurb: 'five' },
        { articleId: 6, blurb: 'six' },
        { articleId: 9, blurb: '' },
      ],
    )
    assert.deepEqual(itemsFromForm({ item_id: ['x', '0'], add: '1e3' }), [], 'junk ids ignored')
  })

  it('moves the story whose up or down button was pressed, blurbs going with it', () => {
    const body = { item_id: ['5', '6', '7'], item_blurb: ['five', 'six', 'seven'] }
    const order = (move: string) => itemsFromForm({ ...body, move }).map((i) => i.blurb)
    assert.deepEqual(order('up:6'), ['six', 'five', 'seven'])
    assert.deepEqual(order('down:6'), ['five', 'seven', 'six'])
    assert.deepEqual(order('up:5'), ['five', 'six', 'seven'], 'the first cannot go higher')
    assert.deepEqual(order('down:7'), ['five', 'six', 'seven'], 'the last cannot go lower')
    assert.deepEqual(order('down:8'), ['five', 'six', 'seven'], 'a story not in the list')
    assert.deepEqual(order('sideways:6'), ['five', 'six', 'seven'])
  })

  it('reads move buttons and the send time strictly', () => {
    assert.deepEqual(parseMove('up:12'), { articleId: 12, by: -1 })
    assert.deepEqual(parseMove('down:3'), { articleId: 3, by: 1 })
    for (const v of ['', 'up:', 'up:0', 'up:-1', 'up:1.5', 'UP:2', 'up:2 '])
      assert.equal(parseMove(v), undefined, v)
    assert.deepEqual(moveItem([], 1, 1), [])
    assert.deepEqual(parseSendAt('2026-12-08T09:30'), { y: 2026, mo: 11, d: 8, h: 9, mi: 30 })
    assert.equal(parseSendAt('2026-12-08 09:30'), undefined)
  })
})
