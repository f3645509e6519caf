import type { Kysely, Selectable } from 'kysely'
import type { ContributionTable, Database } from '../storage/index.js'
import { type AppealSettings, AppealSettingsSchema } from './appeal.js'
import type { Contribution, ContributionStatus, Provider } from './contribution.js'
import type { Method } from './appeal.js'
import type { Frequency } from './money.js'

const time = (v: number | null) => (v === null ? null : new Date(Number(v)))

function toContribution(r: Selectable<ContributionTable>): Contribution {
  return {
    id: Number(r.id),
    provider: r.provider as Provider,
    method: r.method as Method,
    checkoutRef: r.checkout_ref,
    subscriptionRef: r.subscription_ref,
    customerRef: r.customer_ref,
    paymentRef: r.payment_ref,
    amount: Number(r.amount),
    currency: r.currency,
    frequency: r.frequency,
    status: r.status as ContributionStatus,
    email: r.email,
    language: r.language,
    createdAt: new Date(Number(r.created_at)),
    paidAt: time(r.paid_at),
    cancelledAt: time(r.cancelled_at),
    statusAt: time(r.status_at),
  }
}

export interface NewContribution {
  provider: Provider
  method: Method
  checkoutRef: string
  amount: number
  currency: string
  frequency: Frequency
  language: string
}

/** Money in or out for one contribution: the first payment, a renewal, a refund. */
export interface Payment {
  contributionId: number
  ref: string
  kind: 'first' | 'renewal' | 'refund'
  amount: number
  currency: string
  at: Date
}

export interface ContributionLookup {
  id?: number
  checkoutRef?: string
  subscriptionRef?: string
  paymentRef?: string
}

/** Queries only, on both databases. */
export function createContributionsRepository(db: Kysely<Database>) {
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
    async listAppeals(): Promise<AppealSettings[]> {
      const rows = await db.selectFrom('appeal').selectAll().orderBy('language').execute()
      const out: AppealSettings[] = []
      for (const r of rows) {
        // A document that no longer fits the schema is skipped, not shown half-right.
        const parsed = AppealSettingsSchema.safeParse(JSON.parse(r.settings))
        if (parsed.success) out.push(parsed.data)
      }
      return out
    },

    async saveAppeal(s: AppealSettings, now: Date): Promise<void> {
      const settings = JSON.stringify(s)
      await db
        .insertInto('appeal')
        .values({ language: s.language, settings, updated_at: now.getTime() })
        .onConflict((oc) =>
          oc.column('language').doUpdateSet({ settings, updated_at: now.getTime() }),
        )
        .execute()
    },

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
      event: { id: string; provider: Provider; type: string },
      now: Date,
      apply: (tx: {
        find: (q: ContributionLookup) => Promise<Contribution | undefined>
        save: (c: Contribution) => Promise<void>
        recordPayment: (p: Payment) => Promise<void>
      }) => Promise<void>,
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

    async countEvents(): Promise<number> {
      const r = await db
        .selectFrom('payment_event')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },

    async countContributions(): Promise<number> {
      const r = await db
        .selectFrom('contribution')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },

    /** Every contribution that was paid, or cancelled, since `from` (for the dashboard). */
    async listSince(from: Date): Promise<Contribution[]> {
      const t = from.getTime()
      const rows = await db
        .selectFrom('contribution')
        .selectAll()
        .where((eb) => eb.or([eb('paid_at', '>=', t), eb('cancelled_at', '>=', t)]))
        .orderBy('id')
        .execute()
      return rows.map(toContribution)
    },

    async listPaymentsSince(from: Date): Promise<Payment[]> {
      const rows = await db
        .selectFrom('contribution_payment')
        .selectAll()
        .where('at', '>=', from.getTime())
        .orderBy('at')
        .execute()
      return rows.map((r) => ({
        contributionId: Number(r.contribution_id),
        ref: r.ref,
        kind: r.kind,
        amount: Number(r.amount),
        currency: r.currency,
        at: new Date(Number(r.at)),
      }))
    },

    /** Recurring contributions still running (for recurring revenue). */
    async listRunning(): Promise<Contribution[]> {
      const rows = await db
        .selectFrom('contribution')
        .selectAll()
        .where('frequency', '!=', 'once')
        .where('status', 'in', ['active', 'past_due'])
        .execute()
      return rows.map(toContribution)
    },

    /** Running recurring gifts given with this email (for the supporter's manage link). */
    async listRunningByEmail(email: string): Promise<Contribution[]> {
      const rows = await db
        .selectFrom('contribution')
        .selectAll()
        .where('email', '=', email)
        .where('frequency', '!=', 'once')
        .where('status', 'in', ['active', 'past_due'])
        .orderBy('id')
        .limit(20)
        .execute()
      return rows.map(toContribution)
    },

    async insertReminder(r: {
      email: string
      language: string
      month: string
      consentText: string
      now: Date
    }): Promise<void> {
      await db
        .insertInto('contribution_reminder')
        .values({
          email: r.email,
          language: r.language,
          month: r.month,
          consent_text: r.consentText,
          consent_at: r.now.getTime(),
        })
        .execute()
    },

    /**
     * Takes (deletes and returns) one reminder due by `month`. Deleting before sending means a
     * crash mid-send loses a reminder rather than sending it twice, and the address is gone
     * either way.
     */
    async takeDueReminder(month: string) {
      return db.transaction().execute(async (tx) => {
        const r = await tx
          .selectFrom('contribution_reminder')
          .selectAll()
          .where('month', '<=', month)
          .orderBy('id')
          .limit(1)
          .executeTakeFirst()
        if (!r) return undefined
        const gone = await tx
          .deleteFrom('contribution_reminder')
          .where('id', '=', r.id)
          .executeTakeFirst()
        return Number(gone.numDeletedRows) === 1
          ? { email: r.email, language: r.language, month: r.month }
          : undefined
      })
    },

    async countReminders(): Promise<number> {
      const r = await db
        .selectFrom('contribution_reminder')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },

    /** For CSV export, newest first, in pages. */
    async listPage(limit: number, beforeId?: number): Promise<Contribution[]> {
      let q = db.selectFrom('contribution').selectAll().orderBy('id', 'desc').limit(limit)
      if (beforeId !== undefined) q = q.where('id', '<', beforeId)
      return (await q.execute()).map(toContribution)
    },
  }
}

export type ContributionsRepository = ReturnType<typeof createContributionsRepository>
