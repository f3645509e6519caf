import { z } from 'zod'
import { AppError } from '../lib/errors.js'
import { isUniqueViolation } from '../storage/index.js'
import type { Clock } from '../lib/clock.js'
import { isSlug, slugify } from '../lib/slug.js'
import { bodyImageIds, bodyText, countWords, sanitizeBody, summarize } from './body.js'
import { inputFromSnapshot, snapshotOf } from './revision.js'
import { type Article, type PublicationRefusal, type Section, publicationTime } from './article.js'

const PUBLICATION_PROBLEMS: Record<PublicationRefusal, string> = {
  'scheduled-needs-future-time': 'a scheduled article needs a publication time in the future',
  'published-in-future': 'a future time needs the status "scheduled"',
  'out-of-range': 'use a date between the years 1970 and 9999',
}
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
  status: z.enum(['draft', 'review', 'scheduled', 'published', 'unpublished']),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or ru')
    .optional(),
  leadImageId: z.number().int().positive().nullish(),
  publishedAt: z.date().nullish(),
  /** When a published article comes down by itself; must be in the future. */
  unpublishAt: z.date().nullish(),
  credits: z.array(CreditInput).max(12).default([]),
  topicIds: z.array(z.number().int().positive()).max(12).default([]),
})
export type ArticleInput = z.input<typeof ArticleInput>

const slugField = z
  .string()
  .refine(isSlug, 'use lowercase letters, digits and hyphens (at most 80)')

const SectionInput = z.object({
  slug: slugField,
  name: text(80),
  description: z.string().trim().max(600).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
})
export type SectionInput = z.input<typeof SectionInput>

const AuthorInput = z.object({
  slug: slugField,
  name: text(120),
  role: z.string().trim().max(120).optional(),
  bio: z.string().trim().max(2000).optional(),
})
export type AuthorInput = z.input<typeof AuthorInput>

const AgencyInput = z.object({
  slug: slugField,
  name: text(120),
  url: z
    .string()
    .url()
    .refine((u) => /^https?:/.test(u), 'must be an http(s) address')
    .nullish(),
})
export type AgencyInput = z.input<typeof AgencyInput>

const ImageWords = z.object({
  alt: z
    .string()
    .trim()
    .min(1, 'describe what the picture shows, for readers who cannot see it')
    .max(500),
  caption: z.string().trim().max(1000),
  credit: z.string().trim().max(200),
})

const CorrectionText = z.string().trim().min(1, 'write what was wrong and what is right').max(2000)

const TopicInput = z.object({
  slug: slugField,
  name: text(120),
  description: z.string().trim().max(600).optional(),
})
export type TopicInput = z.input<typeof TopicInput>

/** Runs a write; a duplicate slug (two saves racing past the check) becomes SLUG_TAKEN. */
async function uniquely<T>(write: () => Promise<T>, what: string): Promise<T> {
  try {
    return await write()
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('SLUG_TAKEN', {
        status: 409,
        message: `That address is already used by another ${what}`,
        details: ['slug: choose another'],
        cause: err,
      })
    }
    throw err
  }
}

export type TaxonomyKind = 'section' | 'topic' | 'author' | 'agency'

const TAXONOMY_SCHEMAS: Record<TaxonomyKind, z.ZodType> = {
  section: SectionInput,
  topic: TopicInput,
  author: AuthorInput,
  agency: AgencyInput,
}

