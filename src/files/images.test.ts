import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import sharp from 'sharp'
import { demoPhoto } from '../demo/demo-images.js'
import { IMAGE_WIDTHS, smallJpeg, storeImageVariants } from './images.js'
import { createMediaStore, storedSize } from './media-store.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-images-'))

describe('images', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }))
  const store = createMediaStore(dir)

  it('writes a WebP file at each standard width, keeping the aspect ratio', async () => {
    const stored = await storeImageVariants(store, await demoPhoto(7, 1600, 900))
    assert.deepEqual(stored.widths, [...IMAGE_WIDTHS])
    assert.equal(stored.width, 1600)
    assert.equal(stored.height, 900)
    for (const w of IMAGE_WIDTHS) {
      const meta = await sharp(store.resolve(stored.storageKey, `${w}.webp`)!).metadata()
      assert.equal(meta.format, 'webp')
      assert.equal(meta.width, w)
      assert.equal(meta.height, Math.round((w * 900) / 1600))
    }
  })

  it('tells the size of a stored file in bytes, and nothing for a missing or foreign name', async () => {
    const stored = await storeImageVariants(store, await demoPhoto(9, 800, 500))
    const file = store.resolve(stored.storageKey, '800.webp')!
    assert.equal(await storedSize(store, stored.storageKey, '800.webp'), fs.statSync(file).size)
    assert.ok(fs.statSync(file).size > 0)
    assert.equal(await storedSize(store, stored.storageKey, '1200.webp'), undefined)
    assert.equal(await storedSize(store, '../etc', 'passwd'), undefined)
    // Read once: files are never rewritten under the same key, so the size is not read again.
    const size = fs.statSync(file).size
    fs.rmSync(file)
    assert.equal(await storedSize(store, stored.storageKey, '800.webp'), size)
  })

  it('never enlarges a small image', async () => {
    const stored = await storeImageVariants(store, await demoPhoto(8, 600, 400))
    assert.deepEqual(stored.widths, [400])
  })

  it('refuses what is not an image, writing nothing', async () => {
    const before = fs.readdirSync(dir).length
    await assert.rejects(storeImageVariants(store, Buffer.from('<svg onload=alert(1)>not really')))
    assert.equal(fs.readdirSync(dir).length, before)
  })

  it('resolves only names it could have made', () => {
    assert.ok(store.resolve('0123456789abcdef0123', '800.webp'))
    for (const [k, f] of [
      ['..', '800.webp'],
      ['0123456789abcdef0123', '../../etc/passwd'],
      ['0123456789abcdef0123/..', '800.webp'],
      ['0123456789abcdef0123', '800.webp\u0000.png'],
      ['0123456789ABCDEF0123', '800.webp'],
    ] as const) {
      assert.equal(store.resolve(k, f), undefined, `${k}/${f}`)
    }
  })

  it('makes a small JPEG from the narrowest variant, and nothing for a missing file', async () => {
    const stored = await storeImageVariants(store, await demoPhoto(11, 1600, 900))
    const jpeg = await smallJpeg(store, stored, { width: 320, quality: 50 })
    assert.ok(jpeg)
    const meta = await sharp(jpeg).metadata()
    assert.equal(meta.format, 'jpeg')
    assert.equal(meta.width, 320)
    assert.equal(meta.height, 180)
    const gone = { storageKey: 'bbbbbbbbbbbbbbbbbbbb', widths: [400], width: 1600 }
    assert.equal(await smallJpeg(store, gone, { width: 320, quality: 50 }), undefined)
  })
})
