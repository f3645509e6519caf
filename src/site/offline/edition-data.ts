import { type Article, type Image, bodyImageIds, isVisibleToReaders } from '../../content/index.js'
import type { ReachAddress, ReachService } from '../../reach/index.js'
import {
  type PageDeps,
  editionNames,
  languagesOf,
  listLanguage,
  named,
} from '../pages/page-deps.js'

/** Stories an offline edition holds when nobody says otherwise, and at most. */
export const DEFAULT_STORIES = 20
export const MAX_STORIES = 50

/** What one offline edition is made from: no HTML, no Fastify, no image bytes. */
export interface EditionData {
  siteName: string
  /** The edition's language: the file's words and the stories in it. */
  language: string
  /** SITE_LANGUAGES: a story's address carries its language's prefix. */
  languages: readonly string[]
  /** TIME_ZONE: the times in the file are the newsroom's. */
  timeZone: string
  madeAt: Date
  /** The newest published stories, newest first. */
  stories: Article[]
  /** Every image the stories' bodies name, by id. */
  bodyImages: Map<number, Image>
  addresses: readonly ReachAddress[]
  listUpdatedAt: Date | null
  publicKey: string | null
  /** Where a story can be read online: the main address's origin, else PUBLIC_URL's. */
  origin: string | null
  /** The page-cache keys the file depends on: a change to any of them purges it. */
  keys: string[]
}

/**
 * The newest published stories, whole, and the newsroom's addresses. The newest, not the last
 * newsletter edition's: a reader handed this file wants what happened last, and an edition can
 * be a week old (ADR 021).
 */
export async function loadEditionData(
  deps: PageDeps,
  reach: Pick<ReachService, 'list' | 'publicKey'>,
  o: { stories: number; publicUrl?: string | undefined },
): Promise<EditionData> {
  const now = deps.clock.now()
  // The edition's own stories (ADR 026); every story on a site of one language.
  const [{ items }, list, names] = await Promise.all([
    deps.repo.listPublished(
      { kind: 'all', language: listLanguage(deps) },
      { limit: o.stories, offset: 0 },
      now,
    ),
    reach.list(),
    editionNames(deps),
  ])
  const whole = await Promise.all(
    items.slice(0, o.stories).map((a) => deps.repo.findArticleById(a.id)),
  )
  // Read apart from the list: one taken down between the two reads is left out, not shown.
  const stories = whole
    .filter((a): a is Article => !!a && isVisibleToReaders(a, now))
    // Sections named as the edition names them.
    .map((a) => ({ ...a, section: named(a.section, 'section', names) }))
  const bodyImages = await deps.repo.imagesById([
    ...new Set(stories.flatMap((a) => bodyImageIds(a.body))),
  ])
  const primary = list.addresses.find((a) => a.kind === 'primary')?.value ?? o.publicUrl
  return {
    siteName: deps.site.name,
    language: deps.site.language,
    languages: languagesOf(deps),
    timeZone: deps.site.timeZone ?? 'UTC',
    madeAt: now,
    stories,
    bodyImages,
    addresses: list.addresses,
    listUpdatedAt: list.updatedAt,
    publicKey: reach.publicKey,
    origin: primary ? new URL(primary).origin : null,
    // `list`: a newer story changes which ones the file holds; `reach`: the addresses in it.
    keys: ['list', 'reach', ...stories.map((a) => `article:${a.id}`)],
  }
}
