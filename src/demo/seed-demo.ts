import { escapeXml } from '../lib/text.js'
import { storeImageVariants } from '../files/index.js'
import {
  agencies,
  articles,
  authors,
  type DemoArticle,
  type DemoBlock,
  sections,
  topics,
} from './demo-content.js'
import { demoPhoto } from './demo-images.js'
import { seedDemoGifts, seedDemoReaders } from './demo-history.js'
import { seedRussianEdition } from './seed-demo-ru.js'
import { type SeedDeps, seedWeeklyDraft } from './seed-deps.js'

export type { SeedDeps }

export interface SeedOptions {
  /** Total articles to write; past the 60 demo stories they repeat with new addresses (benchmarks). */
  articles?: number
  /** Distinct generated photos to share between articles. */
  photos?: number
  onProgress?: (done: number, total: number) => void
}

/** Invented addresses on reserved names (.example), and an onion name that leads nowhere. */
const DEMO_ADDRESSES = [
  { kind: 'primary', label: '', value: 'https://lantern.example/' },
  { kind: 'mirror', label: 'Mirror in Europe', value: 'https://lantern-eu.example/' },
  { kind: 'mirror', label: '', value: 'https://read.lantern-news.example/' },
  {
    kind: 'onion',
    label: '',
    value: 'http://lanternvaresia2exile3news4mirror5demo6address7onlyabcdxd.onion/',
  },
  { kind: 'feed', label: 'All stories (RSS)', value: 'https://lantern.example/feed.xml' },
  { kind: 'newsletter', label: 'The Lantern Weekly', value: 'https://lantern.example/newsletters' },
  { kind: 'other', label: 'Messenger channel', value: '@lantern_varesia' },
]

const HOUR = 3600_000
const DEMO_SPAN_HOURS = 24 * 61

/**
 * Writes the demo publication: sections, staff, agencies, topics, photos and articles, all
 * invented here. Meant for an empty database (`masthead seed --demo`).
 */
