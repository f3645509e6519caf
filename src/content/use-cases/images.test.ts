import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import type { Image } from '../article.js'
import { createImageService } from './images.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const files = { storageKey: 'abc', width: 1600, height: 900, widths: [400, 800] }

describe('recording images', () => {
  it('stores the files with their trimmed words, at the clock’s time', async () => {
    const stored: [Omit<Image, 'id'>, Date][] = []
    const images = createImageService({
      repo: {
        insertImage: async (img, now) => {
          stored.push([img, now])
          return 41
        },
      },
      clock: fixedClock(NOW),
    })
    const id = await images.createImage(files, {
      alt: '  A river at dusk ',
      caption: 'The river.',
      credit: ' Mira Sol ',
    })
    assert.equal(id, 41)
    assert.deepEqual(stored, [
      [{ ...files, alt: 'A river at dusk', caption: 'The river.', credit: 'Mira Sol' }, NOW],
    ])
  })

  it('refuses an image without alt text, storing nothing', async () => {
    let calls = 0
    const images = createImageService({
      repo: {
        insertImage: async () => {
          calls++
          return 1
        },
      },
      clock: fixedClock(NOW),
    })
    await assert.rejects(images.createImage(files, { alt: '  ', caption: '', credit: '' }), {
      code: 'VALIDATION_FAILED',
    })
    assert.equal(calls, 0)
  })
})
