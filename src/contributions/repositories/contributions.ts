import type { Kysely } from 'kysely'
import type { ContributionTable, Database } from '../../storage/index.js'
import type { Method } from '../appeal.js'
import type { Contribution, Provider } from '../contribution.js'
import type { Frequency } from '../money.js'
import { type Payment, toContribution } from './rows.js'

export interface NewContribution {
  provider: Provider
  method: Method
  checkoutRef: string
  amount: number
  currency: string
  frequency: Frequency
  language: string
}

/** Any one of these finds a contribution; they are tried in this order. */
export interface ContributionLookup {
  id?: number
  checkoutRef?: string
  subscriptionRef?: string
  paymentRef?: string
}

/** A provider event's id and kind, stored so the event is applied once. */
export interface ProviderEvent {
  id: string
  provider: Provider
  type: string
}

/** What applying one provider event may do, all inside the event's transaction. */
export interface EventTransaction {
  find(q: ContributionLookup): Promise<Contribution | undefined>
  save(c: Contribution): Promise<void>
  /** A payment is recorded once per reference; a repeat changes nothing. */
  recordPayment(p: Payment): Promise<void>
}

/** Contributions as checkouts make them and provider events move them. */
export interface ContributionStore {
  /** A pending contribution; the provider's checkout reference is set once known. */
  insertContribution(c: NewContribution, now: Date): Promise<number>
  setCheckoutRef(id: number, checkoutRef: string): Promise<void>
  deleteContribution(id: number): Promise<void>
  find(q: ContributionLookup): Promise<Contribution | undefined>
  /**
   * Runs `apply` once per provider event id: the id is stored first, in the same transaction
   * as the change, so a replay finds it and a failure leaves neither (the provider retries).
   */
  onceForEvent(
    event: ProviderEvent,
    now: Date,
    apply: (tx: EventTransaction) => Promise<void>,
  ): Promise<'applied' | 'duplicate'>
}

export function createContributionStore(db: Kysely<Database>): ContributionStore {
  async function find(
    q: ContributionLookup,
    tx: Kysely<Database> = db,
  ): Promise<Contribution | undefined> {
    const tries: [keyof ContributionTable, string | number | undefined][] = [
      ['id', q.id],
      ['checkout_ref', q.checkoutRef],
      ['subscription_ref', q.subscriptionRef],
      ['payment_ref', q.paymentRef],
    ]
    for (const [col, v] of tries) {
      if (v === undefined || v === '') continue
      const r = await tx
        .selectFrom('contribution')
        .selectAll()
        .where(col, '=', v as never)
        .orderBy('id')
        .executeTakeFirst()
      if (r) return toContribution(r)
    }
    return undefined
  }

  return {
    async insertContribution(c: NewContribution, now: Date): Promise<number> {
      const r = await db
        .insertInto('contribution')
        .values({
          provider: c.provider,
          method: c.method,
          checkout_ref: c.checkoutRef,
          amount: c.amount,
          currency: c.currency,
          frequency: c.frequency,
          status: 'pending',
          language: c.language,
          created_at: now.getTime(),
          subscription_ref: null,
          customer_ref: null,
          payment_ref: null,
          email: null,
          paid_at: null,
          cancelled_at: null,
          status_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return Number(r.id)
    },

    async setCheckoutRef(id: number, checkoutRef: string): Promise<void> {
      await db
        .updateTable('contribution')
        .set({ checkout_ref: checkoutRef })
        .where('id', '=', id)
        .execute()
    },

    async deleteContribution(id: number): Promise<void> {
      await db.deleteFrom('contribution').where('id', '=', id).execute()
    },

    find,

    /**
     * Runs `apply` once per provider event id: the id is stored first, in the same transaction
     * as the change, so a replay finds it and a failure leaves neither (the provider retries).
     */
    async onceForEvent(
      event: ProviderEvent,
      now: Date,
      apply: (tx: EventTransaction) => Promise<void>,
    ): Promise<'applied' | 'duplicate'> {
      return db.transaction().execute(async (tx) => {
        const inserted = await tx
          .insertInto('payment_event')
          .values({
            id: event.id,
            provider: event.provider,
            type: event.type.slice(0, 100),
            received_at: now.getTime(),
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst()
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return 'duplicate'
        await apply({
          find: (q) => find(q, tx),
          save: async (c) => {
            await tx
              .updateTable('contribution')
              .set({
                subscription_ref: c.subscriptionRef,
                customer_ref: c.customerRef,
                payment_ref: c.paymentRef,
                amount: c.amount,
                status: c.status,
                email: c.email,
                paid_at: c.paidAt?.getTime() ?? null,
                cancelled_at: c.cancelledAt?.getTime() ?? null,
                status_at: c.statusAt?.getTime() ?? null,
              })
              .where('id', '=', c.id)
              .execute()
          },
          recordPayment: async (p) => {
            await tx
              .insertInto('contribution_payment')
              .values({
                contribution_id: p.contributionId,
                ref: p.ref,
                kind: p.kind,
                amount: p.amount,
                currency: p.currency,
                at: p.at.getTime(),
              })
              .onConflict((oc) => oc.column('ref').doNothing())
              .execute()
          },
        })
        return 'applied'
      })
    },
  }
}
