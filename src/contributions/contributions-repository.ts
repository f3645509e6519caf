import type { Kysely } from 'kysely'
import type { Database } from '../storage/index.js'
import { type AppealStore, createAppealStore } from './repositories/appeals.js'
import { type ContributionStore, createContributionStore } from './repositories/contributions.js'
import { type ReminderStore, createReminderStore } from './repositories/reminders.js'
import { type RevenueReads, createRevenueReads } from './repositories/revenue.js'

export type { AppealStore } from './repositories/appeals.js'
export type {
  ContributionLookup,
  ContributionStore,
  EventTransaction,
  NewContribution,
  ProviderEvent,
} from './repositories/contributions.js'
export type { DueReminder, ReminderStore } from './repositories/reminders.js'
export type { RevenueReads } from './repositories/revenue.js'
export type { Payment } from './repositories/rows.js'

/**
 * Every contributions query, on both databases, one part per concern (see `repositories/`):
 * appeals, contributions and their provider events, revenue reads, reminders.
 */
export interface ContributionsRepository
  extends AppealStore, ContributionStore, RevenueReads, ReminderStore {}

export function createContributionsRepository(db: Kysely<Database>): ContributionsRepository {
  return {
    ...createAppealStore(db),
    ...createContributionStore(db),
    ...createRevenueReads(db),
    ...createReminderStore(db),
  }
}
