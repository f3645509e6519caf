import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import sharp from 'sharp'
import { isAppError } from '../lib/errors.js'
import { createMediaStore, type MediaStore } from './media-store.js'
import { processUpload, sniffImageType, type StoredUpload, type UploadRefusal } from './upload.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-upload-'))
const store = createMediaStore(dir)
const XSS_DIR = '/work/shared/fixtures/hostile/xss'

const GPS = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '50/1 27/1 1234/100',
  GPSLongitudeRef: 'E',
  GPSLongitude: '30/1 31/1 2345/100',
}
const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="50,27.2N"' +
  ' exif:GPSLongitude="30,31.3E"/></rdf:RDF></x:xmpmeta>'

/** Top half red, bottom half blue, so a turn shows in the pixels and not only in the size. */
function twoTone(width: number, height: number) {
  const top = Math.floor(height / 2)
  return sharp({ create: { width, height, channels: 3, background: '#0000ff' } }).composite([
    {
      input: { create: { width, height: top, channels: 3, background: '#ff0000' } },
      top: 0,
      left: 0,
    },
  ])
}

/**
 * An IPTC record (city) in a Photoshop APP13 segment right after SOI: sharp cannot write IPTC,
 * and newsroom cameras and photo desks routinely do.
 */
function withIptcCity(jpeg: Buffer, city: string): Buffer {
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x02, 0x5a, 0x00, city.length]),
    Buffer.from(city),
  ])
  const resource = Buffer.concat([
    Buffer.from('8BIM'),
    Buffer.from([0x04, 0x04, 0x00, 0x00]),
    Buffer.alloc(4),
    record,
    Buffer.alloc(record.length % 2),
  ])
  resource.writeUInt32BE(record.length, 8)
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0'), resource])
  const marker = Buffer.from([0xff, 0xed, 0, 0])
  marker.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)])
}

/** What a source's phone would send: GPS, maker, orientation 6, XMP, IPTC and a P3 profile. */
async function phonePhoto(width: number, height: number): Promise<Buffer> {
  const jpeg = await twoTone(width, height)
    // withExif's own Orientation is overwritten by libvips; withMetadata sets it.
    .withMetadata({ orientation: 6 })
    .withIccProfile('p3')
    .withExifMerge({ IFD0: { Make: 'SourcePhone', Model: 'Serial-0042' }, IFD3: GPS })
    .withXmp(XMP)
    .jpeg({ quality: 90 })
    .toBuffer()
  return withIptcCity(jpeg, 'Kherson')
}

function listing(): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort()
}

async function assertRefused(input: Buffer, reason: UploadRefusal, limits = {}, s = store) {
  const before = listing()
  await assert.rejects(processUpload(s, input, limits), (e: unknown) => {
    assert.ok(isAppError(e), `expected AppError, got ${String(e)}`)
    assert.equal(e.code, 'VALIDATION_FAILED')
    assert.equal(e.status, 422)
    assert.deepEqual(e.details, [`upload: ${reason}`])
    return true
  })
  assert.deepEqual(listing(), before, 'a refusal writes nothing')
}

/** Every stored file: WebP, no metadata of any kind, and none of the source's strings. */
async function assertClean(stored: StoredUpload, secrets: string[] = []) {
  assert.deepEqual(fs.readdirSync(path.join(dir, stored.storageKey)).sort(), [
    ...stored.widths.map((w) => `${w}.webp`).sort(),
  ])
  for (const w of stored.widths) {
    const file = store.resolve(stored.storageKey, `${w}.webp`)!
    const meta = await sharp(file).metadata()
    assert.equal(meta.format, 'webp')
    assert.equal(meta.width, w)
    assert.equal(meta.exif, undefined, 'exif')
    assert.equal(meta.xmp, undefined, 'xmp')
    assert.equal(meta.iptc, undefined, 'iptc')
    assert.equal(meta.orientation, undefined, 'orientation')
    assert.equal(meta.hasProfile, false, 'icc')
    assert.equal(meta.pages ?? 1, 1)
    const bytes = fs.readFileSync(file).toString('latin1')
    for (const s of secrets) assert.ok(!bytes.includes(s), `${s} survived in ${w}.webp`)
  }
}

async function pixel(stored: StoredUpload, x: number, y: number) {
  const file = store.resolve(stored.storageKey, `${stored.widths[0]}.webp`)!
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true })
  const at =
    (Math.round(y * (info.height - 1)) * info.width + Math.round(x * (info.width - 1))) *
    info.channels
  return { r: data[at]!, g: data[at + 1]!, b: data[at + 2]! }
}