function parseOrThrow<T extends z.ZodType>(
  schema: T,
  input: unknown,
  message: string,
): z.output<T> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  throw new AppError('VALIDATION_FAILED', {
    status: 422,
    message,
    details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
  })
}

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

  async function recordRevision(a: Article, staffId: number | null) {
    await repo.insertRevision({
      articleId: a.id,
      savedAt: a.updatedAt,
      staffId,
      snapshot: JSON.stringify(snapshotOf(a)),
    })
  }

  function keysFor(a: Pick<Article, 'id' | 'section' | 'topics' | 'credits'>): ContentKey[] {
    return [
      `article:${a.id}`,
      'list',
      `section:${a.section.id}`,
      ...a.topics.map((t) => `topic:${t.id}` as const),
      ...a.credits.flatMap((c) => (c.kind === 'author' ? [`author:${c.author.id}` as const] : [])),
    ]
  }

  async function prepare(input: ArticleInput, before?: Article) {
    const exceptId = before?.id
    const a = parseOrThrow(ArticleInput, input, 'The article has problems')
    const now = clock.now()
    const problems: string[] = []
    const when = publicationTime(a.status, a.publishedAt, before?.publishedAt ?? null, now)
    if (when && 'refused' in when)
      problems.push(`publishedAt: ${PUBLICATION_PROBLEMS[when.refused]}`)
    const publishedAt = when && 'refused' in when ? null : when
    const unpublishAt = a.unpublishAt ?? null
    if (unpublishAt && (unpublishAt <= now || (publishedAt && unpublishAt <= publishedAt))) {
      problems.push('unpublishAt: a takedown time must be in the future and after publication')
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
        unpublishAt,
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

    async createSection(input: SectionInput): Promise<number> {
      const s = parseOrThrow(SectionInput, input, 'The section has problems')
      const id = await uniquely(
        () =>
          repo.insertSection({ ...s, description: s.description ?? '', position: s.position ?? 0 }),
        'section',
      )
      sectionsMemo = null
      changed(['all'])
      return id
    },

    /** Staff author with a profile page. New names can appear anywhere, so everything purges. */
    async createAuthor(input: AuthorInput): Promise<number> {
      const a = parseOrThrow(AuthorInput, input, 'The author has problems')
      const id = await uniquely(
        () => repo.insertAuthor({ ...a, role: a.role ?? '', bio: a.bio ?? '' }, clock.now()),
        'author',
      )
      changed(['all'])
      return id
    },

    async createAgency(input: AgencyInput): Promise<number> {
      const a = parseOrThrow(AgencyInput, input, 'The agency has problems')
      const id = await uniquely(() => repo.insertAgency({ ...a, url: a.url ?? null }), 'agency')
      changed(['all'])
      return id
    },

    async createTopic(input: TopicInput): Promise<number> {
      const t = parseOrThrow(TopicInput, input, 'The topic has problems')
      const id = await uniquely(
        () => repo.insertTopic({ ...t, description: t.description ?? '' }),
        'topic',
      )
      changed(['all'])
      return id
    },

    /**
     * Records an uploaded image with its words. Alt text is required: a blind reader has
     * nothing else. Caption and credit are kept apart, as the reader page shows them.
     */
    async createImage(
      files: { storageKey: string; width: number; height: number; widths: number[] },
      words: { alt: string; caption: string; credit: string },
    ): Promise<number> {
      const w = parseOrThrow(ImageWords, words, 'The image needs its words')
      return repo.insertImage({ ...files, ...w }, clock.now())
    },

    /**
     * Changes a section, topic, author or agency. Names show on many pages (navigation, bylines,
     * topic links), so every cached page goes.
     */
    async updateTaxonomy(
      kind: TaxonomyKind,
      id: number,
      input: Record<string, unknown>,
    ): Promise<void> {
      const schema = TAXONOMY_SCHEMAS[kind]
      const v = parseOrThrow(schema, input, `The ${kind} has problems`) as Record<
        string,
        string | number | null
      >
      const ok = await uniquely(() => repo.updateTaxonomy(kind, id, v, clock.now()), kind)
      if (!ok) throw new AppError('NOT_FOUND', { status: 404, message: `No ${kind} ${id}` })
      if (kind === 'section') sectionsMemo = null
      changed(['all'])
    },

    /** Another instance changed content: forget what this one remembers about it. */
    forget(keys: readonly string[]) {
      if (keys.includes('all')) sectionsMemo = null
    },

    async createArticle(input: ArticleInput, meta: { createdBy?: number } = {}): Promise<Article> {
      const p = await prepare(input)
      const row = { ...p.row, createdBy: meta.createdBy ?? null }
      const id = await uniquely(() => repo.insertArticle(row, p.credits, p.topicIds), 'article')
      const saved = (await repo.findArticleById(id))!
      await recordRevision(saved, meta.createdBy ?? null)
      changed(keysFor(saved))
      return saved
    },

    /**
     * Replaces an article's content. `updatedAt` moves; the first publication time stays.
     *
     * @param expectedVersion the `updatedAt` the editor started from: if someone saved since,
     *   nothing is written and EDIT_CONFLICT says so (never a silent overwrite).
     */
    async updateArticle(
      id: number,
      input: ArticleInput,
      expectedVersion?: number,
      meta: { staffId?: number } = {},
    ): Promise<Article> {
      const before = await repo.findArticleById(id)
      if (!before) throw new AppError('NOT_FOUND', { status: 404, message: `No article ${id}` })
      if (expectedVersion !== undefined && before.updatedAt.getTime() !== expectedVersion) {
        throw new AppError('EDIT_CONFLICT', {
          status: 409,
          message: `Someone saved this article at ${before.updatedAt.toISOString()}, after you opened it`,
        })
      }
      const p = await prepare(input, before)
      const written = await uniquely(
        () => repo.updateArticle(id, p.row, p.credits, p.topicIds, expectedVersion),
        'article',
      )
      if (!written) {
        throw new AppError('EDIT_CONFLICT', {
          status: 409,
          message: 'Someone saved this article while you were editing it',
        })
      }
      const after = (await repo.findArticleById(id))!
      await recordRevision(after, meta.staffId ?? null)
      // Saved for real: the kept copy has done its work.
      await repo.deleteAutosave(id)
      changed([...keysFor(before), ...keysFor(after)])
      return after
    },

    listRevisions: (articleId: number) => repo.listRevisions(articleId, 100),

    /** Keeps the editor's unsaved text on the server; nothing readers see changes. */
    async autosave(articleId: number, staffId: number, text: { headline: string; body: string }) {
      if (text.body.length > 1_000_000 || text.headline.length > 1000) {
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'Too long to keep',
          details: ['body: too long'],
        })
      }
      await repo.putAutosave({ articleId, staffId, savedAt: clock.now(), ...text })
    },
    findAutosave: (articleId: number) => repo.findAutosave(articleId),
    findRevision: (articleId: number, revisionId: number) =>
      repo.findRevision(articleId, revisionId),

    /** Saves an old version as the newest one (the current status stays). A new revision records it. */
    async restoreRevision(articleId: number, revisionId: number, meta: { staffId?: number } = {}) {
      const [current, rev] = await Promise.all([
        repo.findArticleById(articleId),
        repo.findRevision(articleId, revisionId),
      ])
      if (!current || !rev)
        throw new AppError('NOT_FOUND', { status: 404, message: 'No such version' })
      const input = inputFromSnapshot(rev.snapshot, current.status)
      // The publication time and takedown stay as they are now: restoring words, not history.
      return this.updateArticle(
        articleId,
        { ...input, publishedAt: current.publishedAt, unpublishAt: current.unpublishAt },
        current.updatedAt.getTime(),
        meta,
      )
    },

    /** Appends a correction or an update note to a published article, shown to readers. */
    async addCorrection(articleId: number, kind: 'correction' | 'update', text: string) {
      const article = await repo.findArticleById(articleId)
      if (!article)
        throw new AppError('NOT_FOUND', { status: 404, message: `No article ${articleId}` })
      const t = parseOrThrow(CorrectionText, text, 'The note has problems')
      await repo.insertCorrection({ articleId, at: clock.now(), kind, text: t })
      changed(keysFor(article))
    },

    /**
     * Publishes every scheduled article whose time has come. Returns when the next one is due,
     * so the caller can sleep exactly that long.
     */
    async publishDue(): Promise<{ published: number[]; unpublished: number[]; next: Date | null }> {
      const published = await repo.promoteDue(clock.now())
      const unpublished = await repo.unpublishDue(clock.now())
      const ids = [...published, ...unpublished]
      if (ids.length) {
        const keys: ContentKey[] = []
        for (const id of ids) {
          const a = await repo.findArticleById(id)
          if (a) keys.push(...keysFor(a))
        }
        changed(keys)
      }
      return { published, unpublished, next: await repo.nextScheduledAt() }
    },
  }
}

export type ContentService = ReturnType<typeof createContentService>
