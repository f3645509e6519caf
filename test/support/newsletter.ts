import { createNewsletterRepository } from '../../src/newsletter/newsletter-repository.js'
import type { SubscriptionStatus } from '../../src/newsletter/newsletter.js'
import type { Storage } from '../../src/storage/index.js'

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
