import type { Kysely } from 'kysely'
import type { Database } from '../storage/index.js'
import { type SubscriberFiles, createSubscriberFiles } from './repositories/subscriber-files.js'
import { type SubscriberLists, createSubscriberLists } from './repositories/subscribers.js'
import { type SuppressionStore, createSuppressionStore } from './repositories/suppressions.js'

export type {
  ExportRow,
  ImportCounts,
  SubscriptionImport,
  SubscriberFiles,
} from './repositories/subscriber-files.js'
export type {
  RecipientQuery,
  StatusCounts,
  SubscriberLists,
  SubscriberMatch,
  SubscriptionDetail,
  WeeklyCounts,
} from './repositories/subscribers.js'
export type { SuppressionStore } from './repositories/suppressions.js'

/**
 * Queries for subscriber lists, the suppression list and the subscriber file, on both
 * databases, one part per concern (see `repositories/`).
 */
export interface SubscriberRepository extends SubscriberLists, SuppressionStore, SubscriberFiles {}

export function createSubscriberRepository(db: Kysely<Database>): SubscriberRepository {
  return {
    ...createSubscriberLists(db),
    ...createSuppressionStore(db),
    ...createSubscriberFiles(db),
  }
}
