import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { Contribution } from '../contribution.js'
import { type Payment, toContribution } from './rows.js'

/** What the revenue dashboard, the export and the supporter's manage link read. */
export interface RevenueReads {
  /** Every contribution that was paid, or cancelled, since `from` (for the dashboard). */
  listSince(from: Date): Promise<Contribution[]>
  listPaymentsSince(from: Date): Promise<Payment[]>
  /** Recurring contributions still running (for recurring revenue). */
  listRunning(): Promise<Contribution[]>
  /** Running recurring gifts given with this email (for the supporter's manage link). */
  listRunningByEmail(email: string): Promise<Contribution[]>
  /** For CSV export, newest first, in pages. */
  listPage(limit: number, beforeId?: number): Promise<Contribution[]>
  /** Provider events stored (each applied once). */
  countEvents(): Promise<number>
  countContributions(): Promise<number>
}

export function createRevenueReads(db: Kysely<Database>): RevenueReads {
  return {
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

    /** For CSV export, newest first, in pages. */
    async listPage(limit: number, beforeId?: number): Promise<Contribution[]> {
      let q = db.selectFrom('contribution').selectAll().orderBy('id', 'desc').limit(limit)
      if (beforeId !== undefined) q = q.where('id', '<', beforeId)
      return (await q.execute()).map(toContribution)
    },
  }
}
