import type { Image } from '../../content/index.js'
import type { EditionData } from './edition-data.js'

/** Every picture in the file is this wide at most, and this JPEG quality (ADR 021). */
export const PICTURE = { width: 400, quality: 50 } as const

/** The whole file may not be larger than this: 2 MB, what a messenger or an email carries. */
export const MAX_BYTES = 2_000_000

/** Bytes of an <img> tag around its data URI, and the room kept for rounding. */
const TAG_BYTES = 200

/** A picture's bytes, or undefined when its file cannot be read. */
export type MakePicture = (image: Image) => Promise<Buffer | undefined>

/** The images of an edition in the order they earn room: every lead photo, then body images. */
export function picturesInOrder(data: Pick<EditionData, 'stories' | 'bodyImages'>): Image[] {
  const leads = data.stories.flatMap((a) => (a.leadImage ? [a.leadImage] : []))
  const inBodies = data.stories.flatMap((a) =>
    [...a.body.matchAll(/<figure data-image-id="([0-9]+)">/g)].flatMap((m) => {
      const img = data.bodyImages.get(Number(m[1]))
      return img ? [img] : []
    }),
  )
  return [...leads, ...inBodies]
}

/**
 * Data URIs for as many pictures as `room` bytes hold, in the order given; a picture used twice
 * costs twice, as it is written twice. Pictures left out (no room, or no file) are shown by their
 * words: alt text, caption and credit.
 */
export async function inlinePictures(
  images: readonly Image[],
  room: number,
  make: MakePicture,
): Promise<Map<number, string>> {
  const uses = new Map<number, number>()
  for (const img of images) uses.set(img.id, (uses.get(img.id) ?? 0) + 1)
  const uris = new Map<number, string>()
  let left = room
  for (const [id, count] of uses) {
    const img = images.find((i) => i.id === id)!
    const bytes = await make(img)
    if (!bytes) continue
    const uri = `data:image/jpeg;base64,${bytes.toString('base64')}`
    const cost = (uri.length + TAG_BYTES) * count
    if (cost > left) continue
    uris.set(id, uri)
    left -= cost
  }
  return uris
}
