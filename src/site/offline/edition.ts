import { type MediaStore, smallJpeg } from '../../files/index.js'
import { slugify } from '../../lib/slug.js'
import type { ReachService } from '../../reach/index.js'
import type { PageDeps } from '../pages/page-deps.js'
import { DEFAULT_STORIES, type EditionData, loadEditionData } from './edition-data.js'
import {
  type MakePicture,
  MAX_BYTES,
  PICTURE,
  inlinePictures,
  picturesInOrder,
} from './edition-images.js'
import { renderEdition } from './edition-view.js'

/** One offline edition, ready to send as a file. */
export interface OfflineEdition {
  /** `<site-slug>-<YYYY-MM-DD>.html`, the day it was made (UTC). */
  filename: string
  html: string
  /** The file's size in bytes (UTF-8), never above 2 MB. */
  bytes: number
  /** How many stories it holds. */
  stories: number
  madeAt: Date
  /** The page-cache keys it was made from. */
  keys: string[]
}

export interface OfflineEditions {
  /**
   * The newest `stories` (default 20) published stories of one language's edition (default the
   * first) and the addresses, as one file in that language.
   */
  build(opts?: { stories?: number; language?: string | undefined }): Promise<OfflineEdition>
  /** SITE_LANGUAGES: the languages a file can be made in, the first the default. */
  languages: readonly string[]
}

export interface OfflineEditionDeps {
  /** The first edition's page dependencies. */
  deps: PageDeps
  /** Every edition's, by language (ADR 026); only the first's when absent. */
  editions?: ReadonlyMap<string, PageDeps>
  reach: Pick<ReachService, 'list' | 'publicKey'>
  media: MediaStore
  publicUrl?: string | undefined
  /**
   * Bumped by every purge (the page cache's generation): the default edition is made again
   * only after one, so /reach can name its size without making it on every request.
   */
  generation?: () => number
}

/** How long a made edition is reused at most, as long as the page cache keeps a page. */
const KEPT_MS = 10 * 60_000
/** Small JPEGs kept in memory: a stored image never changes under its key. */
const PICTURES_KEPT = 200

export function createOfflineEditions(o: OfflineEditionDeps): OfflineEditions {
  const pictures = new Map<string, Buffer>()
  const makePicture: MakePicture = async (img) => {
    const known = pictures.get(img.storageKey)
    if (known) return known
    const made = await smallJpeg(o.media, img, PICTURE)
    if (made) {
      if (pictures.size >= PICTURES_KEPT) pictures.delete(pictures.keys().next().value!)
      pictures.set(img.storageKey, made)
    }
    return made
  }
  type Kept = { generation: number; at: number; edition: Promise<OfflineEdition> }
  // One default file per language.
  const kept = new Map<string, Kept>()
  const first = o.deps.site.language
  const editions = o.editions ?? new Map([[first, o.deps]])

  async function make(deps: PageDeps, stories: number): Promise<OfflineEdition> {
    const data = await loadEditionData(deps, o.reach, { stories, publicUrl: o.publicUrl })
    return assemble(data, makePicture)
  }

  return {
    languages: [...editions.keys()],
    build(opts = {}) {
      const stories = opts.stories ?? DEFAULT_STORIES
      const language = opts.language ?? first
      const deps = editions.get(language)
      if (!deps) return Promise.reject(new Error(`no edition in ${language}`))
      if (stories !== DEFAULT_STORIES || !o.generation) return make(deps, stories)
      const generation = o.generation()
      const now = o.deps.clock.now().getTime()
      const k = kept.get(language)
      if (k && k.generation === generation && now - k.at < KEPT_MS) return k.edition
      const edition = make(deps, stories)
      kept.set(language, { generation, at: now, edition })
      // A failed build is not kept: the next request tries again.
      edition.catch(() => {
        if (kept.get(language)?.edition === edition) kept.delete(language)
      })
      return edition
    },
  }
}

/** The site's name in a file name; a name slugify cannot spell (Chinese, Arabic…) is "edition". */
function fileSlug(name: string): string {
  const slug = slugify(name)
  return slug === 'untitled' ? 'edition' : slug
}

/**
 * The file, inside MAX_BYTES: the words first, then pictures while they fit (ADR 021). Stories
 * are dropped from the end only if their words alone are too many.
 */
export async function assemble(data: EditionData, make: MakePicture): Promise<OfflineEdition> {
  let shown = data
  let words = renderEdition(shown, new Map())
  while (Buffer.byteLength(words) > MAX_BYTES && shown.stories.length > 1) {
    shown = { ...shown, stories: shown.stories.slice(0, -1) }
    words = renderEdition(shown, new Map())
  }
  const room = MAX_BYTES - Buffer.byteLength(words)
  const uris = await inlinePictures(picturesInOrder(shown), room, make)
  const full = uris.size ? renderEdition(shown, uris) : words
  // The room per picture is an estimate: past the limit, the file goes without pictures.
  const html = Buffer.byteLength(full) <= MAX_BYTES ? full : words
  const kept = new Set(shown.stories.map((a) => `article:${a.id}`))
  // Another edition's file says its language in its name: both can sit in one folder.
  const tag = data.languages[0] === data.language ? '' : `-${data.language.toLowerCase()}`
  return {
    filename: `${fileSlug(data.siteName)}${tag}-${data.madeAt.toISOString().slice(0, 10)}.html`,
    html,
    bytes: Buffer.byteLength(html),
    stories: shown.stories.length,
    madeAt: data.madeAt,
    keys: data.keys.filter((k) => !k.startsWith('article:') || kept.has(k)),
  }
}
