import type { App } from '../../src/app.js'
import type { ArticleInput } from '../../src/content/index.js'

export interface Basics {
  /** The time the app's clock said when these were made; articles default to an hour before. */
  now: Date
  sectionId: number
  otherSectionId: number
  authorId: number
  secondAuthorId: number
  agencyId: number
  topicIds: number[]
  imageId: number
}

let n = 0

/** The smallest newsroom a test needs: two sections, two authors, an agency, topics, an image. */
export async function seedBasics(
  app: Pick<App, 'content' | 'repo'>,
  now = new Date(),
): Promise<Basics> {
  const sectionId = await app.content.createSection({
    slug: 'world',
    name: 'World',
    description: 'News from everywhere.',
  })
  const otherSectionId = await app.content.createSection({
    slug: 'culture',
    name: 'Culture',
    position: 1,
  })
  const authorId = await app.content.createAuthor({
    slug: 'ana-petrova',
    name: 'Ana Petrova',
    role: 'Correspondent',
    bio: 'Covers the courts.',
  })
  const secondAuthorId = await app.content.createAuthor({
    slug: 'ivo-kral',
    name: 'Ivo Kral',
    role: 'Editor',
  })
  const agencyId = await app.content.createAgency({ slug: 'north-wire', name: 'North Wire' })
  const topicIds = [
    await app.content.createTopic({
      slug: 'elections',
      name: 'Elections',
      description: 'Votes and counts.',
    }),
    await app.content.createTopic({ slug: 'courts', name: 'Courts' }),
    await app.content.createTopic({ slug: 'energy', name: 'Energy' }),
  ]
  const imageId = await app.repo.insertImage(
    {
      storageKey: 'aaaaaaaaaaaaaaaaaaaa',
      alt: 'A river at dusk',
      caption: 'The river at Orlan.',
      credit: 'Mira Sol / The Lantern',
      width: 1600,
      height: 900,
      widths: [400, 800, 1200],
    },
    now,
  )
  return { now, sectionId, otherSectionId, authorId, secondAuthorId, agencyId, topicIds, imageId }
}

/** A valid published article; override any field. */
export function articleInput(b: Basics, overrides: Partial<ArticleInput> = {}): ArticleInput {
  n++
  return {
    sectionId: b.sectionId,
    headline: `Story number ${n} about the river`,
    standfirst: 'A short dek that says what happened.',
    body: '<p>First paragraph of the story, with several words in it.</p><p>Second paragraph.</p>',
    status: 'published',
    credits: [{ authorId: b.authorId }],
    topicIds: [b.topicIds[0]!],
    leadImageId: b.imageId,
    publishedAt: new Date(b.now.getTime() - 3600_000),
    ...overrides,
  }
}
