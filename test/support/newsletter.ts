import { createNewsletterRepository } from '../../src/newsletter/newsletter-repository.js'
import type { SubscriptionStatus } from '../../src/newsletter/newsletter.js'
import type { Storage } from '../../src/storage/index.js'
import type { App } from '../../src/app.js'
import { articleInput, seedBasics } from './factories.js'

/**
 * Rows the newsletter's storage tests stand on, written through the newsletter repository
 * (sign-up and confirmation are tested with the service, not here).
 */
export async function addNewsletter(storage: Storage, slug: string, now: Date): Promise<number> {
  return createNewsletterRepository(storage.db).insertNewsletter(
    { slug, name: slug, description: '', cadence: '', language: 'en' },
    now,
  )
}

/**
 * A subscriber with one subscription in the given state, reached as a reader would (pending,
 * then confirmed, then perhaps left), so its times are set; returns the subscriber's id.
 */
export async function addSubscription(
  storage: Storage,
  newsletterId: number,
  email: string,
  status: SubscriptionStatus,
  now: Date,
): Promise<number> {
  const repo = createNewsletterRepository(storage.db)
  const sub = await repo.subscriberId(email, now)
  await repo.saveSubscription({
    subscriberId: sub,
    newsletterId,
    status: 'pending',
    consentText: 'test consent',
    now,
  })
  if (status !== 'pending') await repo.confirm(sub, newsletterId, now)
  if (status === 'unsubscribed') await repo.unsubscribe(sub, newsletterId, now)
  return sub
}

/** An address on the suppression list, as a bounce report would put it there. */
export async function addSuppression(storage: Storage, email: string, now: Date): Promise<void> {
  await storage.db
    .insertInto('suppression')
    .values({ email, reason: 'bounce', source: 'test', detail: '', at: now.getTime() })
    .execute()
}

/** Each address confirmed on the newsletter at once (no pending step): readers for a send. */
export async function addConfirmedReaders(
  storage: Storage,
  newsletterId: number,
  emails: readonly string[],
): Promise<void> {
  const repo = createNewsletterRepository(storage.db)
  for (const e of emails) {
    await repo.saveSubscription({
      subscriberId: await repo.subscriberId(e, new Date()),
      newsletterId,
      status: 'confirmed',
      consentText: 'test',
      now: new Date(),
    })
  }
}

/**
 * The scene of a send: the basic newsroom, one story, the newsletter "weekly" with `emails` as
 * confirmed readers, and a draft edition of that story; not yet approved, as each test approves
 * it its own way. The ids.
 */
export async function draftEditionOfOneStory(
  app: Pick<App, 'content' | 'repo' | 'newsletters' | 'editions'>,
  storage: Storage,
  o: { emails: readonly string[]; subject: string; intro: string; language?: string },
): Promise<{ newsletterId: number; editionId: number }> {
  const b = await seedBasics(app)
  const language = o.language ?? 'en'
  const article = await app.content.createArticle(articleInput(b, { language }))
  const newsletterId = await app.newsletters.createNewsletter({
    slug: 'weekly',
    name: 'The Weekly',
    language,
  })
  await addConfirmedReaders(storage, newsletterId, o.emails)
  const editionId = await app.editions.createDraft(newsletterId, {
    suggested: false,
    staffId: null,
  })
  await app.editions.update(editionId, {
    subject: o.subject,
    intro: o.intro,
    items: [{ articleId: article.id, blurb: '' }],
  })
  return { newsletterId, editionId }
}
