import { type Kysely, sql } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { Image } from '../article.js'
import { containsPattern, toImage } from './rows.js'

/** The media library's images and their words (alt text, caption, credit). */
export interface ImageRepository {
  /** The images with these ids that exist; a missing id is simply absent from the map. */
  imagesById(ids: readonly number[]): Promise<Map<number, Image>>
  insertImage(img: Omit<Image, 'id'>, now: Date): Promise<number>
  /** The media library: newest first, searched by caption, credit or alt text. */
  searchImages(q: string, limit: number): Promise<Image[]>
  /** Removes an image row that nothing uses yet (a photo uploaded with a refused save). */
  deleteImage(id: number): Promise<void>
}

export function createImageRepository(db: Kysely<Database>): ImageRepository {
  return {
    async deleteImage(id) {
      await db.deleteFrom('image').where('id', '=', id).execute()
    },

    async imagesById(ids) {
      const unique = [...new Set(ids)]
      if (unique.length === 0) return new Map()
      const rows = await db.selectFrom('image').selectAll().where('id', 'in', unique).execute()
      return new Map(rows.map((r) => [r.id, toImage(r)]))
    },

    async insertImage(img, now) {
      const r = await db
        .insertInto('image')
        .values({
          storage_key: img.storageKey,
          alt: img.alt,
          caption: img.caption,
          credit: img.credit,
          width: img.width,
          height: img.height,
          widths: JSON.stringify(img.widths),
          created_at: now.getTime(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return r.id
    },

    async searchImages(q, limit) {
      let query = db.selectFrom('image').selectAll().orderBy('id', 'desc').limit(limit)
      if (q.trim()) {
        const pattern = containsPattern(q.trim())
        query = query.where((eb) =>
          eb.or([
            sql<boolean>`lower(caption) like ${pattern} escape '\\'`,
            sql<boolean>`lower(credit) like ${pattern} escape '\\'`,
            sql<boolean>`lower(alt) like ${pattern} escape '\\'`,
          ]),
        )
      }
      return (await query.execute()).map(toImage)
    },
  }
}
