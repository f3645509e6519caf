import type { MediaStore } from './media-store.js'

/** Widths we keep of every image: phone, tablet/article column, wide screens. */
export const IMAGE_WIDTHS = [400, 800, 1200] as const

export interface StoredImageFiles {
  storageKey: string
  width: number
  height: number
  widths: number[]
}

/**
 * Writes WebP variants of an image at each standard width not wider than the original.
 * sharp is loaded on first use: the web process serving readers never pays for it.
 */
export async function storeImageVariants(
  store: MediaStore,
  input: Buffer,
  opts: { quality?: number } = {},
): Promise<StoredImageFiles> {
  const { default: sharp } = await import('sharp')
  const meta = await sharp(input).metadata()
  if (!meta.width || !meta.height) throw new Error('Not an image sharp can read')
  const key = store.newKey()
  const widths = IMAGE_WIDTHS.filter((w) => w <= meta.width!)
  if (widths.length === 0) widths.push(meta.width as never)
  for (const w of widths) {
    const buf = await sharp(input)
      .rotate()
      .resize({ width: w, withoutEnlargement: true })
      .webp({ quality: opts.quality ?? 72, effort: 4 })
      .toBuffer()
    await store.write(key, `${w}.webp`, buf)
  }
  return { storageKey: key, width: meta.width, height: meta.height, widths: [...widths] }
}

/**
 * A small JPEG of a stored image, for files that carry their pictures inside them (the offline
 * edition): read from the narrowest stored variant, `width` pixels wide at most. JPEG, not WebP,
 * because the file may be opened years later in an old browser. Undefined when the stored file
 * is missing or unreadable: the caller shows the words instead.
 */
export async function smallJpeg(
  store: MediaStore,
  image: { storageKey: string; widths: readonly number[]; width: number },
  opts: { width: number; quality: number },
): Promise<Buffer | undefined> {
  const file = `${image.widths[0] ?? image.width}.webp`
  const p = store.resolve(image.storageKey, file)
  if (!p) return undefined
  const { default: sharp } = await import('sharp')
  try {
    return await sharp(p)
      .resize({ width: opts.width, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: opts.quality, mozjpeg: true })
      .toBuffer()
  } catch {
    return undefined
  }
}
