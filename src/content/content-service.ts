import { z } from 'zod'
import { AppError } from '../lib/errors.js'
import type { Clock } from '../lib/clock.js'
import { isSlug, slugify } from '../lib/slug.js'
import { bodyImageIds, bodyText, countWords, sanitizeBody, summarize } from './body.js'
import type { Article, Section } from './article.js'
import type { ContentRepository, NewCredit } from './content-repository.js'

/**
 * Names of what a rendered page depends on. A page records the keys it used; a change purges
 * exactly the pages holding its keys. `list` is every page that lists the newest articles
 * (home, site feeds, sitemaps); `all` is everything (navigation changed).
 */
export type ContentKey =
  | 'all'
  | 'list'
  | `article:${number}`
  | `section:${number}`
  | `topic:${number}`
  | `author:${number}`

const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null))

const CreditInput = z.union([
  z.object({ authorId: z.number().int().positive() }).strict(),
  z.object({ agencyId: z.number().int().positive() }).strict(),
  z.object({ guest: text(120) }).strict(),
])

export const ArticleInput = z.object({
  slug: z
    .string()
    .optional()
    .refine((s) => s === undefined || isSlug(s), 'use lowercase letters, digits and hyphens'),
  sectionId: z.number().int().positive(),
  kicker: optionalText(60),
  headline: text(300),
  standfirst: optionalText(600),
  body: z.string().max(1_000_000),
  status: z.enum(['draft', 'scheduled', 'published']),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or ru')
    .optional(),
  leadImageId: z.number().int().positive().nullish(),
  publishedAt: z.date().nullish(),
  credits: z.array(CreditInput).max(12).default([]),
  topicIds: z.array(z.number().int().positive()).max(12).default([]),
})
export type ArticleInput = z.input<typeof ArticleInput>

export interface ContentServiceDeps {
  repo: ContentRepository
  clock: Clock
  defaultLanguage: string
  /** Told which content keys changed, after the change is committed. */
  onChange?: (keys: ContentKey[]) => void
}

