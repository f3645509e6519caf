import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MAX_NEW_TOPICS, MAX_TOPIC_NAME } from '../../content/use-cases/topics-for-save.js'
import {
  NEW_TOPICS_AT_ONCE,
  TOPIC_NAME_MAX,
  dropInto,
  foldName,
  namesTopic,
  newTopicNames,
  topicsToShow,
  withNewTopic,
  withoutNewTopic,
} from './picker-rules.client.js'

const topics = (names: string[], checked: string[] = []) =>
  names.map((name) => ({ name, checked: checked.includes(name) }))

describe('the topic picker’s rules', () => {
  it('keeps the server’s limits on new topics', () => {
    assert.equal(NEW_TOPICS_AT_ONCE, MAX_NEW_TOPICS)
    assert.equal(TOPIC_NAME_MAX, MAX_TOPIC_NAME)
  })

  it('folds case, accents and spaces', () => {
    assert.equal(foldName('  Café   Society '), 'cafe society')
    assert.equal(foldName('ÉLECTIONS'), 'elections')
    assert.equal(foldName('Выборы'), 'выборы')
  })

  it('shows the checked topics alone while nothing is typed', () => {
    const list = topics(['Budget', 'Courts', 'Elections'], ['Courts'])
    assert.deepEqual(topicsToShow(list, ''), { shown: [1], more: 0 })
    assert.deepEqual(topicsToShow(list, '   '), { shown: [1], more: 0 })
  })

  it('adds matches, word starts first, at most the limit, counting the rest', () => {
    const list = topics(
      ['Budget', 'Courts', 'Night buses', 'Bus strikes', 'Omnibus law'],
      ['Budget'],
    )
    assert.deepEqual(topicsToShow(list, 'bus'), { shown: [0, 2, 3, 4], more: 0 })
    assert.deepEqual(topicsToShow(list, 'BUS', 1), { shown: [0, 2], more: 2 })
    assert.deepEqual(topicsToShow(list, 'nothing'), { shown: [0], more: 0 })
  })

  it('stays within the limit among 300 topics', () => {
    const many = topics(
      Array.from({ length: 300 }, (_, i) => `Topic ${String(i).padStart(3, '0')}`),
    )
    const r = topicsToShow(many, 'topic')
    assert.equal(r.shown.length, 12)
    assert.equal(r.more, 288)
    assert.deepEqual(topicsToShow(many, 'topic 299').shown, [299])
  })

  it('knows when the query names a topic exactly', () => {
    assert.equal(namesTopic(['Night buses'], 'night  BUSES'), true)
    assert.equal(namesTopic(['Night buses'], 'night bus'), false)
    assert.equal(namesTopic(['Night buses'], ' '), false)
  })

  it('adds and removes names in the new-topics field', () => {
    assert.deepEqual(newTopicNames(' a ,, b  c ,'), ['a', 'b c'])
    assert.deepEqual(withNewTopic('', '  Night   buses '), { field: 'Night buses' })
    assert.deepEqual(withNewTopic('Night buses', 'Ferries'), { field: 'Night buses, Ferries' })
    assert.deepEqual(withNewTopic('Night buses', 'night BUSES'), { refused: 'already' })
    assert.deepEqual(withNewTopic('', 'a, b'), { refused: 'comma' })
    assert.deepEqual(withNewTopic('', ' '), { refused: 'empty' })
    assert.deepEqual(withNewTopic('', 'x'.repeat(121)), { refused: 'too-long' })
    assert.deepEqual(withNewTopic('a, b, c, d, e', 'f'), { refused: 'too-many' })
    assert.equal(withoutNewTopic('Night buses, Ferries', 'night  buses'), 'Ferries')
    assert.equal(withoutNewTopic('Ferries', 'Trams'), 'Ferries')
  })
})

describe('dragging an edition’s story', () => {
  it('puts it before or after the story it is dropped on', () => {
    assert.deepEqual(dropInto([1, 2, 3, 4], 4, 1, false), [4, 1, 2, 3])
    assert.deepEqual(dropInto([1, 2, 3, 4], 1, 3, true), [2, 3, 1, 4])
    assert.deepEqual(dropInto([1, 2, 3, 4], 1, 4, true), [2, 3, 4, 1])
    assert.deepEqual(dropInto([1, 2, 3, 4], 2, 3, false), [1, 2, 3, 4])
  })

  it('changes nothing for itself or a stranger', () => {
    assert.deepEqual(dropInto([1, 2, 3], 2, 2, true), [1, 2, 3])
    assert.deepEqual(dropInto([1, 2, 3], 9, 2, true), [1, 2, 3])
    assert.deepEqual(dropInto([1, 2, 3], 2, 9, false), [1, 2, 3])
  })
})
