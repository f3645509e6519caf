import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { SubscriptionStatus } from '../newsletter.js'
import type { ExistingSubscription } from '../subscribers.js'
import { BATCH, num } from './rows.js'

/** One line of the subscriber export: a subscription with its consent record. */
export interface ExportRow {
  subscriberId: number
  newsletterId: number
  email: string
  newsletter: string
  status: SubscriptionStatus
  consentText: string
  consentAt: number
  confirmedAt: number | null
  unsubscribedAt: number | null
}

/** A checked import row (subscribers.ts parses the file) with its newsletter found by slug. */
export interface SubscriptionImport {
  email: string
  newsletterId: number
  status: SubscriptionStatus
  consentText: string
  consentAt: number
  confirmedAt: number | null
  unsubscribedAt: number | null
}

export interface ImportCounts {
  added: number
  updated: number
  skipped: number
  suppressed: number
}

/** The subscriber file's storage: the export read a page at a time, the import in one go. */
export interface SubscriberFiles {
  /** One page of the export, in (subscriber, newsletter) order after the given key. */
  exportPage(after: [number, number], limit: number): Promise<ExportRow[]>
  /**
   * Writes checked import rows in one transaction: subscribers made as needed, then each
   * row's subscription added or updated as `decide` says. Suppressed addresses are skipped.
   */
  importRows<R extends SubscriptionImport>(
    rows: readonly R[],
    decide: (existing: ExistingSubscription | undefined, row: R) => 'add' | 'update' | 'skip',
    now: Date,
  ): Promise<ImportCounts>
}

export function createSubscriberFiles(db: Kysely<Database>): SubscriberFiles {
  return {
    /** One page of the export, in (subscriber, newsletter) order after the given key. */
    async exportPage(after: [number, number], limit: number): Promise<ExportRow[]> {
      const rows = await db
        .selectFrom('subscription')
        .innerJoin('subscriber', 'subscriber.id', 'subscription.subscriber_id')
        .innerJoin('newsletter', 'newsletter.id', 'subscription.newsletter_id')
        .select([
          'subscription.subscriber_id',
          'subscription.newsletter_id',
          'subscriber.email',
          'newsletter.slug',
          'subscription.status',
          'subscription.consent_text',
          'subscription.consent_at',
          'subscription.confirmed_at',
          'subscription.unsubscribed_at',
        ])
        .where((eb) =>
          eb.or([
            eb('subscription.subscriber_id', '>', after[0]),
            eb.and([
              eb('subscription.subscriber_id', '=', after[0]),
              eb('subscription.newsletter_id', '>', after[1]),
            ]),
          ]),
        )
        .orderBy('subscription.subscriber_id')
        .orderBy('subscription.newsletter_id')
        .limit(limit)
        .execute()
      return rows.map((r) => ({
        subscriberId: r.subscriber_id,
        newsletterId: r.newsletter_id,
        email: r.email,
        newsletter: r.slug,
        status: r.status,
        consentText: r.consent_text,
        consentAt: Number(r.consent_at),
        confirmedAt: num(r.confirmed_at),
        unsubscribedAt: num(r.unsubscribed_at),
      }))
    },

    /**
     * Writes checked import rows in one transaction: subscribers made as needed, then each
     * row's subscription added or updated as `decide` says. Suppressed addresses are skipped.
     */
    async importRows(rows, decide, now) {
      return db.transaction().execute(async (trx) => {
        const emails = [...new Set(rows.map((r) => r.email))]
        const suppressed = new Set<string>()
        const ids = new Map<string, number>()
        for (let i = 0; i < emails.length; i += BATCH) {
          const chunk = emails.slice(i, i + BATCH)
          for (const s of await trx
            .selectFrom('suppression')
            .select('email')
            .where('email', 'in', chunk)
            .execute())
            suppressed.add(s.email)
          const fresh = chunk.filter((e) => !suppressed.has(e))
          if (fresh.length)
            await trx
              .insertInto('subscriber')
              .values(fresh.map((email) => ({ email, created_at: now.getTime() })))
              .onConflict((oc) => oc.column('email').doNothing())
              .execute()
          for (const s of await trx
            .selectFrom('subscriber')
            .select(['id', 'email'])
            .where('email', 'in', chunk)
            .execute())
            ids.set(s.email, s.id)
        }
        const existing = new Map<string, ExistingSubscription>()
        const idList = [...new Set(ids.values())]
        for (let i = 0; i < idList.length; i += BATCH) {
          for (const s of await trx
            .selectFrom('subscription')
            .select(['subscriber_id', 'newsletter_id', 'status', 'unsubscribed_at'])
            .where('subscriber_id', 'in', idList.slice(i, i + BATCH))
            .execute())
            existing.set(`${s.subscriber_id}:${s.newsletter_id}`, {
              status: s.status,
              unsubscribedAt: num(s.unsubscribed_at),
            })
        }
        const counts = { added: 0, updated: 0, skipped: 0, suppressed: 0 }
        const inserts: Database['subscription'][] = []
        for (const r of rows) {
          if (suppressed.has(r.email)) {
            counts.suppressed++
            continue
          }
          const sid = ids.get(r.email)!
          const action = decide(existing.get(`${sid}:${r.newsletterId}`), r)
          const values = {
            status: r.status,
            consent_text: r.consentText,
            consent_at: r.consentAt,
            confirmed_at: r.confirmedAt,
            unsubscribed_at: r.unsubscribedAt,
          }
          if (action === 'skip') counts.skipped++
          else if (action === 'add') {
            counts.added++
            inserts.push({
              subscriber_id: sid,
              newsletter_id: r.newsletterId,
              confirm_sent_at: null,
              ...values,
            })
          } else {
            counts.updated++
            await trx
              .updateTable('subscription')
              .set(values)
              .where('subscriber_id', '=', sid)
              .where('newsletter_id', '=', r.newsletterId)
              .execute()
          }
        }
        for (let i = 0; i < inserts.length; i += BATCH)
          await trx
            .insertInto('subscription')
            .values(inserts.slice(i, i + BATCH))
            .execute()
        return counts
      })
    },
  }
}
