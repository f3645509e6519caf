import type { ContributionsService } from '../contributions/index.js'
import type { SubscriberService } from '../newsletter/index.js'

const DAY = 24 * 3600_000
/** How far back the demo's history goes: a few months, so the dashboards have a shape. */
export const HISTORY_DAYS = 120

/** A fixed sequence in [0, 1): the same demo every time, without Math.random. */
function sequence(seed: number): () => number {
  let x = seed >>> 0
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return x / 2 ** 32
  }
}

/** Days ago, more of them recent: a newsletter and a support drive that grow. */
const growing = (r: number) => Math.floor(HISTORY_DAYS * (1 - Math.sqrt(r)))

/**
 * Readers of the weekly who confirmed over the last months (a few left again), all at
 * `@demo.invalid`, so the subscriber dashboard shows growth on a fresh demo. Written through
 * the subscriber import, as a list moved from another system would be.
 */
export async function seedDemoReaders(
  subscribers: Pick<SubscriberService, 'importSubscriptions'>,
  newsletterId: number,
  now: number,
  count = 180,
): Promise<number> {
  const next = sequence(7)
  const rows = Array.from({ length: count }, (_, i) => {
    const confirmedAt = now - growing(next()) * DAY - Math.floor(next() * DAY)
    const left = i % 17 === 5
    return {
      email: `reader-${i + 1}@demo.invalid`,
      newsletterId,
      status: left ? ('unsubscribed' as const) : ('confirmed' as const),
      consentText: 'Demo reader: invented by the demo seed, never mailed.',
      consentAt: confirmedAt - 5 * 60_000,
      confirmedAt,
      unsubscribedAt: left ? Math.min(now, confirmedAt + 20 * DAY) : null,
    }
  })
  return (await subscribers.importSubscriptions(rows)).added
}

/**
 * Test-mode gifts over the last months (one-time and monthly, some monthly ones stopped), with
 * their renewals: the contributions dashboard has money in, recurring revenue and a chart. The
 * records are the test provider's, every reference `demo_…`, every email `@demo.invalid`.
 */
export async function seedDemoGifts(
  contributions: Pick<ContributionsService, 'recordDemoGift'>,
  languages: readonly string[],
  now: number,
  count = 60,
): Promise<number> {
  const next = sequence(11)
  const amounts = { once: [1000, 2500, 5000, 10000], monthly: [300, 500, 1000] } as const
  for (let i = 0; i < count; i++) {
    const frequency = i % 5 < 2 ? 'monthly' : 'once'
    const list = amounts[frequency]
    const at = new Date(now - growing(next()) * DAY - Math.floor(next() * DAY))
    const renewals: Date[] = []
    if (frequency === 'monthly')
      for (let t = at.getTime() + 30 * DAY; t < now; t += 30 * DAY) renewals.push(new Date(t))
    // A few monthly gifts stopped after their latest renewal: cancellations in the window too.
    const stopped = frequency === 'monthly' && (i % 7 === 3 || i % 7 === 5)
    const last = (renewals.at(-1) ?? at).getTime()
    await contributions.recordDemoGift({
      amount: list[Math.floor(next() * list.length)]!,
      currency: i % 6 === 4 ? 'USD' : 'EUR',
      frequency,
      method: 'card',
      language: languages[i % 4 === 3 ? languages.length - 1 : 0] ?? 'en',
      email: `supporter-${i + 1}@demo.invalid`,
      at,
      renewals,
      ...(stopped
        ? {
            cancelledAt: new Date(
              Math.max(last + 60_000, Math.min(now - 3600_000, last + 2 * DAY)),
            ),
          }
        : {}),
    })
  }
  return count
}
