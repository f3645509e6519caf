import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../lib/errors.js'
import { IMAGE_WIDTHS, storeImageVariants } from './images.js'
import type { MediaStore } from './media-store.js'

/**
 * Photo uploads for the media library. A newsroom photo can get a source killed: the camera's
 * EXIF/XMP/IPTC may hold GPS coordinates, a serial number or a name. So every upload is decoded
 * and re-encoded from pixels alone, and nothing of the original file is ever stored.
 */

export type UploadSourceType = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif'

export interface StoredUpload {
  storageKey: string
  /** Of the original, after EXIF orientation was applied. */
  width: number
  height: number
  widths: number[]
  sourceType: UploadSourceType
  /** The original had several frames; only the first was kept. */
  animated: boolean
  /** Size of the uploaded file. */
  bytes: number
}

export interface UploadLimits {
  maxBytes?: number
  maxPixels?: number
}

/** Machine-readable reasons, in AppError.details as `upload: <reason>`. */
export type UploadRefusal = 'too-large' | 'unsupported-type' | 'too-many-pixels' | 'corrupt'

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
export const DEFAULT_MAX_UPLOAD_PIXELS = 40_000_000

const MB = 1024 * 1024
const NOT_A_PHOTO = 'This is not a photo we can take. Upload a JPEG, PNG, WebP, AVIF or GIF image.'

function refuse(reason: UploadRefusal, message: string, cause?: unknown): AppError {
  return new AppError('VALIDATION_FAILED', {
    status: 422,
    message,
    details: [`upload: ${reason}`],
    cause,
  })
}

function formatBytes(n: number): string {
  if (n >= MB) return `${(n / MB).toFixed(1).replace(/\.0$/, '')} MB`
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`
  return `${n} bytes`
}

function ascii(buf: Buffer, start: number, end: number): string {
  return buf.toString('latin1', start, end)
}

/**
 * The type from the file's own first bytes. A name or a declared MIME type is whatever the
 * sender wants it to be, so neither is ever asked.
 */
export function sniffImageType(buf: Buffer): UploadSourceType | undefined {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg'
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png'
  if (buf.length >= 6 && (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a')) {
    return 'gif'
  }
  if (buf.length >= 12 && ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return 'webp'
  if (buf.length >= 12 && ascii(buf, 4, 8) === 'ftyp' && isAvifBrand(buf)) return 'avif'
  return undefined
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const AVIF_BRANDS = new Set(['avif', 'avis'])

/**
 * Major brand avif/avis, or one of the compatible brands of the ftyp box (some encoders write
 * mif1 first). HEIC shares the container but carries HEVC, which we do not take.
 */
function isAvifBrand(buf: Buffer): boolean {
  if (AVIF_BRANDS.has(ascii(buf, 8, 12))) return true
  const boxSize = Math.min(buf.readUInt32BE(0), buf.length, 256)
  for (let i = 16; i + 4 <= boxSize; i += 4) {
    if (AVIF_BRANDS.has(ascii(buf, i, i + 4))) return true
  }
  return false
}

/** What sharp calls each type we take; a file must decode as what its first bytes claim. */
const SHARP_FORMAT: Record<UploadSourceType, string> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'heif',
  gif: 'gif',
}

/**
 * Deletes everything stored under a key. The directory comes from the store's own resolve, so
 * a key it would not have made resolves to nothing and nothing is deleted.
 */
export async function removeStoredImage(store: MediaStore, storageKey: string): Promise<void> {
  const file = store.resolve(storageKey, `${IMAGE_WIDTHS[0]}.webp`)
  if (!file) return
  await fs.promises.rm(path.dirname(file), { recursive: true, force: true })
}

/**
 * Checks, cleans and stores an uploaded photo. Refusals are AppError VALIDATION_FAILED (422)
 * with `upload: too-large | unsupported-type | too-many-pixels | corrupt` in details; anything
 * else (a full disk) is thrown as it came. Either way nothing is left half-written.
 */
export async function processUpload(
  store: MediaStore,
  input: Buffer,
  limits: UploadLimits = {},
): Promise<StoredUpload> {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES
  // sharp takes only a whole number of pixels.
  const maxPixels = Math.floor(limits.maxPixels ?? DEFAULT_MAX_UPLOAD_PIXELS)

  // Before anything reads the bytes: size is the cheapest check and bounds all the others.
  if (input.length > maxBytes) {
    throw refuse(
      'too-large',
      `The file is ${formatBytes(input.length)}; the limit is ${formatBytes(maxBytes)}.`,
    )
  }

  const sourceType = sniffImageType(input)
  if (!sourceType) {
    // SVG lands here on purpose: it can carry script, and a photo never needs to be vector.
    throw refuse('unsupported-type', NOT_A_PHOTO)
  }

  const { default: sharp } = await import('sharp')

  // Headers only, no pixel data decoded yet, so a decompression bomb costs nothing here.
  const meta = await sharp(input, { limitInputPixels: false })
    .metadata()
    .catch((e: unknown) => {
      throw refuse('corrupt', 'The image file is damaged and cannot be read.', e)
    })
  const claimed = SHARP_FORMAT[sourceType]
  if (meta.format !== claimed || (sourceType === 'avif' && meta.compression !== 'av1')) {
    throw refuse('unsupported-type', NOT_A_PHOTO)
  }
  // Of one frame (sharp reports animated files frame by frame), turned as it will be shown.
  const { width, height } = meta.autoOrient
  if (!width || !height) throw refuse('corrupt', 'The image file is damaged and cannot be read.')
  if (width * height > maxPixels) {
    const mp = Math.round(maxPixels / 1e5) / 10
    throw refuse(
      'too-many-pixels',
      `The image is ${width}×${height} pixels; the limit is ${mp} megapixels.`,
    )
  }
  const animated = (meta.pages ?? 1) > 1

  // Pixels only from here on. sharp writes no metadata unless asked (withMetadata, keep*), and
  // converts to sRGB; rotate() first, so dropping the Orientation tag does not turn the photo.
  // Nothing wider than the largest variant is needed, so the copy handed on is no bigger.
  let clean: Buffer
  try {
    clean = await sharp(input, { limitInputPixels: maxPixels, failOn: 'error', pages: 1 })
      .rotate()
      .resize({ width: Math.max(...IMAGE_WIDTHS), withoutEnlargement: true })
      .png({ compressionLevel: 1 })
      .toBuffer()
  } catch (e) {
    if (e instanceof Error && /pixel limit/i.test(e.message)) {
      throw refuse('too-many-pixels', 'The image has too many pixels.', e)
    }
    throw refuse('corrupt', 'The image file is damaged or incomplete and cannot be read.', e)
  }

  // storeImageVariants picks its own key; watch for it so a failure part way can be undone.
  const keys = new Set<string>()
  const watched: MediaStore = {
    resolve: (key, file) => store.resolve(key, file),
    write: (key, file, data) => {
      keys.add(key)
      return store.write(key, file, data)
    },
    newKey: () => {
      const key = store.newKey()
      keys.add(key)
      return key
    },
  }
  try {
    const stored = await storeImageVariants(watched, clean)
    return {
      storageKey: stored.storageKey,
      width,
      height,
      widths: stored.widths,
      sourceType,
      animated,
      bytes: input.length,
    }
  } catch (e) {
    await Promise.allSettled([...keys].map((key) => removeStoredImage(store, key)))
    throw e
  }
}
