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
