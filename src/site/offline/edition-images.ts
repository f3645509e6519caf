import { type Image, bodyImageIds } from '../../content/index.js'
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
    bodyImageIds(a.body).flatMap((id) => {
      const img = data.bodyImages.get(id)
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
  const uses = new Map<number, { img: Image; count: number }>()
  for (const img of images) {
    const u = uses.get(img.id)
    if (u) u.count++
    else uses.set(img.id, { img, count: 1 })
  }
  const uris = new Map<number, string>()
  let left = room
  for (const [id, { img, count }] of uses) {
    // No picture fits in what is left: stop before making (resizing) any more of them.
    if (left <= TAG_BYTES * count) break
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