describe('processUpload', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('turns a phone JPEG upright and keeps none of its EXIF, GPS, XMP, IPTC or ICC', async () => {
    const input = await phonePhoto(1600, 900)
    // The input really carries what we claim to strip, or this test proves nothing.
    const inMeta = await sharp(input).metadata()
    assert.equal(inMeta.orientation, 6)
    assert.ok(inMeta.exif?.includes('SourcePhone'))
    assert.ok(inMeta.exif?.includes(Buffer.from('N\0')), 'GPS latitude ref written')
    assert.ok(inMeta.xmpAsString?.includes('GPSLatitude'))
    assert.ok(inMeta.iptc?.includes('Kherson'))
    assert.equal(inMeta.hasProfile, true)

    const stored = await processUpload(store, input)
    assert.equal(stored.sourceType, 'jpeg')
    assert.equal(stored.animated, false)
    assert.equal(stored.bytes, input.length)
    assert.equal(stored.width, 900)
    assert.equal(stored.height, 1600)
    assert.deepEqual(stored.widths, [400, 800])
    await assertClean(stored, ['SourcePhone', 'Serial-0042', 'Kherson', 'GPSLatitude', 'Exif'])
    const f400 = await sharp(store.resolve(stored.storageKey, '400.webp')!).metadata()
    assert.equal(f400.height, Math.round((400 * 1600) / 900))
    // Orientation 6 means "turn 90° clockwise to show": the red top ends up on the right.
    const left = await pixel(stored, 0.1, 0.5)
    const right = await pixel(stored, 0.9, 0.5)
    assert.ok(right.r > 200 && right.b < 60, `right is red: ${JSON.stringify(right)}`)
    assert.ok(left.b > 200 && left.r < 60, `left is blue: ${JSON.stringify(left)}`)
  })

  it('takes a PNG, dropping the EXIF it carries', async () => {
    const input = await twoTone(1300, 700)
      .withExif({ IFD0: { Make: 'SourcePhone' }, IFD3: GPS })
      .png()
      .toBuffer()
    assert.ok((await sharp(input).metadata()).exif)
    const stored = await processUpload(store, input)
    assert.equal(stored.sourceType, 'png')
    assert.equal(stored.width, 1300)
    assert.equal(stored.height, 700)
    assert.deepEqual(stored.widths, [400, 800, 1200])
    await assertClean(stored, ['SourcePhone'])
  })

  it('takes a WebP with XMP', async () => {
    const input = await twoTone(640, 480).withXmp(XMP).webp().toBuffer()
    assert.ok((await sharp(input).metadata()).xmp)
    const stored = await processUpload(store, input)
    assert.equal(stored.sourceType, 'webp')
    assert.deepEqual([stored.width, stored.height, stored.widths], [640, 480, [400]])
    await assertClean(stored, ['GPSLatitude'])
  })

  it('takes an AVIF', async () => {
    const input = await twoTone(820, 410).avif({ effort: 0 }).toBuffer()
    const stored = await processUpload(store, input)
    assert.equal(stored.sourceType, 'avif')
    assert.deepEqual([stored.width, stored.height, stored.widths], [820, 410, [400, 800]])
    await assertClean(stored)
  })

  it('keeps only the first frame of an animated GIF, and says so', async () => {
    const frame = (colour: string) =>
      sharp({ create: { width: 500, height: 300, channels: 3, background: colour } })
        .raw()
        .toBuffer()
    const input = await sharp(Buffer.concat([await frame('#ff0000'), await frame('#0000ff')]), {
      raw: { width: 500, height: 600, channels: 3, pageHeight: 300 },
    })
      .gif({ delay: [200, 200] })
      .toBuffer()
    assert.equal((await sharp(input).metadata()).pages, 2)
    const stored = await processUpload(store, input)
    assert.equal(stored.sourceType, 'gif')
    assert.equal(stored.animated, true)
    assert.deepEqual([stored.width, stored.height, stored.widths], [500, 300, [400]])
    await assertClean(stored)
    const p = await pixel(stored, 0.5, 0.5)
    assert.ok(p.r > 200 && p.b < 60, `first frame (red): ${JSON.stringify(p)}`)
  })

  it('says a single-frame GIF is not animated', async () => {
    const input = await twoTone(100, 80).gif().toBuffer()
    const stored = await processUpload(store, input)
    assert.equal(stored.animated, false)
    // Narrower than the smallest width: kept at its own width, never enlarged.
    assert.deepEqual(stored.widths, [100])
  })

  it('refuses a file over the size limit before reading it', async () => {
    const input = await twoTone(200, 200).png().toBuffer()
    await assertRefused(input, 'too-large', { maxBytes: input.length - 1 })
    // Size is checked first: even bytes that are no image at all get the size answer.
    await assertRefused(Buffer.alloc(100, '<'), 'too-large', { maxBytes: 99 })
    const huge = Buffer.alloc(Math.round(31.2 * 1024 * 1024))
    await assert.rejects(processUpload(store, huge), {
      message: 'The file is 31.2 MB; the limit is 20 MB.',
    })
  })

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    // 144 megapixels of one colour compresses to a small file.
    const bomb = await sharp({
      create: { width: 12000, height: 12000, channels: 3, background: '#fff' },
    })
      .toColourspace('b-w')
      .png({ compressionLevel: 9 })
      .toBuffer()
    assert.ok(bomb.length < 1024 * 1024, `${bomb.length} bytes`)
    const t = performance.now()
    await assertRefused(bomb, 'too-many-pixels', { maxPixels: 40e6 })
    assert.ok(performance.now() - t < 500, 'refused without decoding the pixels')
    // The default limit is 40 megapixels too.
    await assertRefused(bomb, 'too-many-pixels')
  })

  it('refuses one pixel over the pixel limit and takes exactly the limit', async () => {
    const input = await twoTone(300, 200).jpeg().toBuffer()
    await assertRefused(input, 'too-many-pixels', { maxPixels: 300 * 200 - 1 })
    const ok = await processUpload(store, input, { maxPixels: 300 * 200 })
    assert.equal(ok.width, 300)
  })

  it('refuses a truncated JPEG as corrupt', async () => {
    const whole = await sharp({
      create: {
        width: 800,
        height: 600,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 30 },
      },
    })
      .jpeg()
      .toBuffer()
    await assertRefused(whole.subarray(0, whole.length >> 1), 'corrupt')
  })

  it('refuses what only pretends to be an image by its first bytes', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    await assertRefused(Buffer.concat([png, Buffer.from('garbage '.repeat(64))]), 'corrupt')
    // A GIF/JavaScript polyglot: a GIF header that is also a valid script.
    await assertRefused(
      Buffer.from('GIF89a/*<svg/onload=alert(1)>*/=alert(document.domain)//;'),
      'corrupt',
    )
    await assertRefused(Buffer.from([0xff, 0xd8, 0xff]), 'corrupt')
  })

  it('refuses HTML, SVG, PDF, scripts and empty files whatever they are called', async () => {
    const svg =
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
      '<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
    for (const text of [
      '<!doctype html><html><body><script>alert(1)</script></body></html>',
      svg,
      `\uFEFF  ${svg}`,
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
      '#!/bin/sh\nrm -rf /\n',
      '<?php system($_GET["c"]); ?>',
      '',
    ]) {
      await assertRefused(Buffer.from(text), 'unsupported-type')
    }
    // sharp reads SVG and TIFF happily; we still do not take them.
    const rendered = await sharp(Buffer.from(svg)).png().toBuffer()
    assert.ok(rendered.length > 0, 'sharp itself would have taken the SVG')
    await assertRefused(await twoTone(50, 50).tiff().toBuffer(), 'unsupported-type')
  })

  it('refuses the hostile XSS strings as files', async (t) => {
    if (!fs.existsSync(XSS_DIR)) {
      t.skip(`${XSS_DIR} is absent`)
      console.log(`skipped: ${XSS_DIR} is absent`)
      return
    }
    const files = ['XSS_Polyglots.txt', 'xss_payloads_quick.txt', 'BRUTELOGIC-XSS-STRINGS.txt']
    let count = 0
    for (const name of files) {
      const file = path.join(XSS_DIR, name)
      if (!fs.existsSync(file)) continue
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue
        const input = Buffer.from(line)
        // A few are GIF polyglots: their header passes, their body does not.
        await assertRefused(input, sniffImageType(input) ? 'corrupt' : 'unsupported-type')
        count++
      }
    }
    assert.ok(count > 50, `${count} strings tried`)
  })

  it('knows AVIF by any ftyp brand, and does not take HEIC for it', () => {
    const ftyp = (...brands: string[]) => {
      const b = Buffer.concat([Buffer.alloc(4), Buffer.from('ftyp'), Buffer.from(brands.join(''))])
      b.writeUInt32BE(b.length, 0)
      return b
    }
    assert.equal(sniffImageType(ftyp('avif', '\0\0\0\0', 'mif1')), 'avif')
    assert.equal(sniffImageType(ftyp('avis', '\0\0\0\0')), 'avif')
    assert.equal(sniffImageType(ftyp('mif1', '\0\0\0\0', 'mif1', 'avif')), 'avif')
    assert.equal(sniffImageType(ftyp('heic', '\0\0\0\0', 'mif1', 'heic')), undefined)
    assert.equal(sniffImageType(ftyp('isom', '\0\0\0\0', 'mp41')), undefined)
  })

  it('leaves no half-written folder when storing fails part way', async () => {
    const written: string[] = []
    let writes = 0
    const failing: MediaStore = {
      resolve: (k, f) => store.resolve(k, f),
      newKey: () => store.newKey(),
      async write(key, file, data) {
        if (++writes === 2) throw new Error('disk full')
        await store.write(key, file, data)
        written.push(`${key}/${file}`)
      },
    }
    const before = listing()
    const input = await twoTone(1300, 700).png().toBuffer()
    await assert.rejects(processUpload(failing, input), { message: 'disk full' })
    assert.equal(written.length, 1, 'one file had been written before the failure')
    assert.deepEqual(listing(), before)
  })
})
