import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Article, Image } from '../../content/index.js'
import { inlinePictures, picturesInOrder } from './edition-images.js'

const image = (id: number): Image => ({
  id,
  storageKey: `key${id}`.padEnd(20, '0'),
  alt: `Picture ${id}`,
  caption: '',
  credit: '',
  width: 1600,
  height: 900,
  widths: [400, 800],
})
const story = (lead: number | null, body: number[]) =>
  ({
    leadImage: lead === null ? null : image(lead),
    body: body.map((id) => `<p>x</p><figure data-image-id="${id}"></figure>`).join(''),
  }) as Article

describe('the offline edition’s pictures', () => {
  it('puts every lead photo before any body image, in story order', () => {
    const stories = [story(1, [10, 11]), story(null, [12]), story(2, [99])]
    const bodyImages = new Map([10, 11, 12].map((id) => [id, image(id)]))
    const order = picturesInOrder({ stories, bodyImages }).map((i) => i.id)
    // 99 is named by a body but no longer exists: it is left out.
    assert.deepEqual(order, [1, 2, 10, 11, 12])
  })

  it('inlines pictures while they fit the room, skipping one too big and one without a file', async () => {
    const sizes: Record<number, number> = { 1: 300, 2: 3000, 3: 0, 4: 300 }
    const made: number[] = []
    const uris = await inlinePictures([image(1), image(2), image(3), image(4)], 1400, (img) => {
      made.push(img.id)
      const n = sizes[img.id]!
      return Promise.resolve(n ? Buffer.alloc(n, 1) : undefined)
    })
    assert.deepEqual([...uris.keys()], [1, 4])
    assert.match(uris.get(1)!, /^data:image\/jpeg;base64,/)
    assert.deepEqual(made, [1, 2, 3, 4])
  })

  it('counts a picture shown twice twice, and makes it once', async () => {
    let calls = 0
    const make = () => {
      calls++
      return Promise.resolve(Buffer.alloc(600, 1))
    }
    // 600 bytes are 824 in base64 with the prefix and the tag: one fits in 1200, two do not.
    assert.equal((await inlinePictures([image(1), image(1)], 1200, make)).size, 0)
    assert.equal(calls, 1)
    assert.equal((await inlinePictures([image(1), image(1)], 2400, make)).size, 1)
  })
})