export function createContentService(deps: ContentServiceDeps) {
  const { repo, clock } = deps
  let sectionsMemo: Promise<Section[]> | null = null
  const changed = (keys: ContentKey[]) => deps.onChange?.([...new Set(keys)])

  function keysFor(a: Pick<Article, 'id' | 'section' | 'topics' | 'credits'>): ContentKey[] {
    return [
      `article:${a.id}`,
      'list',
      `section:${a.section.id}`,
      ...a.topics.map((t) => `topic:${t.id}` as const),
      ...a.credits.flatMap((c) => (c.kind === 'author' ? [`author:${c.author.id}` as const] : [])),
    ]
  }

  async function prepare(input: ArticleInput, exceptId?: number) {
    const parsed = ArticleInput.safeParse(input)
    if (!parsed.success) {
      throw new AppError('VALIDATION_FAILED', {
        status: 422,
        message: 'The article has problems',
        details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      })
    }
    const a = parsed.data
    const now = clock.now()
    const problems: string[] = []
    if (a.status === 'scheduled' && (!a.publishedAt || a.publishedAt <= now)) {
      problems.push('publishedAt: a scheduled article needs a publication time in the future')
    }
    const body = sanitizeBody(a.body)
    const plain = bodyText(body)
    const slug = a.slug ?? slugify(a.headline)
    if (await repo.slugExists(slug, exceptId)) {
      throw new AppError('SLUG_TAKEN', {
        status: 409,
        message: `Another article already uses the address "${slug}"`,
        details: ['slug: choose another'],
      })
    }
    const credits: NewCredit[] = a.credits.map((c) =>
      'authorId' in c
        ? { kind: 'author', authorId: c.authorId }
        : 'agencyId' in c
          ? { kind: 'agency', agencyId: c.agencyId }
          : { kind: 'guest', name: c.guest },
    )
    const refs = await Promise.all([
      repo.existingIds('section', [a.sectionId]),
      repo.existingIds(
        'author',
        credits.flatMap((c) => (c.kind === 'author' ? [c.authorId] : [])),
      ),
      repo.existingIds(
        'agency',
        credits.flatMap((c) => (c.kind === 'agency' ? [c.agencyId] : [])),
      ),
      repo.existingIds('topic', a.topicIds),
      repo.existingIds('image', [...(a.leadImageId ? [a.leadImageId] : []), ...bodyImageIds(body)]),
    ])
    if (!refs[0].has(a.sectionId)) problems.push(`sectionId: no section ${a.sectionId}`)
    for (const c of credits) {
      if (c.kind === 'author' && !refs[1].has(c.authorId))
        problems.push(`credits: no author ${c.authorId}`)
      if (c.kind === 'agency' && !refs[2].has(c.agencyId))
        problems.push(`credits: no agency ${c.agencyId}`)
    }
    for (const t of a.topicIds) if (!refs[3].has(t)) problems.push(`topicIds: no topic ${t}`)
    if (a.leadImageId && !refs[4].has(a.leadImageId))
      problems.push(`leadImageId: no image ${a.leadImageId}`)
    for (const id of bodyImageIds(body)) if (!refs[4].has(id)) problems.push(`body: no image ${id}`)
    if (problems.length) {
      throw new AppError(
        problems.some((p) => p.includes(': no ')) ? 'UNKNOWN_REFERENCE' : 'VALIDATION_FAILED',
        {
          status: 422,
          message: 'The article has problems',
          details: problems,
        },
      )
    }
    const publishedAt = a.status === 'draft' ? (a.publishedAt ?? null) : (a.publishedAt ?? now)
    return {
      row: {
        slug,
        sectionId: a.sectionId,
        kicker: a.kicker,
        headline: a.headline,
        standfirst: a.standfirst,
        body,
        summary: summarize(a.standfirst, plain),
        wordCount: countWords(plain),
        status: a.status,
        language: a.language ?? deps.defaultLanguage,
        leadImageId: a.leadImageId ?? null,
        publishedAt,
        updatedAt: now,
        createdAt: now,
      },
      credits,
      topicIds: [...new Set(a.topicIds)],
    }
  }

  return {
    listSections(): Promise<Section[]> {
      sectionsMemo ??= repo.listSections().catch((e: unknown) => {
        sectionsMemo = null
        throw e
      })
      return sectionsMemo
    },

    async createSection(s: {
      slug: string
      name: string
      description?: string
      position?: number
    }) {
      const id = await repo.insertSection({
        slug: s.slug,
        name: s.name,
        description: s.description ?? '',
        position: s.position ?? 0,
      })
      sectionsMemo = null
      changed(['all'])
      return id
    },

    async createArticle(input: ArticleInput): Promise<Article> {
      const p = await prepare(input)
      const id = await repo.insertArticle(p.row, p.credits, p.topicIds)
      const saved = (await repo.findArticleById(id))!
      changed(keysFor(saved))
      return saved
    },

    /** Replaces an article's content. `updatedAt` moves; the first publication time stays. */
    async updateArticle(id: number, input: ArticleInput): Promise<Article> {
      const before = await repo.findArticleById(id)
      if (!before) throw new AppError('NOT_FOUND', { status: 404, message: `No article ${id}` })
      const p = await prepare(input, id)
      const row = {
        ...p.row,
        publishedAt: input.publishedAt ?? before.publishedAt ?? p.row.publishedAt,
      }
      await repo.updateArticle(id, row, p.credits, p.topicIds)
      const after = (await repo.findArticleById(id))!
      changed([...keysFor(before), ...keysFor(after)])
      return after
    },

    /**
     * Publishes every scheduled article whose time has come. Returns when the next one is due,
     * so the caller can sleep exactly that long.
     */
    async publishDue(): Promise<{ published: number[]; next: Date | null }> {
      const ids = await repo.promoteDue(clock.now())
      if (ids.length) {
        const keys: ContentKey[] = []
        for (const id of ids) {
          const a = await repo.findArticleById(id)
          if (a) keys.push(...keysFor(a))
        }
        changed(keys)
      }
      return { published: ids, next: await repo.nextScheduledAt() }
    },
  }
}

export type ContentService = ReturnType<typeof createContentService>