export async function seedDemo(
  deps: SeedDeps,
  opts: SeedOptions = {},
): Promise<{ articles: number }> {
  const total = opts.articles ?? articles.length
  const now = deps.clock.now().getTime()
  const sectionIds = new Map<string, number>()
  for (const [i, s] of sections.entries()) {
    sectionIds.set(s.slug, await deps.content.createSection({ ...s, position: i }))
  }
  const authorIds = new Map<string, number>()
  for (const a of authors) authorIds.set(a.slug, await deps.content.createAuthor(a))
  const agencyIds = new Map<string, number>()
  for (const a of agencies) agencyIds.set(a.slug, await deps.content.createAgency(a))
  if (deps.contributions)
    await deps.contributions.saveAppeal(deps.contributions.draftAppeal(deps.language ?? 'en'))
  const weekly = await deps.newsletters?.createNewsletter({
    slug: 'weekly',
    name: 'The Lantern Weekly',
    description:
      'The editors’ pick of the week’s news, features and analysis from and about Varesia.',
    cadence: 'Weekly, every Friday',
    language: 'en',
  })
  await deps.reach?.save(DEMO_ADDRESSES)
  const topicIds = new Map<string, number>()
  for (const t of topics) topicIds.set(t.slug, await deps.content.createTopic(t))

  // One stored photo per distinct picture; captions differ per use, so each use is its own row.
  const photoCount = Math.min(opts.photos ?? articles.length + 12, articles.length + 12)
  const photoFiles: Awaited<ReturnType<typeof storeImageVariants>>[] = []
  for (let i = 0; i < photoCount; i++) {
    photoFiles.push(await storeImageVariants(deps.media, await demoPhoto(i + 1)))
  }
  let photoCursor = 0
  const nextPhoto = () => photoFiles[photoCursor++ % photoFiles.length]!

  const write = async (base: DemoArticle, slug: string, hoursAgo: number, withUpdate: boolean) => {
    const lead = await deps.repo.insertImage({ ...nextPhoto(), ...base.lead }, new Date(now))
    const body = await bodyHtml(base.body, async (img) =>
      deps.repo.insertImage({ ...nextPhoto(), ...img }, new Date(now)),
    )
    const publishedAt = new Date(now - hoursAgo * HOUR)
    const a = await deps.content.createArticle({
      slug,
      sectionId: sectionIds.get(base.section)!,
      kicker: base.kicker ?? null,
      headline: base.headline,
      standfirst: base.standfirst ?? null,
      body,
      status: 'published',
      language: base.language ?? 'en',
      leadImageId: lead,
      publishedAt,
      credits: base.credits.map((c) =>
        'author' in c
          ? { authorId: authorIds.get(c.author)! }
          : 'agency' in c
            ? { agencyId: agencyIds.get(c.agency)! }
            : { guest: c.guest },
      ),
      topicIds: base.topics.map((t) => topicIds.get(t)!),
    })
    if (base.updatedHoursAfter && withUpdate) await markUpdated(deps, a, base.updatedHoursAfter)
    return a.id
  }

  const articleIds = new Map<string, number>()
  for (let n = 0; n < total; n++) {
    const base = articles[n % articles.length]!
    const round = Math.floor(n / articles.length)
    // Repeats (benchmarks) are spread further back in time, so every article has its own date.
    // Each repeat a quarter of an hour older than the one before, after the demo's own two
    // months: a million articles still fit after 1970.
    const hoursAgo = round ? DEMO_SPAN_HOURS + (n - articles.length) * 0.25 : base.hoursAgo
    const id = await write(base, round ? `${base.slug}-${round + 1}` : base.slug, hoursAgo, !round)
    if (!round) articleIds.set(base.slug, id)
    opts.onProgress?.(n + 1, total)
  }
  const russian = !deps.languages?.includes('ru')
    ? 0
    : await seedRussianEdition(deps, {
        sectionIds,
        topicIds,
        articleIds,
        write: (base) => write(base, base.slug, base.hoursAgo, true),
      })
  // The dashboards' history: readers and gifts over the last months, all marked as the demo's.
  if (weekly && deps.subscribers) await seedDemoReaders(deps.subscribers, weekly, now)
  if (deps.contributions) await seedDemoGifts(deps.contributions, deps.languages ?? ['en'], now)
  if (weekly)
    await seedWeeklyDraft(deps, weekly, {
      subject: 'The Lantern Weekly: the stories of the week',
      intro:
        'Dear reader,\n\nThis is a draft the demo prepared from the week’s stories. Change the order, write a line about each, send yourself a test, then send it.',
    })
  return { articles: total + russian }
}

/** Gives a demo story a later "Updated" time, as an editor's correction would. */
async function markUpdated(
  deps: SeedDeps,
  a: Awaited<ReturnType<SeedDeps['content']['createArticle']>>,
  hoursAfter: number,
) {
  const publishedAt = a.publishedAt!
  await deps.repo.updateArticle(
    a.id,
    {
      slug: a.slug,
      sectionId: a.section.id,
      kicker: a.kicker,
      headline: a.headline,
      standfirst: a.standfirst,
      body: a.body,
      summary: a.summary,
      wordCount: a.wordCount,
      status: a.status,
      language: a.language,
      leadImageId: a.leadImage?.id ?? null,
      publishedAt,
      updatedAt: new Date(publishedAt.getTime() + hoursAfter * HOUR),
      createdAt: publishedAt,
    },
    a.credits.map((c) =>
      c.kind === 'author'
        ? { kind: 'author', authorId: c.author.id }
        : c.kind === 'agency'
          ? { kind: 'agency', agencyId: c.agency.id }
          : { kind: 'guest', name: c.name },
    ),
    a.topics.map((t) => t.id),
  )
}

async function bodyHtml(
  blocks: DemoArticle['body'],
  addImage: (img: { alt: string; caption: string; credit: string }) => Promise<number>,
): Promise<string> {
  const out: string[] = []
  for (const b of blocks as DemoBlock[]) {
    if (typeof b === 'string') out.push(`<p>${escapeXml(b)}</p>`)
    else if ('h2' in b) out.push(`<h2>${escapeXml(b.h2)}</h2>`)
    else if ('quote' in b)
      out.push(
        `<blockquote><p>${escapeXml(b.quote)}</p>${b.cite ? `<cite>${escapeXml(b.cite)}</cite>` : ''}</blockquote>`,
      )
    else out.push(`<figure data-image-id="${await addImage(b.image)}"></figure>`)
  }
  return out.join('\n')
}
