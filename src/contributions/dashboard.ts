import type { Contribution } from './contribution.js'
import type { Payment } from './contributions-repository.js'
import { csvCell } from '../lib/csv.js'
import { monthlyValue } from './money.js'

/**
 * The newsroom's view of its reader revenue: money in per day and per month, what recurring
 * gifts bring each month, new and cancelled supporters. Amounts stay per currency: adding
 * euros to dollars would need a rate we do not have.
 */
export interface Dashboard {
  from: Date
  to: Date
  /**
   * Money in per day (first payments, renewals, less refunds), one row per day from `from` to
   * `to`, oldest first, also days with nothing; `count` is how many payments.
   */
  days: { day: string; count: number; totals: Record<string, number> }[]
  months: { month: string; count: number; totals: Record<string, number> }[]
  /** Monthly value of running recurring gifts (annual counted as a twelfth). */
  recurring: Record<string, number>
  runningCount: number
  newSupporters: number
  cancelled: number
  currencies: string[]
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10)

function add(t: Record<string, number>, currency: string, minor: number) {
  t[currency] = (t[currency] ?? 0) + minor
}

export function summarise(
  recent: Contribution[],
  running: Contribution[],
  payments: Payment[],
  from: Date,
  to: Date,
): Dashboard {
  const days = new Map<string, { day: string; count: number; totals: Record<string, number> }>()
  for (let t = from.getTime(); t <= to.getTime(); t += 86_400_000) {
    const d = dayOf(new Date(t))
    days.set(d, { day: d, count: 0, totals: {} })
  }
  const months = new Map<string, { month: string; count: number; totals: Record<string, number> }>()
  const currencies = new Set<string>()
  let newSupporters = 0
  let cancelled = 0
  for (const p of payments) {
    if (p.at < from || p.at > to) continue
    currencies.add(p.currency)
    const d = days.get(dayOf(p.at))
    if (d) {
      if (p.kind !== 'refund') d.count++
      add(d.totals, p.currency, p.amount)
    }
    const m = dayOf(p.at).slice(0, 7)
    const row = months.get(m) ?? { month: m, count: 0, totals: {} }
    if (p.kind !== 'refund') row.count++
    add(row.totals, p.currency, p.amount)
    months.set(m, row)
  }
  for (const c of recent) {
    if (c.paidAt && c.paidAt >= from && c.paidAt <= to) newSupporters++
    if (c.cancelledAt && c.cancelledAt >= from && c.cancelledAt <= to) cancelled++
  }
  const recurring: Record<string, number> = {}
  for (const c of running) {
    currencies.add(c.currency)
    add(recurring, c.currency, monthlyValue(c.amount, c.frequency))
  }
  return {
    from,
    to,
    days: [...days.values()],
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    recurring,
    runningCount: running.length,
    newSupporters,
    cancelled,
    currencies: [...currencies].sort(),
  }
}

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(v: string | number | null): string {
  return v === null ? '' : csvCell(String(v))
}

export const CSV_HEADER =
  'id,created,paid,cancelled,status,frequency,amount,currency,method,provider,language,email'

export function csvRow(c: Contribution): string {
  const iso = (d: Date | null) => (d ? d.toISOString() : null)
  return [
    c.id,
    iso(c.createdAt),
    iso(c.paidAt),
    iso(c.cancelledAt),
    c.status,
    c.frequency,
    c.amount,
    c.currency,
    c.method,
    c.provider,
    c.language,
    c.email,
  ]
    .map(csvField)
    .join(',')
}
