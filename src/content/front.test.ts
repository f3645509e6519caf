import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ArticleSummary } from './article.js'
import { fillFront, frontChoices, frontKey } from './front.js'

const story = (id: number) => ({ id }) as ArticleSummary

describe('a front', () => {
  it('shows the placed stories first, in order, then the newest others, each once', () => {
    const placed = [story(7), story(3)]
    const newest = [story(9), story(7), story(8), story(3), story(6)]
    assert.deepEqual(
      fillFront(placed, newest, 4).map((a) => a.id),
      [7, 3, 9, 8],
    )
    assert.deepEqual(
      fillFront([], newest, 2).map((a) => a.id),
      [9, 7],
    )
    assert.deepEqual(
      fillFront(placed, [], 5).map((a) => a.id),
      [7, 3],
    )
  })

  it('keeps the choices made, without blanks or repeats, at most five', () => {
    assert.deepEqual(frontChoices([null, 4, 4, undefined, 2]), [4, 2])
    assert.deepEqual(frontChoices([1, 2, 3, 4, 5, 6]), [1, 2, 3, 4, 5])
  })

  it('names the home page and each section', () => {
    assert.equal(frontKey('home'), 'home')
    assert.equal(frontKey({ sectionId: 3 }), 'section:3')
  })
})
