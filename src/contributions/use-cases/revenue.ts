import type { Clock } from '../../lib/clock.js'
import type { Contribution } from '../contribution.js'
import { type Dashboard, summarise } from '../dashboard.js'
import type { RevenueReads } from '../repositories/revenue.js'

/** The newsroom's view of money in: the dashboard and the export. */
export interface RevenueService {
  /** The last `days` days (60 by default), from the start of the first one, in UTC. */
  dashboard(days?: number): Promise<Dashboard>
  /** For CSV export, newest first, in pages. */
  listPage(limit: number, beforeId?: number): Promise<Contribution[]>
}

export function createRevenueService(deps: {
  repo: Pick<RevenueReads, 'listSince' | 'listRunning' | 'listPaymentsSince' | 'listPage'>
  clock: Clock
}): RevenueService {
  const { repo, clock } = deps
  return {
    async dashboard(days = 60): Promise<Dashboard> {
      const now = clock.now()
      const from = new Date(now.getTime() - days * 86_400_000)
      from.setUTCHours(0, 0, 0, 0)
      const [recent, running, payments] = await Promise.all([
        repo.listSince(from),
        repo.listRunning(),
        repo.listPaymentsSince(from),
      ])
      return summarise(recent, running, payments, from, now)
    },

    listPage: repo.listPage,
  }
}
